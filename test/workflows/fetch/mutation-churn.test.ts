import type { WooOrder } from '../../../sandbox/woocommerce';
import { credentialsFor, runFetch, startSyncEnv, type SyncEnv } from '../../support/sync-env';

const SETTLE_SECONDS = 30;

/** Orders that must be in a run's output: not trash, not touched by the churn since the run began, dated safely inside its window. */
function stableOrders(env: SyncEnv, touched: Set<number>, runStartMs: number): WooOrder[] {
	const safeEnd = new Date(runStartMs - (SETTLE_SECONDS + 1) * 1000).toISOString().slice(0, 19);
	return env.store.store.orders().filter((order) => order.status !== 'trash' && !touched.has(order.id) && order.date_modified_gmt < safeEnd);
}

function touchedSince(env: SyncEnv, from: number): Set<number> {
	return new Set(env.store.churn.changes.slice(from).filter((change) => change.kind === 'order').map((change) => change.id));
}

describe.each([5, 20])('a store taking %i order changes per second, landing while it builds the pages it is asked for', (perSecond) => {
	let env: SyncEnv;
	beforeAll(async () => {
		env = await startSyncEnv({ orders: 800, latencyMs: 15, churnRace: true, seed: perSecond });
	});
	afterAll(async () => await env.close());

	const runAll = async (sinceDate = '2000-01-01T00:00:00Z') => await runFetch({ resource: 'order', since: 'date', sinceDate, options: { concurrency: 4, settleSeconds: SETTLE_SECONDS } }, credentialsFor(env));

	it('never fails a run and misses no order that stayed in the window — 12 runs', async () => {
		let changesDuringRuns = 0;
		let raced = 0;
		for (let run = 1; run <= 12; run++) {
			// Earlier runs' changes must lie before this run's window end.
			env.store.options.clockOffsetSeconds += 120;
			const from = env.store.churn.changes.length;
			const startedAt = env.store.now().getTime();
			env.store.options.churnPerSecond = perSecond;
			env.store.churn.restart();
			const result = await runAll();
			env.store.options.churnPerSecond = 0;
			expect({ run, error: result.error?.message }).toEqual({ run, error: undefined });
			const got = new Set(result.items('WooCommerce Fetch').map((item) => Number(item.json.id)));
			expect(got.size).toBe(result.items('WooCommerce Fetch').length);
			const missed = stableOrders(env, touchedSince(env, from), startedAt).filter((order) => !got.has(order.id)).map((order) => order.id);
			expect({ run, missed }).toEqual({ run, missed: [] });
			changesDuringRuns += env.store.churn.changes.length - from;
			raced += env.store.churn.changes.slice(from).filter((change) => change.race).length;
		}
		// The trials are only worth something if the store really changed under the reads.
		expect(changesDuringRuns).toBeGreaterThanOrEqual(perSecond);
		expect(raced).toBeGreaterThan(0);
	});

	it('holds every final version of every order in the union of two consecutive runs', async () => {
		env.store.options.clockOffsetSeconds += 120;
		const startedAt = env.store.now().getTime();
		env.store.options.churnPerSecond = perSecond;
		env.store.churn.restart();
		const first = await runAll();
		env.store.options.churnPerSecond = 0;
		expect(first.error).toBeUndefined();
		env.store.options.clockOffsetSeconds += 120;
		// The second run starts a little before the first one's window end (overlap is harmless, a gap is not).
		const second = await runAll(new Date(startedAt - (SETTLE_SECONDS + 2) * 1000).toISOString());
		expect(second.error).toBeUndefined();
		const versions = new Set([...first.items('WooCommerce Fetch'), ...second.items('WooCommerce Fetch')].map((item) => `${String(item.json.id)}@${String(item.json.date_modified_gmt)}`));
		const lost = env.store.store
			.orders()
			.filter((order) => order.status !== 'trash' && !versions.has(`${order.id}@${order.date_modified_gmt}`))
			.map((order) => order.id);
		expect(lost).toEqual([]);
	});

	it('still names a store that ignores modified_after (WooCommerce older than 5.8)', async () => {
		env.store.options.legacyNoModifiedFilter = true;
		env.store.options.churnPerSecond = perSecond;
		env.store.churn.restart();
		try {
			const result = await runAll('2025-06-01T00:00:00Z');
			expect(result.error?.message).toMatch(/ignores the changed-since filter \(WooCommerce older than 5\.8\?\)/);
		} finally {
			env.store.options.legacyNoModifiedFilter = false;
			env.store.options.churnPerSecond = 0;
		}
	});
});
