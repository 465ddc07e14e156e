import type { SyncWindowInfo } from '../../../nodes/shared/sync/syncWindow';
import type { RunResult } from '../../harness/run-workflow';
import { CONNECTION_NAME, credentialsFor, everythingSaid, ids, runFetch, secretsOf, startSyncEnv, type SyncEnv, type Transport } from '../../support/sync-env';

const FETCH = 'WooCommerce Fetch';
const ORDER_START = '2025-01-01T00:00:00Z';

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

function syncWindowOf(result: RunResult): SyncWindowInfo {
	const items = result.items(FETCH, 1);
	expect(items).toHaveLength(1);
	return items[0].json as unknown as SyncWindowInfo;
}

function hintsOf(result: RunResult): string {
	return JSON.stringify(result.run.data.resultData.runData[FETCH][0].hints ?? []);
}

/** A run whose incoming item carries the cursor, as the templates' Data table row does. */
async function runFromCursor(env: SyncEnv, cursor: unknown, parameters: Record<string, unknown> = {}, mode: 'trigger' | 'manual' = 'trigger'): Promise<RunResult> {
	return await runFetch({ resource: 'order', since: 'cursor', ...parameters }, credentialsFor(env), { triggerItems: [{ json: { cursor } as never }], mode });
}

describe('fetching changed orders from a cursor the workflow keeps', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await startSyncEnv();
	});
	afterEach(async () => await env.close());

	it.each<Transport>(['basic-https', 'query-https', 'oauth1-http'])('delivers every order changed since Order Start when there is no cursor yet (%s)', async (transport) => {
		const credentials = credentialsFor(env, transport);
		const result = await runFetch({ resource: 'order', since: 'cursor' }, credentials);
		expect(result.error).toBeUndefined();
		expect(ids(result.items(FETCH))).toEqual(liveOrderIds(env));
		const kinds = new Set(env.store.log.filter((entry) => entry.path === '/wc/v3/orders').map((entry) => entry.authKind));
		expect([...kinds]).toEqual([transport === 'basic-https' ? 'basic' : transport === 'query-https' ? 'query' : 'oauth1']);
		expect(everythingSaid(result)).not.toContain(credentials.extendCommerceConnectionApi.secret as string);
	});

	it('hands on exactly one Sync Window item: connection, resource, start, end at the store clock minus the settle time, records, complete, the connection\'s warehouse', async () => {
		const before = env.store.now().getTime();
		const result = await runFetch({ resource: 'order', since: 'cursor' }, credentialsFor(env));
		const window = syncWindowOf(result);
		expect(window).toEqual({
			connection: CONNECTION_NAME,
			resource: 'orders',
			since: 'cursor',
			windowStart: ORDER_START,
			windowEnd: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
			records: liveOrderIds(env).length,
			capped: false,
			complete: true,
			warehouse: 'MAIN',
		});
		const end = Date.parse(window.windowEnd);
		expect(end).toBeGreaterThanOrEqual(before - 30_000 - 1000);
		expect(end).toBeLessThanOrEqual(env.store.now().getTime() - 30_000);
		expect(result.items(FETCH, 1)[0].pairedItem).toEqual({ item: 0 });
	});

	it('needs only the store connection: no back-office credential, no request to the back office, one credential read per run', async () => {
		const only = { extendCommerceConnectionApi: credentialsFor(env).extendCommerceConnectionApi };
		const result = await runFetch({ resource: 'order', since: 'cursor', options: { maxRecordsPerRun: 20 } }, only);
		expect(result.error).toBeUndefined();
		expect(env.store.log.filter((entry) => entry.path === '/wc/v3/orders').length).toBeGreaterThan(5);
		expect(result.credentialReads).toEqual({ extendCommerceConnectionApi: 1 });
		expect(env.office.log).toEqual([]);
	});

	it('fetches only what changed since the cursor of the incoming item: the previous window\'s end', async () => {
		const first = await runFromCursor(env, '');
		const cursor = syncWindowOf(first).windowEnd;

		const [a, b] = env.store.store.orders().filter((order) => order.status !== 'trash');
		env.store.store.editOrder(Number(a.id), { customer_note: 'Please ring twice' });
		env.store.store.editOrder(Number(b.id), { status: 'completed' });
		const inserted = env.store.store.insertOrder();
		advanceStoreClock(env, 120);

		const next = await runFromCursor(env, cursor);
		expect(next.error).toBeUndefined();
		expect(ids(next.items(FETCH))).toEqual([Number(a.id), Number(b.id), Number(inserted.id)].sort((x, y) => x - y));
		expect(next.items(FETCH).find((item) => item.json.id === a.id)?.json.customer_note).toBe('Please ring twice');
		expect(syncWindowOf(next)).toMatchObject({ windowStart: cursor, records: 3, complete: true });
	});

	it('starts products at the beginning when there is no cursor', async () => {
		const result = await runFetch({ resource: 'product', since: 'cursor', variations: 'none' }, credentialsFor(env), { triggerItems: [{ json: {} }] });
		expect(result.error).toBeUndefined();
		expect(syncWindowOf(result)).toMatchObject({ resource: 'products', windowStart: '2000-01-01T00:00:00Z' });
		expect(result.items(FETCH).length).toBe(env.store.store.products().filter((p) => p.status !== 'trash').length);
	});

	it('takes the cursor from any expression, e.g. a field another store (Redis, Postgres) returned', async () => {
		const result = await runFetch({ resource: 'order', since: 'cursor', cursor: '={{ $json.value }}' }, credentialsFor(env), { triggerItems: [{ json: { value: '2025-06-15T00:00:00Z' } }] });
		expect(ids(result.items(FETCH))).toEqual(liveOrderIds(env, '2025-06-15T00:00:00'));
		expect(syncWindowOf(result).windowStart).toBe('2025-06-15T00:00:00Z');
	});

	it('stops with an error naming the Cursor when the cursor is not a date, and reads nothing', async () => {
		const result = await runFromCursor(env, 'last tuesday');
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Cursor "last tuesday" is not a date');
		expect(env.store.log.filter((entry) => entry.path === '/wc/v3/orders')).toEqual([]);
	});

	it('hands on an empty window at the cursor when the store clock has not passed it plus the settle time', async () => {
		const cursor = new Date(env.store.now().getTime() - 10_000).toISOString().slice(0, 19) + 'Z';
		const result = await runFromCursor(env, cursor);
		expect(result.error).toBeUndefined();
		expect(result.items(FETCH)).toEqual([]);
		expect(syncWindowOf(result)).toMatchObject({ windowStart: cursor, windowEnd: cursor, records: 0, complete: true });
		expect(hintsOf(result)).toContain('Nothing to fetch yet');
	});

	it('marks a Limit run incomplete, so that its window moves no cursor, and says so', async () => {
		const result = await runFetch({ resource: 'order', since: 'cursor', returnAll: false, limit: 7 }, credentialsFor(env));
		expect(result.error).toBeUndefined();
		expect(ids(result.items(FETCH))).toEqual(liveOrderIds(env).slice(0, 7));
		expect(syncWindowOf(result)).toMatchObject({ records: 7, complete: false });
		expect(hintsOf(result)).toContain('Run with a Limit');
	});

	it('reads the same in a manual run as in a scheduled one (what a manual run saves is the workflow\'s choice)', async () => {
		// A manual run starts at the trigger, which emits its own item: the cursor is given in the parameter here.
		const scheduled = await runFromCursor(env, '', { cursor: '2025-06-15T00:00:00Z' });
		const manual = await runFromCursor(env, '', { cursor: '2025-06-15T00:00:00Z' }, 'manual');
		expect(ids(manual.items(FETCH))).toEqual(ids(scheduled.items(FETCH)));
		expect(syncWindowOf(manual)).toMatchObject({ complete: true, windowStart: '2025-06-15T00:00:00Z' });
	});

	it('starts at a given date or at Order Start whatever the incoming cursor says', async () => {
		const byDate = await runFetch({ resource: 'order', since: 'date', sinceDate: '2025-06-15T00:00:00Z' }, credentialsFor(env), { triggerItems: [{ json: { cursor: '2026-01-01T00:00:00Z' } }] });
		expect(ids(byDate.items(FETCH))).toEqual(liveOrderIds(env, '2025-06-15T00:00:00'));
		expect(syncWindowOf(byDate)).toMatchObject({ since: 'date', windowStart: '2025-06-15T00:00:00Z' });
		const fromStart = await runFetch({ resource: 'order', since: 'orderStart' }, credentialsFor(env), { triggerItems: [{ json: { cursor: '2026-01-01T00:00:00Z' } }] });
		expect(ids(fromStart.items(FETCH))).toEqual(liveOrderIds(env));
		expect(syncWindowOf(fromStart)).toMatchObject({ since: 'orderStart', windowStart: ORDER_START });
		// Saving such a window's end could pass over records before its start: the hint says so.
		for (const result of [byDate, fromStart]) expect(hintsOf(result)).toContain('not at a saved cursor');
	});

	it('delivers a huge first sync in capped parts, each run continuing from the window end the last one handed on', async () => {
		const all = liveOrderIds(env);
		const seen: number[] = [];
		let cursor = '';
		let runs = 0;
		for (let capped = true; capped && runs < 20; runs++) {
			const result = await runFromCursor(env, cursor, { options: { maxRecordsPerRun: 12 } });
			expect(result.error).toBeUndefined();
			const got = ids(result.items(FETCH));
			const window = syncWindowOf(result);
			expect(got.length).toBeLessThanOrEqual(12);
			expect(window.records).toBe(got.length);
			if (cursor) expect(window.windowStart).toBe(cursor);
			seen.push(...got);
			capped = window.capped;
			cursor = window.windowEnd;
		}
		expect(runs).toBeGreaterThan(Math.ceil(all.length / 12) - 1);
		expect([...new Set(seen)].sort((a, b) => a - b)).toEqual(all);
	});

	it('says how to get the rest when a run from a given date hits Max Records per Run', async () => {
		const result = await runFetch({ resource: 'order', since: 'date', sinceDate: '2025-01-01T00:00:00Z', options: { maxRecordsPerRun: 5 } }, credentialsFor(env));
		expect(result.items(FETCH)).toHaveLength(5);
		expect(syncWindowOf(result)).toMatchObject({ capped: true, records: 5 });
		expect(hintsOf(result)).toContain('Raise Max Records per Run');
	});

	it('hands on no window when the read fails, so nothing can move a cursor; the next run from the same cursor gets everything', async () => {
		env.store.faults.add({ kind: 'status', status: 500, times: 50, match: { route: '/wc/v3/orders', page: 1 } });
		const failed = await runFromCursor(env, '', { options: { retries: 1 } });
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toMatch(/server error/i);
		expect(failed.items(FETCH, 1)).toEqual([]);
		env.store.faults.clear();
		const good = await runFromCursor(env, '');
		expect(ids(good.items(FETCH))).toEqual(liveOrderIds(env));
	});

	it('two overlapping runs from the same cursor both read everything', async () => {
		const [a, b] = await Promise.all([runFromCursor(env, ''), runFromCursor(env, '')]);
		expect(ids(a.items(FETCH))).toEqual(liveOrderIds(env));
		expect(ids(b.items(FETCH))).toEqual(liveOrderIds(env));
	});

	it.each([
		['ahead of', 3 * 3600],
		['behind', -3 * 3600],
	])('misses nothing when the store clock is %s n8n\'s', async (_label, offset) => {
		env.store.options.clockOffsetSeconds = offset;
		const first = await runFromCursor(env, '');
		const edited = env.store.store.editOrder(Number(env.store.store.orders()[0].id), { customer_note: 'changed' });
		advanceStoreClock(env, 60);
		const next = await runFromCursor(env, syncWindowOf(first).windowEnd);
		expect(ids(next.items(FETCH))).toEqual([Number(edited.id)]);
		expect(Date.parse(syncWindowOf(next).windowEnd)).toBeGreaterThan(Date.parse(`${edited.date_modified_gmt}Z`));
	});

	it('names the store\'s fault without leaking the secret when the key is wrong', async () => {
		const credentials = credentialsFor(env, 'basic-https', { secret: 'cs_wrong_secret_value_123' });
		const result = await runFetch({ resource: 'order', since: 'cursor' }, credentials);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The consumer secret is wrong');
		for (const secret of secretsOf(credentials)) expect(everythingSaid(result)).not.toContain(secret);
	});
});
