import type { BackOffice } from '../../sandbox/extend-commerce';
import { call, order, pushBatch, startWithConnection } from './helpers';

describe('fault knobs', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startWithConnection();
	});
	afterEach(() => office.close());

	it("'status' answers the given status for `times` matching requests, then recovers", async () => {
		office.faults.add({ kind: 'status', status: 503, times: 2, match: { path: '/orders/batch', method: 'POST' } });
		expect((await call(office, 'GET', '/api/v1/ping')).status).toBe(200);
		const first = await pushBatch(office, 'orders', [order('1')]);
		expect(first.status).toBe(503);
		expect(first.body.error.code).toBe('service_unavailable');
		expect((await pushBatch(office, 'orders', [order('1')])).status).toBe(503);
		expect(office.data.records('demo-shop', 'orders')).toEqual([]);
		expect((await pushBatch(office, 'orders', [order('1')])).status).toBe(200);
	});

	it("'status' defaults to 500 and applies to every request until clear()", async () => {
		office.faults.add({ kind: 'status' });
		expect((await call(office, 'GET', '/api/v1/ping')).status).toBe(500);
		expect((await call(office, 'GET', '/api/v1/ping')).status).toBe(500);
		office.faults.clear();
		expect((await call(office, 'GET', '/api/v1/ping')).status).toBe(200);
	});

	it("'rate-limit' answers 429 with Retry-After", async () => {
		office.faults.add({ kind: 'rate-limit', retryAfter: '3', times: 1, match: { path: /\/sync-state\// } });
		const limited = await call(office, 'GET', '/api/v1/connections/demo-shop/sync-state/orders');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('3');
		expect(limited.body.error.code).toBe('rate_limited');
		expect((await call(office, 'GET', '/api/v1/connections/demo-shop/sync-state/orders')).status).toBe(200);
	});

	it("'reject-records' rejects the listed sourceIds with a field error and stores the rest", async () => {
		office.faults.add({ kind: 'reject-records', sourceIds: ['2'], times: 1 });
		const answer = await pushBatch(office, 'orders', [order('1'), order('2'), order('3')]);
		expect(answer.body.results).toEqual([
			{ sourceId: '1', outcome: 'created' },
			{ sourceId: '2', outcome: 'rejected', errors: [{ field: 'sourceId', message: expect.stringContaining('fault') }] },
			{ sourceId: '3', outcome: 'created' },
		]);
		expect(office.data.records('demo-shop', 'orders').map((r) => r.sourceId)).toEqual(['1', '3']);
		const next = await pushBatch(office, 'orders', [order('2')]);
		expect(next.body.results).toEqual([{ sourceId: '2', outcome: 'created' }]);
	});

	it("'reject-records' without sourceIds rejects every record, and does not fire on non-batch requests", async () => {
		office.faults.add({ kind: 'reject-records', times: 1 });
		expect((await call(office, 'GET', '/api/v1/ping')).status).toBe(200);
		const answer = await pushBatch(office, 'orders', [order('1'), order('2')]);
		expect(answer.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['rejected', 'rejected']);
	});

	it("'hang' never answers (the client times out) and close() still finishes", async () => {
		office.faults.add({ kind: 'hang', times: 1 });
		const started = Date.now();
		await expect(fetch(`${office.url}/api/v1/ping`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
		expect(Date.now() - started).toBeGreaterThanOrEqual(250);
		expect((await call(office, 'GET', '/api/v1/ping')).status).toBe(200);
		office.faults.add({ kind: 'hang' });
		const pending = fetch(`${office.url}/api/v1/ping`).then(
			() => 'answered',
			() => 'failed',
		);
		await new Promise((resolve) => setTimeout(resolve, 50));
		await office.close();
		expect(await pending).toBe('failed');
	});

	it("'reset' drops the connection without an answer", async () => {
		office.faults.add({ kind: 'reset', times: 1 });
		await expect(fetch(`${office.url}/api/v1/ping`, { headers: { Authorization: `Bearer ${office.token}` } })).rejects.toThrow();
		expect((await call(office, 'GET', '/api/v1/ping')).status).toBe(200);
		expect(office.log.find((e) => e.status === 0)).toMatchObject({ path: '/api/v1/ping' });
	});

	it("'reset' with afterProcessing applies the batch, loses the answer, and the retry with the same key replays it", async () => {
		office.faults.add({ kind: 'reset', afterProcessing: true, times: 1, match: { path: '/orders/batch' } });
		await expect(pushBatch(office, 'orders', [order('1')], { idempotencyKey: 'lost-answer' })).rejects.toThrow();
		expect(office.data.records('demo-shop', 'orders').map((r) => r.sourceId)).toEqual(['1']);
		const retry = await pushBatch(office, 'orders', [order('1')], { idempotencyKey: 'lost-answer' });
		expect(retry.headers.get('idempotency-replayed')).toBe('true');
		expect(retry.body.results).toEqual([{ sourceId: '1', outcome: 'created' }]);
	});

	it('latencyMs is a live knob that delays every API request', async () => {
		office.options.latencyMs = 150;
		const started = Date.now();
		expect((await call(office, 'GET', '/api/v1/ping')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		office.options.latencyMs = 0;
	});

	it('refuses an invalid fault spec', () => {
		expect(() => office.faults.add({ kind: 'explode' as never })).toThrow(/Unknown fault kind/);
		expect(() => office.faults.add({ kind: 'status', status: 200 })).toThrow(/400 to 599/);
		expect(() => office.faults.add({ kind: 'hang', times: 0 })).toThrow(/positive integer/);
	});
});
