import type { IDataObject, INode } from 'n8n-workflow';

import { demoCredentials, FETCH_NODE, loadTemplate, preparedTemplate, PUSH_NODE, REJECTED_NODE, rejectedOutputIndex, startDemoEnv, TEMPLATES, type DemoEnv } from '../../../demo/demo';
import type { NextCursor, SyncWindowInfo } from '../../../nodes/shared/sync/syncWindow';
import { runWorkflow, type RunResult, type WorkflowJson } from '../../harness/run-workflow';
import { cursorRows, expireLeases, leaseOf, savedCursor, setCursor, SYNC_TABLE_NAME } from '../../support/cursor-table';
import { pushHandsOnCursor } from './helpers';

type Resource = 'product' | 'order';
const plural = (resource: Resource) => (resource === 'product' ? 'products' : 'orders');
const spec = (resource: Resource) => TEMPLATES.find((t) => t.resource === resource)!;
const OPEN_NODE = 'Open sync row';
const FREE_NEW_NODE = 'Free a new row';
const READ_NODE = 'Read cursor';
const SAVE_NODE = 'Save cursor';
// The Edit Fields nodes that build what each Data table node writes (Map Automatically, issue 20).
const ROW_KEYS_NODE = 'Row keys';
const FREE_LEASE_NODE = 'Free lease';
const CLAIM_NODE = 'Claim the run';
const CURSOR_TO_SAVE_NODE = 'Cursor to save';
const LEASE_CHAIN = ['Schedule Trigger', ROW_KEYS_NODE, OPEN_NODE, FREE_LEASE_NODE, FREE_NEW_NODE, CLAIM_NODE, READ_NODE];
const ORDER_START = '2025-01-01T00:00:00Z';

/** The template's workflow id: its key in the sync table. */
function workflowIdOf(resource: Resource): string {
	return String(loadTemplate(spec(resource).file).id);
}

function preparedTemplateFor(env: DemoEnv, resource: Resource): WorkflowJson {
	return preparedTemplate(env, spec(resource));
}

function storeOrderIds(env: DemoEnv, since = '2025-01-01T00:00:00'): number[] {
	return env.store.store
		.orders()
		.filter((o) => o.status !== 'trash' && String(o.date_modified_gmt) >= since)
		.map((o) => Number(o.id))
		.sort((a, b) => a - b);
}

function fetchedIds(result: RunResult): number[] {
	return result.items(FETCH_NODE).map((i) => Number(i.json.id)).sort((a, b) => a - b);
}

function windowOf(result: RunResult): SyncWindowInfo {
	return result.items(FETCH_NODE, 1)[0]?.json as unknown as SyncWindowInfo;
}

async function runTemplate(env: DemoEnv, resource: Resource, options: { mode?: 'trigger' | 'manual'; workflow?: WorkflowJson } = {}): Promise<RunResult> {
	return await runWorkflow(options.workflow ?? preparedTemplateFor(env, resource), { credentials: demoCredentials(env), mode: options.mode ?? 'trigger', dataTables: env.tables });
}

/** The template with changed parameters of one node (a user editing it). */
function withParameters(env: DemoEnv, resource: Resource, nodeName: string, parameters: Record<string, unknown>): WorkflowJson {
	const workflow = preparedTemplateFor(env, resource);
	const node = workflow.nodes.find((n) => n.name === nodeName) as INode;
	node.parameters = { ...node.parameters, ...parameters } as INode['parameters'];
	return workflow;
}

function withFetchParameters(env: DemoEnv, resource: Resource, parameters: Record<string, unknown>): WorkflowJson {
	return withParameters(env, resource, FETCH_NODE, parameters);
}

/** The first half of a template (Schedule Trigger → Open sync row → Free a new row → Read cursor → WooCommerce Fetch): what reads the cursor. */
function readingHalf(env: DemoEnv, resource: Resource): WorkflowJson {
	const workflow = preparedTemplateFor(env, resource);
	const keep = new Set([...LEASE_CHAIN, FETCH_NODE]);
	return {
		...workflow,
		nodes: workflow.nodes.filter((n) => keep.has(n.name)),
		connections: Object.fromEntries(Object.entries(workflow.connections).filter(([source]) => source !== FETCH_NODE && keep.has(source))),
	};
}

describe('the templates read their cursor from the Data table (Schedule Trigger → Read cursor → WooCommerce Fetch)', () => {
	let env: DemoEnv;
	beforeEach(async () => {
		env = await startDemoEnv({ products: 6, orders: 40, variationsPerProduct: 2, variableShare: 0.5 });
	});
	afterEach(async () => await env.close());

	it('starts at Order Start when the table has no row for this workflow yet (a first run)', async () => {
		const result = await runTemplate(env, 'order', { workflow: readingHalf(env, 'order') });
		expect(result.error).toBeUndefined();
		// The row is made on the first run, its cursor empty and its lease held by this execution.
		expect(result.items(READ_NODE).map((i) => i.json)).toEqual([expect.objectContaining({ workflow: workflowIdOf('order'), resource: 'orders', cursor: null, lease: result.executionId })]);
		expect(windowOf(result)).toMatchObject({ resource: 'orders', since: 'cursor', windowStart: ORDER_START, complete: true });
		expect(fetchedIds(result)).toEqual(storeOrderIds(env));
	});

	it('starts at the cursor of this workflow\'s row for its resource, ignoring rows of other workflows and resources', async () => {
		const orders = workflowIdOf('order');
		setCursor(env.tables, orders, 'orders', '2025-06-15T00:00:00Z');
		setCursor(env.tables, orders, 'products', '2025-01-02T00:00:00Z');
		setCursor(env.tables, 'anotherWorkflow1', 'orders', '2025-01-03T00:00:00Z');
		const result = await runTemplate(env, 'order', { workflow: readingHalf(env, 'order') });
		expect(result.error).toBeUndefined();
		expect(windowOf(result).windowStart).toBe('2025-06-15T00:00:00Z');
		expect(fetchedIds(result)).toEqual(storeOrderIds(env, '2025-06-15T00:00:00'));
	});

	it('re-syncs from a date the user typed into the cursor cell, in any ISO form', async () => {
		setCursor(env.tables, workflowIdOf('order'), 'orders', '2025-06-15T02:00:00+02:00');
		const result = await runTemplate(env, 'order', { workflow: readingHalf(env, 'order') });
		expect(windowOf(result).windowStart).toBe('2025-06-15T00:00:00Z');
	});

	it.each([
		['empty', ''],
		['null', null],
	])('starts over from Order Start when the user emptied the cursor cell (%s)', async (_label, value) => {
		setCursor(env.tables, workflowIdOf('order'), 'orders', '2025-06-15T00:00:00Z');
		env.tables.update(SYNC_TABLE_NAME, { type: 'and', filters: [{ columnName: 'workflow', condition: 'eq', value: workflowIdOf('order') }] }, { cursor: value });
		const result = await runTemplate(env, 'order', { workflow: readingHalf(env, 'order') });
		expect(result.error).toBeUndefined();
		expect(windowOf(result).windowStart).toBe(ORDER_START);
	});

	it('stops before reading the store when the cursor cell holds something that is not a date, naming the Cursor', async () => {
		setCursor(env.tables, workflowIdOf('order'), 'orders', 'soon');
		const result = await runTemplate(env, 'order', { workflow: readingHalf(env, 'order') });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Cursor "soon" is not a date');
	});
});

const whenPushHandsOnCursor = pushHandsOnCursor() ? describe : describe.skip;

whenPushHandsOnCursor('the templates end to end: the cursor lives in the Data table', () => {
	let env: DemoEnv;
	beforeEach(async () => {
		env = await startDemoEnv({ products: 8, orders: 40, variationsPerProduct: 2, variableShare: 0.5 });
	});
	afterEach(async () => await env.close());

	function nextCursorOf(result: RunResult): NextCursor | undefined {
		return result.items(PUSH_NODE, 1)[0]?.json as unknown as NextCursor | undefined;
	}

	it.each<Resource>(['order', 'product'])('a first scheduled %s run reads from the start and saves the window end as this workflow\'s cursor', async (resource) => {
		const result = await runTemplate(env, resource);
		expect(result.error).toBeUndefined();
		// Orders whose products Extend does not know yet go to Rejected records: that branch may run too.
		// "More to sync?" (issue 24) then finds the window complete and starts no next part.
		expect(result.nodeExecutionOrder.filter((name) => name !== REJECTED_NODE)).toEqual([...LEASE_CHAIN, FETCH_NODE, PUSH_NODE, CURSOR_TO_SAVE_NODE, SAVE_NODE, 'More to sync?']);
		const window = windowOf(result);
		expect(window.windowStart).toBe(resource === 'order' ? ORDER_START : '2000-01-01T00:00:00Z');
		const next = nextCursorOf(result)!;
		expect(next).toMatchObject({ resource: plural(resource), cursor: window.windowEnd, connection: window.connection });
		const counts = next.created + next.updated + next.unchanged + next.cancelled + next.skipped + next.rejected;
		expect(counts).toBeGreaterThanOrEqual(window.records);
		expect(cursorRows(env.tables)).toEqual([{ workflow: workflowIdOf(resource), resource: plural(resource), connection: window.connection, cursor: window.windowEnd }]);
	});

	it('a second run fetches only what changed since the saved cursor and moves the cursor on (same row)', async () => {
		await runTemplate(env, 'order');
		const first = savedCursor(env.tables, workflowIdOf('order'), 'orders')!;
		const [a, b] = env.store.store.orders().filter((o) => o.status !== 'trash');
		env.store.store.editOrder(a.id, { customer_note: 'Leave at the door' });
		env.store.store.editOrder(b.id, { status: 'completed' });
		const inserted = env.store.store.insertOrder();
		env.store.options.clockOffsetSeconds += 120; // past the fetch node's 30 s settle time

		const second = await runTemplate(env, 'order');
		expect(second.error).toBeUndefined();
		expect(windowOf(second).windowStart).toBe(first);
		expect(fetchedIds(second)).toEqual([a.id, b.id, inserted.id].map(Number).sort((x, y) => x - y));
		expect(Date.parse(savedCursor(env.tables, workflowIdOf('order'), 'orders')!)).toBeGreaterThan(Date.parse(first));
		expect(cursorRows(env.tables)).toHaveLength(1);
	});

	it('saves nothing when Extend is down; the next run delivers everything from the same cursor', async () => {
		env.office.faults.add({ kind: 'status', status: 503 });
		const oneRetry = withParameters(env, 'order', PUSH_NODE, { options: { retries: 1 } });
		const failed = await runTemplate(env, 'order', { workflow: oneRetry });
		expect(failed.status).toBe('error');
		expect(failed.nodeExecutionOrder).not.toContain(SAVE_NODE);
		expect(savedCursor(env.tables, workflowIdOf('order'), 'orders')).toBeNull();
		// The failed run still holds the lease; it runs out (50 minutes) before the next hourly run.
		expireLeases(env.tables);
		env.office.faults.clear();
		const next = await runTemplate(env, 'order');
		expect(next.error).toBeUndefined();
		expect(windowOf(next).windowStart).toBe(ORDER_START);
		expect(fetchedIds(next)).toEqual(storeOrderIds(env));
		expect(savedCursor(env.tables, workflowIdOf('order'), 'orders')).toBe(windowOf(next).windowEnd);
	});

	it.each(['order', 'product'] as const)('the %s template fails the execution when Extend refuses the credential (401): nothing is saved, nothing reaches Rejected records', async (resource) => {
		const credentials = demoCredentials(env);
		credentials.extendCommerceApi = { ...credentials.extendCommerceApi, bearerToken: 'not-the-token-4711' };
		const result = await runWorkflow(preparedTemplateFor(env, resource), { credentials, mode: 'trigger', dataTables: env.tables });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Extend Commerce did not accept the credential \(HTTP 401\)/);
		expect(result.nodeExecutionOrder).not.toContain(SAVE_NODE);
		expect(result.nodeExecutionOrder).not.toContain(REJECTED_NODE);
		expect(savedCursor(env.tables, workflowIdOf(resource), plural(resource))).toBeNull();
	});

	it('overlapping runs lose nothing: whichever saves last, every change is fetched by some run', async () => {
		await runTemplate(env, 'order');
		const editedBefore = env.store.store.editOrder(env.store.store.orders()[0].id, { customer_note: 'first edit' });
		env.store.options.clockOffsetSeconds += 120;
		const a = runTemplate(env, 'order');
		const editedDuring = env.store.store.editOrder(env.store.store.orders()[1].id, { customer_note: 'second edit' });
		env.store.options.clockOffsetSeconds += 120;
		const b = runTemplate(env, 'order');
		const [ra, rb] = await Promise.all([a, b]);
		expect([ra.error, rb.error]).toEqual([undefined, undefined]);
		env.store.options.clockOffsetSeconds += 120;
		const rc = await runTemplate(env, 'order');
		const seen = new Set([...fetchedIds(ra), ...fetchedIds(rb), ...fetchedIds(rc)]);
		expect(seen.has(Number(editedBefore.id))).toBe(true);
		expect(seen.has(Number(editedDuring.id))).toBe(true);
		expect(cursorRows(env.tables)).toHaveLength(1);
	});

	it('two overlapping executions never both push the same order: the second finds the run claimed and ends (issue 20)', async () => {
		await runTemplate(env, 'product'); // Extend knows the products, so the orders can be created
		env.office.options.latencyMs = 20; // a back office slow enough for the two executions to overlap
		const [a, b] = await Promise.all([runTemplate(env, 'order'), runTemplate(env, 'order')]);
		expect([a.error, b.error]).toEqual([undefined, undefined]);
		const [winner, loser] = a.nodeExecutionOrder.includes(PUSH_NODE) ? [a, b] : [b, a];
		expect(winner.nodeExecutionOrder).toContain(SAVE_NODE);
		// The loser's claim updated no row: it ends there, before reading the store or writing to Extend.
		expect(loser.nodeExecutionOrder).toEqual(LEASE_CHAIN);
		expect(loser.items(READ_NODE)).toEqual([]);
		// Every order was sent by one execution only: one create per order Extend holds.
		const created = env.office.data.orders().length;
		expect(created).toBeGreaterThan(0);
		expect(env.office.log.filter((entry) => entry.method === 'POST').length).toBe(created);
		expect(savedCursor(env.tables, workflowIdOf('order'), 'orders')).toBe(windowOf(winner).windowEnd);
		expect(leaseOf(env.tables, workflowIdOf('order'), 'orders')?.leaseUntil).toBe('1970-01-01T00:00:00.000Z');
		// Freed: the next run claims it again.
		env.store.options.clockOffsetSeconds += 120;
		const next = await runTemplate(env, 'order');
		expect(next.nodeExecutionOrder).toContain(SAVE_NODE);
	});

	it('a run that failed keeps the run claimed until its lease runs out; then the next run delivers from the same cursor', async () => {
		env.office.faults.add({ kind: 'status', status: 503 });
		const failed = await runTemplate(env, 'order', { workflow: withParameters(env, 'order', PUSH_NODE, { options: { retries: 0 } }) });
		expect(failed.status).toBe('error');
		env.office.faults.clear();
		const early = await runTemplate(env, 'order');
		expect(early.nodeExecutionOrder.at(-1)).toBe(READ_NODE);
		expect(env.office.data.orders()).toHaveLength(0);
		expireLeases(env.tables);
		const later = await runTemplate(env, 'order');
		expect(later.nodeExecutionOrder).toContain(SAVE_NODE);
		expect(windowOf(later).windowStart).toBe(ORDER_START);
	});

	it('the saved cursor never moves back: a late save by an execution that no longer holds the run changes nothing', async () => {
		const first = await runTemplate(env, 'order');
		const older = nextCursorOf(first)!;
		env.store.options.clockOffsetSeconds += 120;
		const second = await runTemplate(env, 'order');
		const newer = savedCursor(env.tables, workflowIdOf('order'), 'orders')!;
		expect(newer).toBe(nextCursorOf(second)!.cursor);
		expect(Date.parse(newer)).toBeGreaterThan(Date.parse(older.cursor));
		// An older execution, whose lease ran out while it pushed, reaches Save cursor last.
		const template = preparedTemplateFor(env, 'order');
		const saveOnly: WorkflowJson = {
			...template,
			nodes: template.nodes.filter((n) => ['Schedule Trigger', CURSOR_TO_SAVE_NODE, SAVE_NODE].includes(n.name)),
			connections: { 'Schedule Trigger': { main: [[{ node: CURSOR_TO_SAVE_NODE, type: 'main', index: 0 }]] }, [CURSOR_TO_SAVE_NODE]: template.connections[CURSOR_TO_SAVE_NODE] },
		};
		const late = await runWorkflow(saveOnly, { credentials: demoCredentials(env), mode: 'trigger', dataTables: env.tables, executionId: first.executionId, triggerItems: [{ json: older as unknown as IDataObject }] });
		expect(late.error).toBeUndefined();
		expect(late.items(SAVE_NODE)).toEqual([]);
		expect(savedCursor(env.tables, workflowIdOf('order'), 'orders')).toBe(newer);
	});

	// Scheduled parts start one another (issue 24: continuation.test.ts); editor runs do not, so each click runs one part.
	it('a capped first sync run from the editor completes over several runs, each starting where the last one saved', async () => {
		const workflow = withFetchParameters(env, 'order', { options: { maxRecordsPerRun: 10 } });
		const all = storeOrderIds(env);
		const seen: number[] = [];
		let runs = 0;
		for (let capped = true; capped && runs < 12; runs++) {
			const before = savedCursor(env.tables, workflowIdOf('order'), 'orders');
			const result = await runTemplate(env, 'order', { workflow, mode: 'manual' });
			expect(result.error).toBeUndefined();
			const window = windowOf(result);
			expect(window.windowStart).toBe(before ?? ORDER_START);
			expect(window.records).toBeLessThanOrEqual(10);
			seen.push(...fetchedIds(result));
			expect(savedCursor(env.tables, workflowIdOf('order'), 'orders')).toBe(window.windowEnd);
			capped = window.capped;
		}
		expect(runs).toBeGreaterThanOrEqual(Math.ceil(all.length / 10));
		expect([...new Set(seen)].sort((x, y) => x - y)).toEqual(all);
	});

	it('a manual run from the editor saves the cursor like a scheduled one', async () => {
		const result = await runTemplate(env, 'order', { mode: 'manual' });
		expect(result.error).toBeUndefined();
		expect(savedCursor(env.tables, workflowIdOf('order'), 'orders')).toBe(windowOf(result).windowEnd);
	});

	it('a Limit run pushes its records but saves no cursor', async () => {
		const result = await runTemplate(env, 'order', { workflow: withFetchParameters(env, 'order', { returnAll: false, limit: 5 }) });
		expect(result.error).toBeUndefined();
		expect(result.items(FETCH_NODE)).toHaveLength(5);
		expect(windowOf(result).complete).toBe(false);
		expect(result.items(PUSH_NODE, 1)).toEqual([]);
		expect(result.nodeExecutionOrder).not.toContain(SAVE_NODE);
		expect(savedCursor(env.tables, workflowIdOf('order'), 'orders')).toBeNull();
		// Nothing saved, so the run is not freed either: the lease runs out after 50 minutes.
		expect(leaseOf(env.tables, workflowIdOf('order'), 'orders')?.lease).toBe(result.executionId);
	});

	it('routes a record Extend refuses to "Rejected records"; the run succeeds and the cursor moves on', async () => {
		const product = env.store.store.products().find((p) => p.status !== 'trash' && p.type === 'simple')!;
		env.store.store.editProduct(product.id, { sku: '' });
		env.store.options.clockOffsetSeconds += 120; // the edit falls before the window's end
		const workflow = preparedTemplateFor(env, 'product');
		const result = await runTemplate(env, 'product', { workflow });
		expect(result.status).toBe('success');
		const rejected = result.items(PUSH_NODE, rejectedOutputIndex(workflow));
		expect(rejected.length).toBeGreaterThanOrEqual(1);
		expect(nextCursorOf(result)!.rejected).toBe(rejected.length);
		expect(savedCursor(env.tables, workflowIdOf('product'), 'products')).toBe(windowOf(result).windowEnd);
	});
});
