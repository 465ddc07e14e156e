import { startRecordingServer } from '../../support/recording-server';
import { runWorkflow } from '../../harness/run-workflow';
import {
	callOffice,
	CONNECTION_KEY,
	credentialsFor,
	cursorOf,
	FETCH,
	hintsOf,
	jsonOf,
	PUSH,
	runSync,
	startSandboxes,
	storeIds,
	syncWorkflow,
	type Sandboxes,
} from './helpers';

describe('push outputs, rejects, manual runs and secrets (WorkflowExecute)', () => {
	let sandboxes: Sandboxes;
	beforeEach(async () => {
		sandboxes = await startSandboxes();
	});
	afterEach(async () => {
		await sandboxes.close();
	});

	function rejectTwoOrders(): string[] {
		const ids = storeIds(sandboxes.woo, 'order').slice(0, 2);
		sandboxes.office.faults.add({ kind: 'reject-records', sourceIds: ids, match: { path: '/orders/batch' }, times: 1 });
		return ids;
	}

	it('rejects reach the error output with "Continue (using error output)", the rest the main output, and the window is committed', async () => {
		const rejected = rejectTwoOrders();
		const result = await runSync(sandboxes, { resource: 'order', onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		const main = result.items(PUSH, 0);
		const errors = result.items(PUSH, 1);
		expect(errors.map((i) => (i.json.details as { sourceId: string }).sourceId).sort()).toEqual(rejected);
		for (const item of errors) {
			expect(item.json.details).toMatchObject({ resource: 'order', outcome: 'rejected', errors: [{ field: 'sourceId', message: expect.stringContaining('reject-records') }] });
			expect(item.json.error).toMatch(/^Order \d+ was rejected: /);
			// n8n-core merges the paired input item (the WooCommerce order) underneath.
			expect(String(item.json.id)).toBe((item.json.details as { sourceId: string }).sourceId);
		}
		expect(main).toHaveLength(storeIds(sandboxes.woo, 'order').length - 2);
		expect(main.every((i) => i.json.outcome === 'created' && i.error === undefined)).toBe(true);
		expect(cursorOf(sandboxes.office, 'order')).not.toBeNull();
	});

	it('without an error output, rejects stay in the main output as outcome "rejected" and never fail the run', async () => {
		const rejected = rejectTwoOrders();
		const result = await runSync(sandboxes, { resource: 'order' });
		expect(result.status).toBe('success');
		const out = jsonOf(result.items(PUSH));
		expect(out.filter((r) => r.outcome === 'rejected').map((r) => r.sourceId).sort()).toEqual(rejected);
		expect(out.every((r) => !('error' in r))).toBe(true);
		expect(result.outputs[PUSH]).toHaveLength(1);
		expect(hintsOf(result, PUSH).join('\n')).toMatch(/2 rejected/);
		expect(cursorOf(sandboxes.office, 'order')).not.toBeNull();
	});

	it('a manual run pushes but never commits, and says so in a hint', async () => {
		// Even with a window registered for this very execution, a manual run leaves it alone.
		const executionId = 'manual-exec-1';
		await callOffice(sandboxes.office, 'PUT', `/api/v1/connections/${CONNECTION_KEY}`, {
			name: 'Push Test Shop',
			externalSystem: 'woocommerce',
			storeUrl: sandboxes.woo.httpsUrl,
			orderStart: '2025-01-01T00:00:00Z',
		});
		await callOffice(sandboxes.office, 'POST', `/api/v1/connections/${CONNECTION_KEY}/sync-state/orders/pending`, {
			executionId,
			windowStart: '2024-12-31T23:59:59Z',
			windowEnd: '2025-12-31T00:00:00Z',
		});
		const result = await runSync(sandboxes, { resource: 'order' }, { mode: 'manual', executionId });
		expect(result.error).toBeUndefined();
		expect(officeIds()).toEqual(storeIds(sandboxes.woo, 'order'));
		expect(cursorOf(sandboxes.office, 'order')).toBeNull();
		expect(sandboxes.office.data.syncState(CONNECTION_KEY, 'orders').pending.map((p) => p.executionId)).toEqual([executionId]);
		expect(hintsOf(result, PUSH).join('\n')).toMatch(/Manual run: .*not committed/);

		// The same execution in trigger mode does commit it.
		const scheduled = await runSync(sandboxes, { resource: 'order' }, { executionId });
		expect(scheduled.error).toBeUndefined();
		expect(cursorOf(sandboxes.office, 'order')).not.toBeNull();

		function officeIds(): string[] {
			return sandboxes.office.data.records(CONNECTION_KEY, 'orders').map((r) => r.sourceId).sort();
		}
	});

	it('no secret (Extend Commerce token, consumer key or secret) appears in any output, hint or error', async () => {
		const key = sandboxes.woo.keys.readWrite;
		const secrets = [sandboxes.office.token, key.consumerKey, key.consumerSecret];
		const check = (value: unknown) => {
			const text = JSON.stringify(value);
			for (const secret of secrets) expect(text).not.toContain(secret);
		};

		// A back office that echoes every secret it can think of, in rejects and in a failing batch.
		const echo = `token ${sandboxes.office.token} key ${key.consumerKey} secret ${key.consumerSecret}`;
		let batches = 0;
		const fake = await startRecordingServer((request) => {
			if (request.method === 'PUT') return { status: 200, body: {} };
			if (request.path.endsWith('/batch')) {
				batches += 1;
				const records = (JSON.parse(request.body) as { records: Array<{ sourceId: string }> }).records;
				if (batches === 1) return { status: 200, body: { results: records.map((r) => ({ sourceId: r.sourceId, outcome: 'rejected', errors: [{ field: 'sku', message: echo }] })) } };
				return { status: 400, body: { error: { code: 'validation_failed', message: echo } } };
			}
			if (request.path.endsWith('/commit')) return { status: 409, body: { error: { code: 'pending_window_not_found', message: echo } } };
			return { status: 404, body: { error: { code: 'not_found', message: echo } } };
		});
		try {
			const credentials = credentialsFor(sandboxes);
			credentials.extendCommerceApi = { apiUrl: fake.url, accessToken: sandboxes.office.token };
			// The fetch reads nothing from the fake back office: fetch by date, push to the fake.
			const workflow = syncWorkflow({ resource: 'order', fetch: { since: 'date', sinceDate: '2025-01-01T00:00:00Z' }, push: { batchSize: 5, options: { concurrency: 1 } }, onError: 'continueErrorOutput' });

			const rejectsOnly = await runWorkflow(workflow, { credentials });
			// batch 1 rejected with echoed secrets, batch 2 failed with an echoed 400
			expect(rejectsOnly.status).toBe('error');
			expect(rejectsOnly.error?.message).toMatch(/rejected the request \(HTTP 400\).*orders batch 2 of/);
			expect(rejectsOnly.error?.message).toContain('[redacted]');
			check(rejectsOnly.run);

			batches = 0;
			const okWorkflow = syncWorkflow({ resource: 'order', fetch: { since: 'date', sinceDate: '2025-01-01T00:00:00Z' }, push: { batchSize: 100 }, onError: 'continueErrorOutput' });
			const rejected = await runWorkflow(okWorkflow, { credentials });
			expect(rejected.status).toBe('success');
			expect(rejected.items(PUSH, 1).length).toBeGreaterThan(0);
			expect(JSON.stringify(rejected.items(PUSH, 1))).toContain('[redacted]');
			check(rejected.run);
		} finally {
			await fake.close();
		}

		// And a normal run against the sandboxes.
		const normal = await runSync(sandboxes, { resource: 'product' });
		expect(normal.error).toBeUndefined();
		check(normal.run);
		check(normal.items(FETCH));
	});
});
