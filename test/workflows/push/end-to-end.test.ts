import { nextSecond, CONNECTION_KEY, cursorOf, FETCH, hintsOf, jsonOf, officeIds, PUSH, runSync, startSandboxes, storeIds, type Sandboxes } from './helpers';

describe('fetch → push end to end (WorkflowExecute, both sandboxes)', () => {
	let sandboxes: Sandboxes;
	beforeEach(async () => {
		sandboxes = await startSandboxes();
	});
	afterEach(async () => {
		await sandboxes.close();
	});

	it('delivers every product and variation and commits the products sync state', async () => {
		const result = await runSync(sandboxes, { resource: 'product', push: { batchSize: 7 } });
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.nodeExecutionOrder).toEqual(['Schedule Trigger', FETCH, PUSH]);

		const expected = storeIds(sandboxes.woo, 'product');
		expect(expected.length).toBeGreaterThan(8);
		expect(officeIds(sandboxes.office, 'product')).toEqual(expected);

		const output = jsonOf(result.items(PUSH));
		expect(output.map((r) => r.sourceId).sort()).toEqual(expected);
		expect(new Set(output.map((r) => r.outcome))).toEqual(new Set(['created']));
		const fetched = result.items(FETCH);
		for (const item of result.items(PUSH)) {
			const input = fetched[(item.pairedItem as { item: number }).item].json;
			const ids = [String(input.id), ...((input.variations as Array<{ id: number }> | undefined) ?? []).map((v) => String(v.id))];
			expect(ids).toContain(item.json.sourceId);
		}

		const state = sandboxes.office.data.syncState(CONNECTION_KEY, 'products');
		expect(state.committedCursor).not.toBeNull();
		expect(state.pending).toEqual([]);
		expect(hintsOf(result, PUSH).join('\n')).toMatch(/Sync state of products committed/);
		const connection = sandboxes.office.data.connections().find((c) => c.key === CONNECTION_KEY);
		expect(connection).toMatchObject({ name: 'Push Test Shop', storeUrl: sandboxes.woo.httpsUrl, warehouse: 'Main', orderStart: '2025-01-01T00:00:00Z' });
	});

	it('delivers every order and commits the orders sync state; the next run finds nothing new', async () => {
		const result = await runSync(sandboxes, { resource: 'order', push: { batchSize: 10 } });
		expect(result.error).toBeUndefined();
		expect(officeIds(sandboxes.office, 'order')).toEqual(storeIds(sandboxes.woo, 'order'));
		const cursor = cursorOf(sandboxes.office, 'order');
		expect(cursor).not.toBeNull();
		expect(cursorOf(sandboxes.office, 'product')).toBeNull();

		const again = await runSync(sandboxes, { resource: 'order' });
		expect(again.error).toBeUndefined();
		expect(again.items(FETCH)).toEqual([]);
		expect(sandboxes.office.data.records(CONNECTION_KEY, 'orders').every((r) => r.version === 1)).toBe(true);
		expect(cursorOf(sandboxes.office, 'order')! >= cursor!).toBe(true);
	});

	it('sends a changed record again as an update on the next run', async () => {
		await runSync(sandboxes, { resource: 'order' });
		const target = sandboxes.woo.store.orders()[3];
		sandboxes.woo.store.editOrder(target.id, { customer_note: 'Leave at the door' });
		await nextSecond(); // windows have whole-second ends: the edit is fetched once the store's clock has moved past it
		const result = await runSync(sandboxes, { resource: 'order' });
		expect(result.error).toBeUndefined();
		expect(jsonOf(result.items(PUSH))).toEqual([{ resource: 'order', sourceId: String(target.id), outcome: 'updated' }]);
		const stored = sandboxes.office.data.records(CONNECTION_KEY, 'orders').find((r) => r.sourceId === String(target.id));
		expect(stored?.version).toBe(2);
		expect((stored?.record as { customerNote: string }).customerNote).toBe('Leave at the door');
	});
});
