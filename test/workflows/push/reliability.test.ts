import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startBackOffice } from '../../../sandbox/extend-commerce';
import {
	callOffice,
	CONNECTION_KEY,
	cursorOf,
	failBatchesAfter,
	jsonOf,
	nextSecond,
	officeIds,
	PUSH,
	runSync,
	startSandboxes,
	storeIds,
	type Sandboxes,
} from './helpers';

describe('push reliability (WorkflowExecute, both sandboxes)', () => {
	let sandboxes: Sandboxes;
	beforeEach(async () => {
		sandboxes = await startSandboxes();
	});
	afterEach(async () => {
		await sandboxes.close();
	});

	it('the same run replayed 10 times leaves exactly one back-office record per source id', async () => {
		for (let run = 0; run < 10; run++) {
			// Clearing the cursor makes every run fetch and push the whole store again.
			if (run > 0) await callOffice(sandboxes.office, 'PUT', `/api/v1/connections/${CONNECTION_KEY}/sync-state/products`, { cursor: null });
			const result = await runSync(sandboxes, { resource: 'product', push: { batchSize: 6 } });
			expect(result.error).toBeUndefined();
			const outcomes = new Set(jsonOf(result.items(PUSH)).map((r) => r.outcome));
			expect(outcomes).toEqual(new Set(['created'])); // replays answer the stored outcome…
			if (run > 0) expect(jsonOf(result.items(PUSH)).every((r) => r.replayed === true)).toBe(true); // …marked as replayed
		}
		const stored = sandboxes.office.data.records(CONNECTION_KEY, 'products');
		expect(stored.map((r) => r.sourceId).sort()).toEqual(storeIds(sandboxes.woo, 'product'));
		expect(new Set(stored.map((r) => r.sourceId)).size).toBe(stored.length);
		expect(stored.every((r) => r.version === 1)).toBe(true);
	});

	it('a push that fails midway (500s beyond the retries on the 2nd batch) leaves the cursor where it was; the next run delivers everything', async () => {
		const first = await runSync(sandboxes, { resource: 'order' });
		expect(first.error).toBeUndefined();
		const cursor = cursorOf(sandboxes.office, 'order');
		for (const order of sandboxes.woo.store.orders().slice(0, 12)) sandboxes.woo.store.editOrder(order.id, { customer_note: `changed ${order.id}` });
		await nextSecond();

		failBatchesAfter(sandboxes.office, 1, 'orders'); // counts from now on: this run's 1st batch succeeds, every later batch request fails
		const failed = await runSync(sandboxes, { resource: 'order', push: { batchSize: 5, options: { concurrency: 1, retries: 1 } } });
		expect(failed.status).toBe('error');
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.error?.message).toMatch(/server error \(HTTP 500\).*orders batch 2 of 3/);
		expect(failed.error?.description).toMatch(/Nothing was committed/);
		expect(cursorOf(sandboxes.office, 'order')).toBe(cursor);
		const afterFailure = sandboxes.office.data.records(CONNECTION_KEY, 'orders');
		expect(afterFailure.filter((r) => r.version === 2)).toHaveLength(5);

		sandboxes.office.faults.clear();
		const retried = await runSync(sandboxes, { resource: 'order', push: { batchSize: 5, options: { concurrency: 1, retries: 1 } } });
		expect(retried.error).toBeUndefined();
		const out = jsonOf(retried.items(PUSH));
		expect(out).toHaveLength(12);
		expect(out.slice(0, 5).every((r) => r.replayed === true)).toBe(true);
		const records = sandboxes.office.data.records(CONNECTION_KEY, 'orders');
		expect(records.filter((r) => r.version === 2)).toHaveLength(12);
		expect(records.every((r) => r.version <= 2)).toBe(true);
		expect(cursorOf(sandboxes.office, 'order')! > cursor!).toBe(true);
	});

	it('two overlapping executions deliver everything and the cursor never moves backwards', async () => {
		sandboxes.office.options.latencyMs = 15;
		const seen: string[] = [];
		let watching = true;
		const sample = () => {
			const value = cursorOf(sandboxes.office, 'product');
			if (value !== null && seen[seen.length - 1] !== value) seen.push(value);
		};
		const watch = (async () => {
			while (watching) {
				sample();
				await new Promise((resolve) => setTimeout(resolve, 2));
			}
			sample();
		})();
		const [a, b] = await Promise.all([
			runSync(sandboxes, { resource: 'product', push: { batchSize: 3 } }),
			runSync(sandboxes, { resource: 'product', push: { batchSize: 4 } }),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		const firstCursor = cursorOf(sandboxes.office, 'product');

		const edited = sandboxes.woo.store.products()[1];
		sandboxes.woo.store.editProduct(edited.id, { name: 'Renamed while syncing' });
		await nextSecond();
		const [c, d] = await Promise.all([runSync(sandboxes, { resource: 'product' }), runSync(sandboxes, { resource: 'product' })]);
		expect(c.error).toBeUndefined();
		expect(d.error).toBeUndefined();
		watching = false;
		await watch;

		expect(officeIds(sandboxes.office, 'product')).toEqual(storeIds(sandboxes.woo, 'product'));
		const renamed = sandboxes.office.data.records(CONNECTION_KEY, 'products').find((r) => r.sourceId === String(edited.id));
		expect((renamed?.record as { name: string }).name).toBe('Renamed while syncing');
		expect(seen.length).toBeGreaterThanOrEqual(2);
		expect([...seen].sort()).toEqual(seen);
		expect(cursorOf(sandboxes.office, 'product')! > firstCursor!).toBe(true);
	});

	it('the sync state survives a restart of the back office (dataDir)', async () => {
		const dataDir = mkdtempSync(path.join(tmpdir(), 'ec-push-'));
		try {
			await sandboxes.office.close();
			sandboxes.office = await startBackOffice({ port: 0, dataDir });
			const first = await runSync(sandboxes, { resource: 'order' });
			expect(first.error).toBeUndefined();
			const cursor = cursorOf(sandboxes.office, 'order');
			expect(cursor).not.toBeNull();

			await sandboxes.office.close();
			sandboxes.office = await startBackOffice({ port: 0, dataDir });
			expect(cursorOf(sandboxes.office, 'order')).toBe(cursor);

			const target = sandboxes.woo.store.orders()[0];
			sandboxes.woo.store.editOrder(target.id, { customer_note: 'after restart' });
			await nextSecond();
			const second = await runSync(sandboxes, { resource: 'order' });
			expect(second.error).toBeUndefined();
			// Only the change since the persisted cursor is fetched and pushed.
			expect(jsonOf(second.items(PUSH))).toEqual([{ resource: 'order', sourceId: String(target.id), outcome: 'updated' }]);
			expect(officeIds(sandboxes.office, 'order')).toEqual(storeIds(sandboxes.woo, 'order'));
		} finally {
			await sandboxes.office.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
