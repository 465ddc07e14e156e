import type { SyncWindowInfo } from '../../../nodes/shared/sync/syncWindow';
import { runWorkflow } from '../../harness/run-workflow';
import { connectionCredential, fetchWorkflow, startSyncEnv, type SyncEnv } from '../../support/sync-env';

const FETCH = 'WooCommerce Fetch';
/** 20 000 by default to keep the suite short; CAPPED_SYNC_ORDERS=50000 runs the full-size case (about 50 s of fetching here). */
const ORDERS = Number(process.env.CAPPED_SYNC_ORDERS ?? 20_000);
const CAP = ORDERS / 5;

/**
 * A first sync with five times Max Records per Run: each run starts at the cursor the previous
 * one handed on, as the templates keep it in their Data table (the push in between is left out:
 * this is about the windows). No order is missed and each run stays near the cap.
 */
describe(`a capped first sync of ${ORDERS} orders`, () => {
	let env: SyncEnv;
	beforeAll(async () => {
		env = await startSyncEnv({ orders: ORDERS, products: 10, seed: 7 });
	}, 60_000);
	afterAll(async () => await env.close());

	it('completes over several runs, each continuing from the window end the last one handed on', async () => {
		const credentials = { extendCommerceConnectionApi: connectionCredential(env.store, 'basic-https', { orderStart: '2000-01-01T00:00:00Z' }) };
		const live = env.store.store.orders().filter((order) => order.status !== 'trash');
		expect(live.length).toBeGreaterThan(ORDERS * 0.9);
		const seen = new Set<number>();
		const sizes: number[] = [];
		let cursor = '';
		for (let capped = true; capped && sizes.length < 10; ) {
			const result = await runWorkflow(fetchWorkflow({ resource: 'order', since: 'cursor', options: { maxRecordsPerRun: CAP } }), { credentials, triggerItems: [{ json: { cursor } }] });
			expect(result.error).toBeUndefined();
			const window = result.items(FETCH, 1)[0].json as unknown as SyncWindowInfo;
			for (const item of result.items(FETCH)) seen.add(Number(item.json.id));
			sizes.push(window.records);
			capped = window.capped;
			cursor = window.windowEnd;
		}
		expect(seen.size).toBe(live.length);
		expect(sizes.length).toBeGreaterThanOrEqual(Math.ceil(live.length / CAP));
		expect(sizes.length).toBeLessThanOrEqual(Math.ceil(live.length / CAP) + 2);
		for (const size of sizes) expect(size).toBeLessThanOrEqual(CAP * 1.1);
	}, 120_000);
});
