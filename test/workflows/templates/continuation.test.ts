import type { INode } from 'n8n-workflow';

import { demoCredentials, FETCH_NODE, loadTemplate, preparedTemplate, PUSH_NODE, startDemoEnv, TEMPLATES, type DemoEnv } from '../../../demo/demo';
import type { NextCursor, SyncWindowInfo } from '../../../nodes/shared/sync/syncWindow';
import { runWorkflow, type RunOptions, type RunResult, type WorkflowJson } from '../../harness/run-workflow';
import { InProcessSubWorkflows, type SubExecution } from '../../harness/sub-workflows';
import { expireLeases, leaseOf, savedCursor } from '../../support/cursor-table';

/**
 * Issue 24: a capped first sync keeps going without waiting for the next schedule tick. When a
 * part was capped, saved its cursor and moved it forward, the template calls itself (Execute
 * Workflow, not waiting) and the next part runs as an execution of its own.
 */
type Resource = 'product' | 'order';
const CAP = 10;
const SAVE_NODE = 'Save cursor';
const CONTINUE_NODE = 'Sync the next part';
const spec = (resource: Resource) => TEMPLATES.find((t) => t.resource === resource)!;
const plural = (resource: Resource) => (resource === 'product' ? 'products' : 'orders');
const workflowIdOf = (resource: Resource) => String(loadTemplate(spec(resource).file).id);

function cappedTemplate(env: DemoEnv, resource: Resource): WorkflowJson {
	const workflow = preparedTemplate(env, spec(resource));
	const fetch = workflow.nodes.find((n) => n.name === FETCH_NODE) as INode;
	fetch.parameters = { ...fetch.parameters, options: { maxRecordsPerRun: CAP } };
	return workflow;
}

/** Every record the store holds that a first sync reads (not trashed; orders from Order Start). */
function storeIds(env: DemoEnv, resource: Resource): number[] {
	const records = resource === 'order' ? env.store.store.orders().filter((o) => String(o.date_modified_gmt) >= '2025-01-01T00:00:00') : env.store.store.products();
	return records
		.filter((r) => r.status !== 'trash')
		.map((r) => Number(r.id))
		.sort((a, b) => a - b);
}

const windowOf = (result: RunResult) => result.items(FETCH_NODE, 1)[0]?.json as unknown as SyncWindowInfo;
const nextCursorOf = (result: RunResult) => result.items(PUSH_NODE, 1)[0]?.json as unknown as NextCursor | undefined;

/** A first part started by the schedule (or the editor), and every part it started in turn. */
async function firstSync(env: DemoEnv, resource: Resource, state: { active: boolean; mode?: RunOptions['mode'] }, onPart?: (part: number) => void): Promise<{ first: RunResult; parts: RunResult[]; subExecutions: SubExecution[] }> {
	const workflow = cappedTemplate(env, resource);
	const subWorkflows = new InProcessSubWorkflows({ onStart: (index) => onPart?.(index + 2) });
	subWorkflows.save(workflow, { active: state.active });
	const first = await runWorkflow(workflow, { credentials: demoCredentials(env), mode: state.mode ?? 'trigger', dataTables: env.tables, active: state.active, subWorkflows });
	const subExecutions = await subWorkflows.settled();
	return { first, parts: [first, ...subExecutions.map((s) => s.result!)], subExecutions };
}

describe.each<Resource>(['order', 'product'])('the %s template continues a capped first sync in new executions (issue 24)', (resource) => {
	let env: DemoEnv;
	beforeEach(async () => {
		env = await startDemoEnv({ products: 35, orders: 35, variationsPerProduct: 2, variableShare: 0.3, seed: 3 });
	});
	afterEach(async () => await env.close());

	it('runs capped parts one after another, each its own execution saving its cursor, until a part is complete: nothing twice, nothing skipped', async () => {
		const expected = storeIds(env, resource);
		const { parts, subExecutions } = await firstSync(env, resource, { active: true });
		expect(parts.length).toBe(Math.ceil(expected.length / CAP));
		expect(parts.length).toBeGreaterThanOrEqual(4);
		const ids = parts.map((part) => part.executionId);
		expect(new Set(ids).size).toBe(parts.length);
		// Each part was started by the one before it, in mode "integrated", after that one saved its cursor.
		expect(subExecutions.map((s) => s.parentExecutionId)).toEqual(ids.slice(0, -1));
		expect(parts.slice(1).every((part) => part.run.mode === 'integrated')).toBe(true);
		let previous: string | undefined;
		const fetched: number[] = [];
		for (const [index, part] of parts.entries()) {
			expect({ part: index + 1, status: part.status, error: part.error?.message }).toEqual({ part: index + 1, status: 'success', error: undefined });
			const window = windowOf(part);
			const last = index === parts.length - 1;
			expect(window.capped).toBe(!last);
			if (previous) expect(window.windowStart).toBe(previous);
			expect(part.items(SAVE_NODE).map((row) => row.json.cursor)).toEqual([window.windowEnd]);
			expect(nextCursorOf(part)).toMatchObject({ cursor: window.windowEnd, capped: !last });
			// The continuation runs only after a capped part; the last part starts nothing.
			expect(part.items(CONTINUE_NODE)).toHaveLength(last ? 0 : 1);
			previous = window.windowEnd;
			fetched.push(...part.items(FETCH_NODE).map((item) => Number(item.json.id)));
		}
		expect(fetched).toHaveLength(new Set(fetched).size);
		expect([...fetched].sort((a, b) => a - b)).toEqual(expected);
		expect(savedCursor(env.tables, workflowIdOf(resource), plural(resource))).toBe(previous);
		expect(leaseOf(env.tables, workflowIdOf(resource), plural(resource))).toEqual({ lease: ids[ids.length - 1], leaseUntil: '1970-01-01T00:00:00.000Z' });
	});

	it('stops the chain at a part that fails, keeping the last saved cursor; the next scheduled run carries on from there', async () => {
		const workflowId = workflowIdOf(resource);
		// The back office refuses the credential from the second part on.
		const { parts } = await firstSync(env, resource, { active: true }, (part) => {
			if (part === 2) env.office.faults.add({ kind: 'status', status: 401 });
		});
		expect(parts.map((part) => part.status)).toEqual(['success', 'error']);
		expect(parts[1].items(SAVE_NODE)).toEqual([]);
		expect(savedCursor(env.tables, workflowId, plural(resource))).toBe(windowOf(parts[0]).windowEnd);
		// The failed part keeps the run (its lease) until it runs out, as without continuations.
		expect(leaseOf(env.tables, workflowId, plural(resource))?.lease).toBe(parts[1].executionId);

		env.office.faults.clear();
		expireLeases(env.tables);
		const { parts: resumed } = await firstSync(env, resource, { active: true });
		expect(windowOf(resumed[0]).windowStart).toBe(windowOf(parts[0]).windowEnd);
		expect(resumed.every((part) => part.status === 'success')).toBe(true);
		expect(windowOf(resumed[resumed.length - 1]).capped).toBe(false);
		const delivered = [...parts[0].items(FETCH_NODE), ...resumed.flatMap((part) => part.items(FETCH_NODE))].map((item) => Number(item.json.id));
		expect([...new Set(delivered)].sort((a, b) => a - b)).toEqual(storeIds(env, resource));
	});

	it.each([
		['inactive (unpublished)', false],
		['active (published)', true],
	])('continues nothing from an editor run of an %s workflow: it saves its part and stops', async (_label, active) => {
		const { parts } = await firstSync(env, resource, { active, mode: 'manual' });
		expect(parts).toHaveLength(1);
		expect(parts[0].status).toBe('success');
		expect(windowOf(parts[0]).capped).toBe(true);
		expect(savedCursor(env.tables, workflowIdOf(resource), plural(resource))).toBe(windowOf(parts[0]).windowEnd);
		expect(parts[0].items(CONTINUE_NODE)).toEqual([]);
	});
});
