import { connectionKey } from '../../../nodes/shared/extend-commerce/connectionKey';
import { committedCursor, DEMO_CONNECTION_NAME, demoCredentials, FETCH_NODE, PUSH_NODE, REJECTED_NODE, startDemoEnv, type DemoEnv } from '../../../demo/demo';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { template } from './helpers';

const KEY = connectionKey(DEMO_CONNECTION_NAME);
type Resource = 'product' | 'order';
const plural = (resource: Resource) => (resource === 'product' ? 'products' : 'orders');

function storeIds(env: DemoEnv, resource: Resource): string[] {
	if (resource === 'order') return env.store.store.orders().filter((o) => o.status !== 'trash').map((o) => String(o.id)).sort();
	return env.store.store
		.products()
		.filter((p) => p.status !== 'trash')
		.flatMap((p) => [String(p.id), ...env.store.store.variations(p.id).map((v) => String(v.id))])
		.sort();
}

function officeIds(env: DemoEnv, resource: Resource): string[] {
	return env.office.data.records(KEY, plural(resource)).map((r) => r.sourceId).sort();
}

async function runTemplate(env: DemoEnv, resource: Resource, mode: 'trigger' | 'manual' = 'trigger'): Promise<RunResult> {
	return await runWorkflow(template(resource), { credentials: demoCredentials(env), mode });
}

describe('the templates run end to end against the sandboxes (scheduled executions)', () => {
	let env: DemoEnv;
	beforeEach(async () => {
		env = await startDemoEnv({ products: 12, orders: 40, variationsPerProduct: 3, variableShare: 0.5 });
	});
	afterEach(async () => await env.close());

	it.each<Resource>(['product', 'order'])('the %s template delivers every record and commits the sync state', async (resource) => {
		const result = await runTemplate(env, resource);
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.nodeExecutionOrder).toEqual(['Schedule Trigger', FETCH_NODE, PUSH_NODE]);
		const expected = storeIds(env, resource);
		if (resource === 'product') expect(expected.length).toBeGreaterThan(env.store.store.products().length);
		expect(officeIds(env, resource)).toEqual(expected);
		expect(result.items(PUSH_NODE).map((i) => i.json.outcome)).toEqual(expected.map(() => 'created'));
		expect(result.items(PUSH_NODE, 1)).toEqual([]);
		const state = env.office.data.syncState(KEY, plural(resource));
		expect(state.committedCursor).not.toBeNull();
		expect(state.pending).toEqual([]);
		// Each template moves only its own cursor.
		expect(committedCursor(env.office, resource === 'product' ? 'order' : 'product')).toBeNull();
	});

	it('a second run of the orders template fetches and sends only the orders changed since the first', async () => {
		await runTemplate(env, 'order');
		const cursor = committedCursor(env.office, 'order')!;
		const [a, b] = env.store.store.orders().filter((o) => o.status !== 'trash');
		env.store.store.editOrder(a.id, { customer_note: 'Leave at the door' });
		env.store.store.editOrder(b.id, { status: 'completed' });
		const inserted = env.store.store.insertOrder();
		env.store.options.clockOffsetSeconds += 120; // past the fetch node's 30 s settle time

		const second = await runTemplate(env, 'order');
		expect(second.error).toBeUndefined();
		expect(second.items(FETCH_NODE).map((i) => String(i.json.id)).sort()).toEqual([a.id, b.id, inserted.id].map(String).sort());
		const outcomes = Object.fromEntries(second.items(PUSH_NODE).map((i) => [i.json.sourceId, i.json.outcome]));
		expect(outcomes).toEqual({ [String(a.id)]: 'updated', [String(b.id)]: 'updated', [String(inserted.id)]: 'created' });
		expect(Date.parse(committedCursor(env.office, 'order')!)).toBeGreaterThan(Date.parse(cursor));
		expect(officeIds(env, 'order')).toEqual(storeIds(env, 'order'));
	});

	it('a second run of the products template sends only the product whose variation changed', async () => {
		await runTemplate(env, 'product');
		const parent = env.store.store.products().find((p) => p.type === 'variable' && env.store.store.variations(p.id).length > 0)!;
		const variation = env.store.store.variations(parent.id)[0];
		env.store.store.editVariation(parent.id, variation.id, { regular_price: '123.45' });
		env.store.options.clockOffsetSeconds += 120;

		const second = await runTemplate(env, 'product');
		expect(second.error).toBeUndefined();
		expect(second.items(FETCH_NODE).map((i) => i.json.id)).toEqual([parent.id]);
		const outcomes = Object.fromEntries(second.items(PUSH_NODE).map((i) => [i.json.sourceId, i.json.outcome]));
		expect(outcomes[String(variation.id)]).toBe('updated');
		expect(Object.keys(outcomes).sort()).toEqual([String(parent.id), ...env.store.store.variations(parent.id).map((v) => String(v.id))].sort());
		const stored = env.office.data.records(KEY, 'products').find((r) => r.sourceId === String(variation.id));
		expect(JSON.stringify(stored?.record)).toContain('123.45');
	});

	it('routes records the back office rejects to "Rejected records"; the run succeeds and commits', async () => {
		const rejected = storeIds(env, 'order').slice(0, 2);
		env.office.faults.add({ kind: 'reject-records', sourceIds: rejected, match: { path: '/orders/batch' } });
		const result = await runTemplate(env, 'order');
		expect(result.status).toBe('success');
		expect(result.nodeExecutionOrder).toContain(REJECTED_NODE);
		const branch = result.items(REJECTED_NODE);
		expect(branch.map((i) => String((i.json.details as { sourceId: string }).sourceId)).sort()).toEqual(rejected);
		for (const item of branch) expect(String(item.json.error)).toMatch(/^Order \d+ was rejected: /);
		expect(result.items(PUSH_NODE).map((i) => i.json.outcome)).not.toContain('rejected');
		expect(officeIds(env, 'order')).toEqual(storeIds(env, 'order').filter((id) => !rejected.includes(id)));
		expect(env.office.data.syncState(KEY, 'orders')).toMatchObject({ committedCursor: expect.any(String), pending: [] });
	});

	it('a run from the editor (manual) pushes the records but leaves the sync state uncommitted', async () => {
		const result = await runTemplate(env, 'order', 'manual');
		expect(result.error).toBeUndefined();
		expect(officeIds(env, 'order')).toEqual(storeIds(env, 'order'));
		expect(committedCursor(env.office, 'order')).toBeNull();
	});
});
