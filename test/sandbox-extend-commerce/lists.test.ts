import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { call, manualClock, orderBody } from './helpers';

describe('GET CustomerOrders and GET ProductAvailability: filters and paging', () => {
	let office: BackOffice;
	const clock = manualClock('2025-03-04T09:00:00Z');
	beforeAll(async () => {
		office = await startBackOffice({ clock: clock.now, master: { products: ['A', 'B', 'C'], warehouses: ['MAIN', 'SOUTH'] } });
		for (let i = 1; i <= 7; i++) {
			await call(office, 'POST', '/CustomerOrders', { body: orderBody(`W-${i}`, [{ productNumber: 'A' }]) });
			clock.advance(60);
		}
		for (const [product, warehouse, qty] of [['A', 'MAIN', 5], ['B', 'MAIN', 0], ['A', 'SOUTH', 2], ['C', 'SOUTH', 9]] as const) {
			office.setAvailableBalance(product, warehouse, qty);
			clock.advance(60);
		}
	});
	afterAll(() => office.close());

	it('answers a JSON array of order summaries, oldest change first, paged by page/pageSize; a short page is the last', async () => {
		const pages: string[][] = [];
		for (let page = 1; ; page++) {
			const answer = await call(office, 'GET', `/CustomerOrders?page=${page}&pageSize=3`);
			expect(answer.status).toBe(200);
			expect(Array.isArray(answer.body)).toBe(true);
			pages.push(answer.body.map((o: { orderNumberExternal: string }) => o.orderNumberExternal));
			if (answer.body.length < 3) break;
		}
		expect(pages).toEqual([['W-1', 'W-2', 'W-3'], ['W-4', 'W-5', 'W-6'], ['W-7']]);
		const first = (await call(office, 'GET', '/CustomerOrders?pageSize=1')).body[0];
		expect(Object.keys(first).sort()).toEqual(['changed', 'created', 'customerNumber', 'orderNumber', 'orderNumberExternal', 'status']);
	});

	it('filters by changedSince (inclusive, any offset) and by orderNumberExternal', async () => {
		const since = await call(office, 'GET', `/CustomerOrders?changedSince=${encodeURIComponent('2025-03-04T11:05:00+02:00')}`);
		expect(since.body.map((o: { orderNumberExternal: string }) => o.orderNumberExternal)).toEqual(['W-6', 'W-7']);
		const one = await call(office, 'GET', '/CustomerOrders?orderNumberExternal=W-4');
		expect(one.body).toHaveLength(1);
		expect(one.body[0].orderNumber).toBe(office.data.orderByExternal('W-4')!.orderNumber);
		expect((await call(office, 'GET', '/CustomerOrders?orderNumberExternal=none')).body).toEqual([]);
	});

	it('lists an order again once it changes', async () => {
		const n = office.data.orderByExternal('W-2')!.orderNumber;
		office.reserveOrder(n);
		const changed = await call(office, 'GET', `/CustomerOrders?changedSince=${office.data.order(n)!.changed}`);
		expect(changed.body.map((o: { orderNumber: string; status: string }) => [o.orderNumber, o.status])).toEqual([[n, 'Reserved']]);
	});

	it('refuses malformed paging and dates with 400 naming the parameter', async () => {
		for (const query of ['page=0', 'pageSize=101', 'pageSize=abc', 'changedSince=yesterday', 'changedSince=2025-03-04T09:00:00']) {
			const answer = await call(office, 'GET', `/CustomerOrders?${query}`);
			expect([query, answer.status]).toEqual([query, 400]);
			expect(answer.body.parameter).toBe(query.split('=')[0]);
		}
	});

	it('ProductAvailability rows have productNumber, warehouse, availableBalance and changed; filters combine; pages', async () => {
		const all = await call(office, 'GET', '/ProductAvailability');
		expect(all.body).toEqual([
			{ productNumber: 'A', warehouse: 'MAIN', availableBalance: 5, changed: '2025-03-04T09:07:00.000Z' },
			{ productNumber: 'B', warehouse: 'MAIN', availableBalance: 0, changed: '2025-03-04T09:08:00.000Z' },
			{ productNumber: 'A', warehouse: 'SOUTH', availableBalance: 2, changed: '2025-03-04T09:09:00.000Z' },
			{ productNumber: 'C', warehouse: 'SOUTH', availableBalance: 9, changed: '2025-03-04T09:10:00.000Z' },
		]);
		const pick = (q: string) => call(office, 'GET', `/ProductAvailability?${q}`).then((a) => a.body.map((r: { productNumber: string; warehouse: string }) => `${r.productNumber}@${r.warehouse}`));
		expect(await pick('warehouse=SOUTH')).toEqual(['A@SOUTH', 'C@SOUTH']);
		expect(await pick('productNumbers=A,C')).toEqual(['A@MAIN', 'A@SOUTH', 'C@SOUTH']);
		expect(await pick('changedSince=2025-03-04T09:08:00Z&warehouse=MAIN')).toEqual(['B@MAIN']);
		expect(await pick('page=2&pageSize=3')).toEqual(['C@SOUTH']);
	});

	it('refuses an unknown warehouse in ProductAvailability with 422', async () => {
		const answer = await call(office, 'GET', '/ProductAvailability?warehouse=MOON');
		expect(answer.status).toBe(422);
		expect(answer.body.message).toContain("warehouse 'MOON' does not exist");
	});
});
