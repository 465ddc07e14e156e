import type { FaultSpec } from '../../../sandbox/woocommerce';
import { runWorkflow } from '../../harness/run-workflow';
import { credentialsFor, everythingSaid, fetchWorkflow, ids, runFetch, secretsOf, startSyncEnv, type SyncEnv } from '../../support/sync-env';

// The third orders request: after the node's first probe and the window's first page, a page in the middle of the read.
const pageTwo = { route: '/wc/v3/orders', skip: 2 };

describe('a store that misbehaves', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await startSyncEnv({ orders: 260 });
	});
	afterEach(async () => await env.close());

	const allOrders = () =>
		env.store.store
			.orders()
			.filter((order) => order.status !== 'trash')
			.map((order) => Number(order.id))
			.sort((a, b) => a - b);

	/** The attempts at the most-tried orders URL: the one the fault hit (requests run side by side, so not always the third to be logged). */
	const attemptsAtTheFault = () => {
		const byUrl = new Map<string, typeof env.store.log>();
		for (const entry of env.store.log.filter((logged) => logged.path === '/wc/v3/orders')) byUrl.set(entry.rawUrl, [...(byUrl.get(entry.rawUrl) ?? []), entry]);
		return [...byUrl.values()].sort((a, b) => b.length - a.length)[0] ?? [];
	};

	const fetchAll = async (options: Record<string, unknown> = {}) =>
		await runFetch({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z', options: { timeoutSeconds: 2, ...options } }, credentialsFor(env));

	it.each<[string, FaultSpec]>([
		['a 429 with Retry-After in seconds', { kind: 'rate-limit', retryAfter: '1', match: pageTwo }],
		['a 429 with Retry-After as an HTTP date', { kind: 'rate-limit', retryAfter: new Date(Date.now() + 1500).toUTCString(), match: pageTwo }],
		['a 500', { kind: 'status', status: 500, match: pageTwo }],
		['a 502', { kind: 'status', status: 502, match: pageTwo }],
		['two 503s', { kind: 'status', status: 503, retryAfter: '1', times: 2, match: pageTwo }],
		['a 504', { kind: 'status', status: 504, match: pageTwo }],
		['a hung response', { kind: 'hang', match: pageTwo }],
		['a connection reset', { kind: 'reset', match: pageTwo }],
		['truncated JSON', { kind: 'truncated-json', match: pageTwo }],
	])('recovers from %s and still delivers every order', async (_label, fault) => {
		env.store.faults.add(fault);
		const result = await fetchAll();
		expect(result.error).toBeUndefined();
		expect(ids(result.items('WooCommerce Fetch'))).toEqual(allOrders());
		expect(attemptsAtTheFault().length).toBeGreaterThanOrEqual(2);
	});

	it('delivers everything over a slow link (50 ms added to every request)', async () => {
		env.store.options.latencyMs = 50;
		const result = await fetchAll();
		expect(ids(result.items('WooCommerce Fetch'))).toEqual(allOrders());
	});

	it('waits for a slow page instead of giving up on it', async () => {
		env.store.faults.add({ kind: 'status', status: 200, serverTimeMs: 1500, match: pageTwo });
		const result = await fetchAll();
		expect(ids(result.items('WooCommerce Fetch'))).toEqual(allOrders());
	});

	it('fails at once, naming maintenance mode, when the store asks to wait longer than any backoff', async () => {
		env.store.faults.add({ kind: 'status', status: 503, times: 10, match: pageTwo });
		const result = await fetchAll();
		expect(result.error?.message).toBe('The store is in maintenance mode (HTTP 503)');
		expect(attemptsAtTheFault()).toHaveLength(1);
	});

	it('waits at least as long as Retry-After asks', async () => {
		env.store.faults.add({ kind: 'rate-limit', retryAfter: '2', match: pageTwo });
		await fetchAll();
		const attempts = attemptsAtTheFault();
		expect(attempts[1].at.getTime() - attempts[0].at.getTime()).toBeGreaterThanOrEqual(1900);
	});

	it('does not retry a 401, and says what is wrong', async () => {
		const credentials = credentialsFor(env, 'basic-https', { secret: 'cs_not_the_right_one_0000' });
		const result = await runFetch({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z' }, credentials);
		expect(result.error?.message).toBe('The consumer secret is wrong');
		expect(env.store.log.filter((entry) => entry.path === '/wc/v3/orders')).toHaveLength(1);
		for (const secret of secretsOf(credentials)) expect(everythingSaid(result)).not.toContain(secret);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)('under On Error %s, an answer it cannot read hands on no window, so no cursor moves past it', async (onError) => {
		env.store.faults.add({ kind: 'html-200', match: { route: '/wc/v3/orders' } });
		const workflow = fetchWorkflow({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z', options: { timeoutSeconds: 2 } });
		workflow.nodes[1].onError = onError;
		const result = await runWorkflow(workflow, { credentials: credentialsFor(env) });
		expect(result.error?.message).toMatch(/answered with an HTML page/);
		// n8n hands the input on in place of records; the Window output (index 1) stays empty, so nothing can save a cursor.
		const outputs = result.outputs['WooCommerce Fetch'];
		expect(outputs[1] ?? []).toEqual([]);
		expect(outputs.flat().some((item) => 'windowEnd' in item.json)).toBe(false);
	});

	it('names an HTML page that answers instead of the API (a firewall or CAPTCHA)', async () => {
		env.store.faults.add({ kind: 'html-200', match: { route: '/wc/v3/orders' } });
		const result = await fetchAll();
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/answered with an HTML page/);
		expect((result.error as unknown as { description: string }).description).toMatch(/firewall|CAPTCHA|plugin/i);
	});

	it('reports a redirect instead of following it with the keys', async () => {
		env.store.faults.add({ kind: 'redirect', redirectTo: 'https://127.0.0.2:1', times: 10, match: { route: '/wc/v3/orders' } });
		const credentials = credentialsFor(env, 'query-https');
		const result = await runFetch({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z' }, credentials);
		expect(result.error?.message).toMatch(/redirected the request to https:\/\/127\.0\.0\.2:1/);
		for (const secret of secretsOf(credentials)) expect(everythingSaid(result)).not.toContain(secret);
	});

	it('fails after the retries run out, naming the server error, without leaking the query keys', async () => {
		env.store.faults.add({ kind: 'status', status: 502, times: 100, match: pageTwo });
		const credentials = credentialsFor(env, 'query-https');
		const result = await runFetch({ resource: 'order', since: 'date', sinceDate: '2000-01-01T00:00:00Z', options: { retries: 2 } }, credentials);
		expect(result.error?.message).toMatch(/server error \(HTTP 502\)/);
		expect(attemptsAtTheFault()).toHaveLength(3);
		for (const secret of secretsOf(credentials)) expect(everythingSaid(result)).not.toContain(secret);
	});

	it('refuses a store that ignores modified_after (WooCommerce older than 5.8)', async () => {
		env.store.options.legacyNoModifiedFilter = true;
		const result = await runFetch({ resource: 'order', since: 'date', sinceDate: '2025-06-01T00:00:00Z' }, credentialsFor(env));
		expect(result.error?.message).toMatch(/ignores the changed-since filter \(WooCommerce older than 5\.8\?\)/);
	});
});
