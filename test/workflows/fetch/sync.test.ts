import { connectionKey } from '../../../nodes/shared/extend-commerce/connectionKey';
import { CONNECTION_NAME, credentialsFor, everythingSaid, ids, officeCall, runFetch, secretsOf, startSyncEnv, type SyncEnv, type Transport } from '../../support/sync-env';

const key = connectionKey(CONNECTION_NAME);

function liveOrderIds(env: SyncEnv, since = '2025-01-01T00:00:00'): number[] {
	return env.store.store
		.orders()
		.filter((order) => order.status !== 'trash' && String(order.date_modified_gmt) >= since)
		.map((order) => Number(order.id))
		.sort((a, b) => a - b);
}

/** Lets store time pass, so that records changed "now" fall before the next window's end. */
function advanceStoreClock(env: SyncEnv, seconds: number): void {
	env.store.options.clockOffsetSeconds += seconds;
}

describe('fetching changed orders since the last successful sync', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await startSyncEnv();
	});
	afterEach(async () => await env.close());

	it.each<Transport>(['basic-https', 'query-https', 'oauth1-http'])('delivers every order changed since Order Start on the first run (%s)', async (transport) => {
		const credentials = credentialsFor(env, transport);
		const result = await runFetch({ resource: 'order', since: 'lastSync' }, credentials);
		expect(result.error).toBeUndefined();
		expect(ids(result.items('WooCommerce Fetch'))).toEqual(liveOrderIds(env));
		const kinds = new Set(env.store.log.filter((entry) => entry.path === '/wc/v3/orders').map((entry) => entry.authKind));
		expect([...kinds]).toEqual([transport === 'basic-https' ? 'basic' : transport === 'query-https' ? 'query' : 'oauth1']);
		expect(everythingSaid(result)).not.toContain(credentials.extendCommerceConnectionApi.secret as string);
	});

	it('reads each credential once per run, not once per request', async () => {
		const result = await runFetch({ resource: 'order', since: 'lastSync', options: { maxRecordsPerRun: 20 } }, credentialsFor(env));
		expect(result.error).toBeUndefined();
		expect(env.store.log.filter((entry) => entry.path === '/wc/v3/orders').length).toBeGreaterThan(5);
		expect(result.credentialReads).toEqual({ extendCommerceConnectionApi: 1, extendCommerceApi: 1 });
	});

	it('registers the window as pending for its execution and leaves the cursor until the push commits', async () => {
		const result = await runFetch({ resource: 'order', since: 'lastSync' }, credentialsFor(env), { executionId: 'exec-1' });
		expect(result.error).toBeUndefined();
		const state = env.office.data.syncState(key, 'orders');
		expect(state.committedCursor).toBeNull();
		expect(state.pending).toEqual([expect.objectContaining({ executionId: 'exec-1', windowStart: '2025-01-01T00:00:00Z' })]);
		const windowEnd = Date.parse(state.pending[0].windowEnd);
		expect(windowEnd).toBeLessThanOrEqual(env.store.now().getTime() - 30_000 + 1000);
		expect(env.office.data.connections().map((connection) => connection.name)).toEqual([CONNECTION_NAME]);
	});

	it('fetches only what changed since the committed cursor on the next run', async () => {
		const credentials = credentialsFor(env);
		await runFetch({ resource: 'order', since: 'lastSync' }, credentials, { executionId: 'exec-1' });
		expect((await officeCall(env.office, 'POST', `/connections/${key}/sync-state/orders/commit`, { executionId: 'exec-1' })).status).toBe(200);

		const [first, second] = env.store.store.orders().filter((order) => order.status !== 'trash');
		env.store.store.editOrder(Number(first.id), { customer_note: 'Please ring twice' });
		env.store.store.editOrder(Number(second.id), { status: 'completed' });
		const inserted = env.store.store.insertOrder();
		advanceStoreClock(env, 120);

		const next = await runFetch({ resource: 'order', since: 'lastSync' }, credentials, { executionId: 'exec-2' });
		expect(next.error).toBeUndefined();
		expect(ids(next.items('WooCommerce Fetch'))).toEqual([Number(first.id), Number(second.id), Number(inserted.id)].sort((a, b) => a - b));
		const note = next.items('WooCommerce Fetch').find((item) => item.json.id === first.id)?.json.customer_note;
		expect(note).toBe('Please ring twice');
	});

	it('commits an empty window at once, so a quiet store still advances', async () => {
		const credentials = credentialsFor(env, 'basic-https', { orderStart: '2026-01-01T00:00:00Z' });
		advanceStoreClock(env, 0);
		const result = await runFetch({ resource: 'order', since: 'lastSync' }, credentials, { executionId: 'quiet' });
		expect(result.error).toBeUndefined();
		expect(result.items('WooCommerce Fetch')).toEqual([]);
		const state = env.office.data.syncState(key, 'orders');
		expect(state.pending).toEqual([]);
		expect(Date.parse(state.committedCursor as string)).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
	});

	it('neither registers nor commits in a manual run, and says so', async () => {
		const result = await runFetch({ resource: 'order', since: 'lastSync' }, credentialsFor(env), { mode: 'manual' });
		expect(result.error).toBeUndefined();
		expect(ids(result.items('WooCommerce Fetch'))).toEqual(liveOrderIds(env));
		expect(env.office.data.syncState(key, 'orders')).toMatchObject({ committedCursor: null, pending: [] });
		const hints = JSON.stringify(result.run.data.resultData.runData['WooCommerce Fetch'][0].hints ?? []);
		expect(hints).toContain('Manual run');
	});

	it('returns only the first records with a Limit and commits nothing', async () => {
		const result = await runFetch({ resource: 'order', since: 'lastSync', returnAll: false, limit: 7 }, credentialsFor(env));
		expect(result.error).toBeUndefined();
		expect(ids(result.items('WooCommerce Fetch'))).toEqual(liveOrderIds(env).slice(0, 7));
		expect(env.office.data.syncState(key, 'orders')).toMatchObject({ committedCursor: null, pending: [] });
	});

	it('starts at a given date without touching the sync state or needing the back office', async () => {
		const credentials = { extendCommerceConnectionApi: credentialsFor(env).extendCommerceConnectionApi };
		const result = await runFetch({ resource: 'order', since: 'date', sinceDate: '2025-06-15T00:00:00Z' }, credentials);
		expect(result.error).toBeUndefined();
		expect(ids(result.items('WooCommerce Fetch'))).toEqual(liveOrderIds(env, '2025-06-15T00:00:00'));
		expect(env.office.log).toEqual([]);
	});

	it('delivers a huge first sync in capped parts, each run continuing where the last committed', async () => {
		const credentials = credentialsFor(env);
		const all = liveOrderIds(env);
		const seen: number[] = [];
		for (let run = 1; run <= 10 && seen.length < all.length; run++) {
			const result = await runFetch({ resource: 'order', since: 'lastSync', options: { maxRecordsPerRun: 12 } }, credentials, { executionId: `part-${run}` });
			expect(result.error).toBeUndefined();
			const got = ids(result.items('WooCommerce Fetch'));
			expect(got.length).toBeLessThanOrEqual(12);
			seen.push(...got);
			if (got.length > 0) await officeCall(env.office, 'POST', `/connections/${key}/sync-state/orders/commit`, { executionId: `part-${run}` });
		}
		expect([...new Set(seen)].sort((a, b) => a - b)).toEqual(all);
	});

	it('says how to get the rest when a run from a given date hits Max Records per Run', async () => {
		const result = await runFetch({ resource: 'order', since: 'date', sinceDate: '2025-01-01T00:00:00Z', options: { maxRecordsPerRun: 5 } }, credentialsFor(env));
		expect(result.items('WooCommerce Fetch')).toHaveLength(5);
		const hints = JSON.stringify(result.run.data.resultData.runData['WooCommerce Fetch'][0].hints ?? []);
		expect(hints).toContain('Raise Max Records per Run');
		expect(env.office.log).toEqual([]);
	});

	it('loses nothing when a run fails: the cursor stays and the next run fetches what it missed', async () => {
		const credentials = credentialsFor(env);
		env.store.faults.add({ kind: 'status', status: 500, times: 50, match: { route: '/wc/v3/orders', page: 1 } });
		const failed = await runFetch({ resource: 'order', since: 'lastSync', options: { retries: 1 } }, credentials, { executionId: 'bad' });
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(/server error/i);
		expect(env.office.data.syncState(key, 'orders')).toMatchObject({ committedCursor: null, pending: [] });
		env.store.faults.clear();
		const good = await runFetch({ resource: 'order', since: 'lastSync' }, credentials, { executionId: 'good' });
		expect(ids(good.items('WooCommerce Fetch'))).toEqual(liveOrderIds(env));
	});

	it('two overlapping executions deliver everything and the cursor never moves backwards', async () => {
		const credentials = credentialsFor(env);
		const [a, b] = await Promise.all([
			runFetch({ resource: 'order', since: 'lastSync' }, credentials, { executionId: 'overlap-a' }),
			runFetch({ resource: 'order', since: 'lastSync' }, credentials, { executionId: 'overlap-b' }),
		]);
		expect(ids(a.items('WooCommerce Fetch'))).toEqual(liveOrderIds(env));
		expect(ids(b.items('WooCommerce Fetch'))).toEqual(liveOrderIds(env));
		const cursors: string[] = [];
		for (const executionId of ['overlap-b', 'overlap-a']) {
			const commit = await officeCall(env.office, 'POST', `/connections/${key}/sync-state/orders/commit`, { executionId });
			expect(commit.status).toBe(200);
			cursors.push(String(commit.body.committedCursor));
		}
		expect(Date.parse(cursors[1])).toBeGreaterThanOrEqual(Date.parse(cursors[0]));
	});

	it.each([
		['ahead of', 3 * 3600],
		['behind', -3 * 3600],
	])('misses nothing when the store clock is %s n8n\'s', async (_label, offset) => {
		env.store.options.clockOffsetSeconds = offset;
		const credentials = credentialsFor(env);
		await runFetch({ resource: 'order', since: 'lastSync' }, credentials, { executionId: 'c1' });
		await officeCall(env.office, 'POST', `/connections/${key}/sync-state/orders/commit`, { executionId: 'c1' });
		const edited = env.store.store.editOrder(Number(env.store.store.orders()[0].id), { customer_note: 'changed' });
		advanceStoreClock(env, 60);
		const next = await runFetch({ resource: 'order', since: 'lastSync' }, credentials, { executionId: 'c2' });
		expect(ids(next.items('WooCommerce Fetch'))).toEqual([Number(edited.id)]);
		const state = env.office.data.syncState(key, 'orders');
		expect(Date.parse(state.pending[0].windowEnd)).toBeGreaterThan(Date.parse(`${edited.date_modified_gmt}Z`));
	});

	it('names the store\'s fault without leaking the secret when the key is wrong', async () => {
		const credentials = credentialsFor(env, 'basic-https', { secret: 'cs_wrong_secret_value_123' });
		const result = await runFetch({ resource: 'order', since: 'lastSync' }, credentials);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The consumer secret is wrong');
		for (const secret of secretsOf(credentials)) expect(everythingSaid(result)).not.toContain(secret);
	});
});
