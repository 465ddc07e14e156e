import { startWooSandbox, type WooSandbox } from '../../sandbox/woocommerce';
import { get } from './helpers';

interface Listed {
	id: number;
	date_modified_gmt: string;
}

describe('a sandbox store that changes while it is read', () => {
	let woo: WooSandbox;
	const list = async (query: string) => {
		const reply = await get(`${woo.httpsUrl}/wp-json/wc/v3/orders?${query}`, woo.keys.readWrite);
		return { total: Number(reply.headers['x-wp-total']), items: reply.json<Listed[]>() };
	};
	afterEach(async () => await woo.close());

	it('makes no change while its rate is 0', async () => {
		woo = await startWooSandbox({ orders: 40 });
		await list('per_page=10');
		expect(woo.churn.changes).toHaveLength(0);
	});

	it('makes about the changes its rate asks for, as requests arrive', async () => {
		woo = await startWooSandbox({ orders: 40, churnPerSecond: 20 });
		woo.churn.restart();
		await new Promise((resolve) => setTimeout(resolve, 1000));
		await list('per_page=10');
		expect(woo.churn.changes.length).toBeGreaterThanOrEqual(18);
		expect(woo.churn.changes.length).toBeLessThanOrEqual(30);
		expect(new Set(woo.churn.changes.map((change) => change.action)).size).toBeGreaterThan(1);
	});

	it('with the race, builds a page after choosing its ids: an edited order comes back dated after the filter, a deleted one is missing', async () => {
		woo = await startWooSandbox({ orders: 60, churnPerSecond: 50, churnRace: true, seed: 3 });
		const before = '2025-12-31T00:00:00';
		woo.churn.restart();
		await new Promise((resolve) => setTimeout(resolve, 400));
		const page = await list(`per_page=50&orderby=id&order=asc&modified_before=${before}&dates_are_gmt=true`);
		const raced = woo.churn.changes.filter((change) => change.race);
		expect(raced.length).toBeGreaterThan(0);
		// The count and the ids were taken before the changes; the objects after them.
		expect(page.total).toBe(60);
		const deleted = new Set(raced.filter((change) => change.action === 'delete').map((change) => change.id));
		const edited = raced.filter((change) => change.action !== 'delete' && !deleted.has(change.id)).map((change) => change.id);
		expect(edited.length).toBeGreaterThan(0);
		for (const id of edited) expect(page.items.find((item) => item.id === id)?.date_modified_gmt.localeCompare(before)).toBe(1);
		for (const id of deleted) expect(page.items.some((item) => item.id === id)).toBe(false);
		expect(page.items.length).toBe(50 - deleted.size);
	});

	it('sorts orders by modified date like HPOS (the UTC column), oldest first', async () => {
		woo = await startWooSandbox({ orders: 80 });
		const { items } = await list('per_page=100&orderby=modified&order=asc');
		const dates = items.map((item) => item.date_modified_gmt);
		expect(dates).toEqual([...dates].sort());
	});
});
