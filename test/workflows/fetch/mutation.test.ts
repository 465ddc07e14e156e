import { credentialsFor, runFetch, startSyncEnv, type SyncEnv } from '../../support/sync-env';

function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

describe('records that change while the node pages', () => {
	let env: SyncEnv;
	beforeAll(async () => {
		env = await startSyncEnv({ orders: 450 });
	});
	afterAll(async () => await env.close());

	it('misses no order that stayed in the window, over 25 seeded trials of edits, inserts, trashing and deletes between pages', async () => {
		const credentials = credentialsFor(env);
		for (let trial = 1; trial <= 25; trial++) {
			const random = seededRandom(trial * 7919);
			const touched = new Set<number>();
			// Earlier trials' changes must lie before this run's window end (store clock minus the settle time).
			env.store.options.clockOffsetSeconds += 120;
			env.store.store.onAfterListPage((info) => {
				if (info.route !== '/wc/v3/orders' || random() < 0.3) return;
				const live = env.store.store.orders().filter((order) => order.status !== 'trash');
				const victim = Number(live[Math.floor(random() * live.length)].id);
				const action = random();
				touched.add(victim);
				if (action < 0.4) env.store.store.editOrder(victim, { customer_note: `trial ${trial}` });
				else if (action < 0.65) env.store.store.trashOrder(victim);
				else if (action < 0.8) env.store.store.deleteOrder(victim);
				else touched.add(Number(env.store.store.insertOrder().id));
			});
			const result = await runFetch({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z', options: { concurrency: 1 + (trial % 4) } }, credentials);
			env.store.store.onAfterListPage(null);
			expect(result.error).toBeUndefined();
			const got = new Set(result.items('WooCommerce Fetch').map((item) => Number(item.json.id)));
			const untouched = env.store.store.orders().filter((order) => order.status !== 'trash' && !touched.has(Number(order.id)));
			const missed = untouched.filter((order) => !got.has(Number(order.id))).map((order) => order.id);
			expect({ trial, missed }).toEqual({ trial, missed: [] });
			expect(got.size).toBe(result.items('WooCommerce Fetch').length);
		}
	});
});
