import type { SyncWindowInfo } from '../../../nodes/shared/sync/syncWindow';
import type { RunResult } from '../../harness/run-workflow';
import { credentialsFor, ids, runFetch, startSyncEnv, type SyncEnv } from '../../support/sync-env';

/*
 * Trashed records between two runs. On WooCommerce 10.0.2 (checked on the real store, see
 * test/fixtures/woocommerce/real-10.0.2/trash-and-delete.md): trashing moves the record's modified date;
 * `status=any` leaves it out; `status=trash` lists it; trashing a variable product trashes its
 * variations and empties its `variations`; DELETE on a variation without force trashes it and
 * moves its parent's modified date.
 */
const FETCH = 'WooCommerce Fetch';

function windowEnd(result: RunResult): string {
	return (result.items(FETCH, 1)[0].json as unknown as SyncWindowInfo).windowEnd;
}

async function fromCursor(env: SyncEnv, resource: 'order' | 'product', cursor: string): Promise<RunResult> {
	return await runFetch({ resource, since: 'cursor', variations: 'array' }, credentialsFor(env), { triggerItems: [{ json: { cursor } as never }] });
}

describe('the fetch sees what was moved to the trash since the last run', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await startSyncEnv();
	});
	afterEach(async () => await env.close());

	const later = (seconds = 120) => (env.store.options.clockOffsetSeconds += seconds);

	it('hands on an order trashed between two runs, with status "trash", and the same order again once restored', async () => {
		const first = await fromCursor(env, 'order', '');
		const [order] = env.store.store.orders().filter((o) => o.status === 'processing');
		env.store.store.trashOrder(Number(order.id));
		later();

		const next = await fromCursor(env, 'order', windowEnd(first));
		expect(next.error).toBeUndefined();
		expect(ids(next.items(FETCH))).toEqual([Number(order.id)]);
		expect(next.items(FETCH)[0].json.status).toBe('trash');
		expect(env.store.log.some((entry) => entry.path === '/wc/v3/orders' && entry.query.status === 'trash')).toBe(true);

		env.store.store.editOrder(Number(order.id), { status: 'processing' });
		later();
		const restored = await fromCursor(env, 'order', windowEnd(next));
		expect(restored.items(FETCH).map((item) => [item.json.id, item.json.status])).toEqual([[order.id, 'processing']]);
	});

	it('reads the trash even when the node lists order statuses', async () => {
		const first = await fromCursor(env, 'order', '');
		const [order] = env.store.store.orders().filter((o) => o.status === 'completed');
		env.store.store.trashOrder(Number(order.id));
		later();
		const next = await runFetch(
			{ resource: 'order', since: 'cursor', filters: { orderStatuses: ['processing', 'completed'] } },
			credentialsFor(env),
			{ triggerItems: [{ json: { cursor: windowEnd(first) } as never }] },
		);
		expect(next.items(FETCH).map((item) => [item.json.id, item.json.status])).toEqual([[order.id, 'trash']]);
	});

	it('hands on a trashed variable product with its trashed variations', async () => {
		const first = await fromCursor(env, 'product', '');
		const parent = env.store.store.insertProduct({ type: 'variable', name: 'Rain Jacket', variations: 3 });
		later();
		const created = await fromCursor(env, 'product', windowEnd(first));
		env.store.store.trashProduct(Number(parent.id));
		later();

		const next = await fromCursor(env, 'product', windowEnd(created));
		expect(next.error).toBeUndefined();
		const items = next.items(FETCH);
		expect(ids(items)).toEqual([Number(parent.id)]);
		expect(items[0].json.status).toBe('trash');
		const variations = items[0].json.variations as Array<{ id: number; status: string }>;
		expect(variations.map((v) => v.status)).toEqual(['trash', 'trash', 'trash']);
	});

	it('hands on the parent of a variation trashed on its own, with that variation marked "trash"', async () => {
		const first = await fromCursor(env, 'product', '');
		const parent = env.store.store.insertProduct({ type: 'variable', name: 'Wool Socks', variations: 2 });
		later();
		const created = await fromCursor(env, 'product', windowEnd(first));
		const [gone, kept] = env.store.store.variations(Number(parent.id));
		env.store.store.trashVariation(Number(parent.id), Number(gone.id));
		later();

		const next = await fromCursor(env, 'product', windowEnd(created));
		const items = next.items(FETCH);
		expect(ids(items)).toEqual([Number(parent.id)]);
		const variations = items[0].json.variations as Array<{ id: number; status: string }>;
		expect(variations.map((v) => [v.id, v.status]).sort()).toEqual([[gone.id, 'trash'], [kept.id, 'publish']].sort());
	});

	it("asks the store's time zone once per run, for the main list and the trash alike", async () => {
		await fromCursor(env, 'product', '');
		expect(env.store.log.filter((entry) => entry.query._fields === 'timezone_string,gmt_offset')).toHaveLength(1);
	});

	it('counts trashed records towards Max Records per Run, and the window says it was capped', async () => {
		const first = await fromCursor(env, 'order', '');
		const trashed = env.store.store.orders().filter((o) => o.status === 'processing').slice(0, 3);
		for (const order of trashed) {
			later(10);
			env.store.store.trashOrder(Number(order.id));
		}
		later();
		const run = (cursor: string) => runFetch({ resource: 'order', since: 'cursor', options: { maxRecordsPerRun: 2 } }, credentialsFor(env), { triggerItems: [{ json: { cursor } as never }] });
		const capped = await run(windowEnd(first));
		expect(capped.items(FETCH).map((item) => [item.json.id, item.json.status])).toEqual(trashed.slice(0, 2).map((order) => [order.id, 'trash']));
		expect(capped.items(FETCH, 1)[0].json).toMatchObject({ records: 2, capped: true });
		const rest = await run(windowEnd(capped));
		expect(rest.items(FETCH).map((item) => item.json.id)).toEqual([trashed[2].id]);
		expect(rest.items(FETCH, 1)[0].json).toMatchObject({ records: 1, capped: false });
	});

	it('hands on a trashed variation with its parent once, not again with every later change of the parent', async () => {
		const first = await fromCursor(env, 'product', '');
		const parent = env.store.store.insertProduct({ type: 'variable', name: 'Linen Shirt', variations: 2 });
		later();
		const created = await fromCursor(env, 'product', windowEnd(first));
		const [gone, kept] = env.store.store.variations(Number(parent.id));
		env.store.store.trashVariation(Number(parent.id), Number(gone.id));
		later();
		const trashedRun = await fromCursor(env, 'product', windowEnd(created));
		expect((trashedRun.items(FETCH)[0].json.variations as Array<{ id: number }>).map((v) => v.id).sort()).toEqual([gone.id, kept.id].sort());
		env.store.store.editProduct(Number(parent.id), { name: 'Linen Shirt, long sleeves' });
		later();
		const edited = await fromCursor(env, 'product', windowEnd(trashedRun));
		expect(ids(edited.items(FETCH))).toEqual([Number(parent.id)]);
		expect((edited.items(FETCH)[0].json.variations as Array<{ id: number; status: string }>).map((v) => [v.id, v.status])).toEqual([[kept.id, 'publish']]);
	});
});
