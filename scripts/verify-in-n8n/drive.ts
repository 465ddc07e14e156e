/**
 * Drives a running real n8n through its REST API the way a person does in the editor (scripts/
 * verify-in-n8n.sh; not part of CI): sets up the owner, creates the Data table the templates'
 * sticky note asks for, imports both templates with the table picked, activates them on a short
 * schedule, and checks their scheduled executions against the sandboxes — a first sync, then an
 * incremental one after the store changed, with a record the back office rejects on the error branch.
 *
 *   npx tsx scripts/verify-in-n8n/drive.ts N8N_URL CONTROL_URL N8N_DIR [--every SECONDS] [--queue RUNS]
 *
 * With --queue RUNS (n8n in queue mode): only the orders template, RUNS scheduled executions with
 * new and edited orders between them, then three more without changes; checks that every order
 * reached the back office exactly once.
 *
 * Afterwards (and with --queue too), a capped first sync (issue 24): a fresh copy of the orders
 * template with Max Records per Run at 50, on a schedule that fires once in the next hour; its
 * first part must start the next ones by itself, each a new execution, until a part is complete.
 *
 * Prints one line per execution and exits non-zero when a check fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { n8nRest, setUpOwner } from './n8nRest';
import { SYNC_TABLE_COLUMNS, SYNC_TABLE_NAME } from '../../test/support/cursor-table';
import { FETCH_NODE, PUSH_NODE, REJECTED_NODE, TEMPLATES, TEMPLATES_DIR } from '../../demo/demo';

const [baseUrl, controlUrl, n8nDir] = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const index = process.argv.indexOf(name);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const EVERY_SECONDS = option('--every', 20);
const OWNER = { email: 'verify@example.com', firstName: 'Verify', lastName: 'Script', password: 'Verify-n8n-2026' };
// As the sticky note says: the cursor columns and the run's lease (issue 20).
const TABLE = { name: SYNC_TABLE_NAME, columns: SYNC_TABLE_COLUMNS.map((column) => column.name) };

const rest = n8nRest(baseUrl, 'verify-in-n8n');
const failures: string[] = [];

async function control<T>(method: string, route: string): Promise<T> {
	const response = await fetch(`${controlUrl}${route}`, { method }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
	if (response instanceof Error) throw new Error(`the sandboxes' control server failed on ${method} ${route} (see sandboxes.log): ${response.message}`);
	return (await response.json()) as T;
}

function check(ok: boolean, what: string): void {
	console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
	if (!ok) failures.push(what);
}

async function signIn(): Promise<void> {
	await setUpOwner(rest, OWNER);
	await rest('POST', '/login', { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password });
}

/** The editor's own lists of node and credential types (they need a signed-in user). */
async function checkPackageLoaded(): Promise<void> {
	const types = async (file: string) => (await (await fetch(`${baseUrl}/types/${file}`, { headers: { Cookie: rest.cookie() } })).json()) as Array<{ name: string; displayName: string }>;
	const nodes = (await types('nodes.json')).filter((node) => node.name.startsWith('n8n-nodes-extend-commerce.'));
	const credentials = (await types('credentials.json')).filter((credential) => /^extendCommerce/.test(credential.name));
	console.log(`  nodes: ${[...new Set(nodes.map((node) => `${node.displayName} (${node.name})`))].join(', ')}`);
	console.log(`  credentials: ${credentials.map((credential) => `${credential.displayName} (${credential.name})`).join(', ')}`);
	check(nodes.length >= 2 && credentials.length >= 2, 'n8n loaded the package\'s nodes and credentials');
}

async function createTable(): Promise<{ projectId: string; tableId: string }> {
	const project = await rest<{ id: string }>('GET', '/projects/personal');
	const existing = await rest<{ data?: Array<{ id: string; name: string }> } | Array<{ id: string; name: string }>>('GET', `/projects/${project.id}/data-tables`).catch(() => []);
	const list = Array.isArray(existing) ? existing : (existing.data ?? []);
	const found = list.find((table) => table.name === TABLE.name);
	const table = found ?? (await rest<{ id: string }>('POST', `/projects/${project.id}/data-tables`, { name: TABLE.name, columns: TABLE.columns.map((name) => ({ name, type: 'string' })) }));
	return { projectId: project.id, tableId: table.id };
}

interface TemplateNode {
	type: string;
	parameters: Record<string, unknown>;
	typeVersion: number;
}

/** The template as a person leaves it after following its sticky note, on a short schedule for this check. */
function preparedTemplate(file: string, tableId: string): Record<string, unknown> {
	const workflow = JSON.parse(readFileSync(path.join(TEMPLATES_DIR, file), 'utf8')) as { nodes: TemplateNode[]; id?: string } & Record<string, unknown>;
	for (const node of workflow.nodes) {
		if (node.type === 'n8n-nodes-base.dataTable') node.parameters.dataTableId = { __rl: true, mode: 'id', value: tableId };
		if (node.type === 'n8n-nodes-base.scheduleTrigger') node.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: EVERY_SECONDS }] };
	}
	delete workflow.id;
	return workflow;
}

async function activate(id: string): Promise<void> {
	const workflow = await rest<{ versionId: string }>('GET', `/workflows/${id}`);
	// n8n 2.x publishes through /activate; 1.x sets active with a PATCH.
	await rest('POST', `/workflows/${id}/activate`, { versionId: workflow.versionId }).catch(async () => await rest('PATCH', `/workflows/${id}`, { active: true, versionId: workflow.versionId }));
}

async function deactivate(id: string): Promise<void> {
	await rest('POST', `/workflows/${id}/deactivate`, {}).catch(async () => {
		const workflow = await rest<{ versionId: string }>('GET', `/workflows/${id}`);
		await rest('PATCH', `/workflows/${id}`, { active: false, versionId: workflow.versionId });
	});
}

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	/** The Sync Window the fetch reported, when it ran. */
	window?: { windowStart: string; windowEnd: string; capped: boolean; records: number };
	fetched: number;
	pushed: number;
	rejected: number;
	rejectedBranchRan: boolean;
	error?: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const flatted = require(path.join(n8nDir, 'node_modules', 'flatted')) as { parse(text: string): unknown };

async function executionsOf(workflowId: string): Promise<Array<{ id: string; status: string; mode: string; finished?: boolean }>> {
	const answer = await rest<{ results: Array<{ id: string; status: string; mode: string }> }>('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=50`);
	return [...answer.results].sort((a, b) => Number(a.id) - Number(b.id));
}

async function summary(id: string): Promise<ExecutionSummary> {
	const execution = await rest<{ id: string; status: string; mode: string; data: string }>('GET', `/executions/${id}`);
	const data = flatted.parse(execution.data) as { resultData: { runData: Record<string, Array<{ data?: { main?: unknown[][] }; error?: unknown }>>; error?: { message?: string } } };
	const runData = data.resultData.runData;
	// A node that failed delivered nothing, whatever its run data still shows.
	const count = (node: string, output = 0) => (runData[node] ?? []).reduce((sum, run) => sum + (run.error ? 0 : ((run.data?.main?.[output] as unknown[] | undefined)?.length ?? 0)), 0);
	return {
		id: execution.id,
		status: execution.status,
		mode: execution.mode,
		window: runData[FETCH_NODE]?.[0]?.data?.main?.[1]?.[0] ? ((runData[FETCH_NODE][0].data!.main![1][0] as { json: ExecutionSummary['window'] }).json) : undefined,
		fetched: count(FETCH_NODE),
		pushed: count(PUSH_NODE, 0),
		// The push node's outputs: Results, Next Cursor, Rejected records (wired to the template's "Rejected records" node).
		rejected: count(PUSH_NODE, 2),
		rejectedBranchRan: REJECTED_NODE in runData,
		error: data.resultData.error?.message,
	};
}

/** Waits until the workflow has `count` finished executions. */
async function waitForExecutions(workflowId: string, count: number): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + (count * EVERY_SECONDS + 180) * 1000;
	for (;;) {
		const done = (await executionsOf(workflowId)).filter((execution) => !['running', 'new', 'waiting'].includes(execution.status));
		if (done.length >= count) return await Promise.all(done.slice(0, count).map(async (execution) => await summary(execution.id)));
		if (Date.now() > deadline) throw new Error(`only ${done.length} of ${count} executions of ${workflowId} finished in time`);
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

function line(label: string, run: ExecutionSummary): string {
	return `${label}: execution ${run.id} ${run.mode} ${run.status}, fetched ${run.fetched}, pushed ${run.pushed}, rejected ${run.rejected}${run.rejectedBranchRan ? ' (error branch ran)' : ''}${run.error ? `, error: ${run.error}` : ''}`;
}

async function queueCheck(tableId: string, runs: number): Promise<void> {
	const orders = TEMPLATES.find((template) => template.resource === 'order');
	if (!orders) throw new Error('no orders template');
	const created = await rest<{ id: string }>('POST', '/workflows', preparedTemplate(orders.file, tableId));
	await activate(created.id);
	console.log(`activated the orders template, every ${EVERY_SECONDS} s; ${runs} executions with store changes, then 3 without`);
	for (let run = 1; run <= runs + 3; run++) {
		await waitForExecutions(created.id, run);
		if (run <= runs) await control('POST', '/new-orders');
	}
	await deactivate(created.id);
	const all = await Promise.all((await executionsOf(created.id)).map(async (execution) => await summary(execution.id)));
	for (const run of all) console.log(line('orders', run));
	check(all.every((run) => run.status === 'success'), `every one of ${all.length} executions succeeded`);
	const office = await control<{ storeOrders: number; officeOrders: number; distinctExternal: number; missingCount: number; missing: string[]; writes: Record<string, number> }>('GET', '/office');
	console.log(`office: ${JSON.stringify(office)}`);
	check(office.officeOrders === office.distinctExternal, `no order twice in the back office (${office.officeOrders} orders, ${office.distinctExternal} distinct)`);
	check(office.missingCount === 0, `every store order in a status the template sends (processing, on-hold, completed) reached the back office (${office.storeOrders} in the store, ${office.missingCount} missing)`);
	const creates = Object.entries(office.writes).filter(([key]) => /^POST .*customerorders\S* 20\d$/i.test(key)).reduce((sum, [, n]) => sum + n, 0);
	check(creates === office.officeOrders, `each order created once (${creates} accepted creates for ${office.officeOrders} orders)`);
}

const CONTINUATION_CAP = 50;

/**
 * A capped first sync continues in new executions (issue 24). The schedule fires once, at a given
 * minute of the hour, so every later part must be started by the part before it, not by a tick.
 */
async function continuationCheck(tableId: string): Promise<void> {
	const orders = TEMPLATES.find((template) => template.resource === 'order');
	if (!orders) throw new Error('no orders template');
	const workflow = preparedTemplate(orders.file, tableId) as { nodes: Array<TemplateNode & { name: string }>; name: string };
	workflow.name = `${workflow.name} — capped first sync`;
	const fire = new Date(Date.now() + 90_000);
	for (const node of workflow.nodes) {
		if (node.name === FETCH_NODE) node.parameters.options = { maxRecordsPerRun: CONTINUATION_CAP };
		if (node.type === 'n8n-nodes-base.scheduleTrigger') node.parameters.rule = { interval: [{ field: 'cronExpression', expression: `${fire.getUTCSeconds()} ${fire.getUTCMinutes()} * * * *` }] };
	}
	const created = await rest<{ id: string }>('POST', '/workflows', workflow);
	await activate(created.id);
	const officeBefore = await control<{ officeOrders: number }>('GET', '/office');
	console.log(`capped first sync: orders template copy ${created.id}, Max Records per Run ${CONTINUATION_CAP}, scheduled once at :${fire.getUTCMinutes()}:${fire.getUTCSeconds()}`);
	const deadline = Date.now() + 600_000;
	let runs: ExecutionSummary[] = [];
	for (;;) {
		const done = (await executionsOf(created.id)).filter((execution) => !['running', 'new', 'waiting'].includes(execution.status));
		runs = await Promise.all(done.map(async (execution) => await summary(execution.id)));
		const last = runs[runs.length - 1];
		if (last && (last.status !== 'success' || last.window?.capped === false)) break;
		if (Date.now() > deadline) break;
		await new Promise((resolve) => setTimeout(resolve, 3000));
	}
	await deactivate(created.id);
	for (const run of runs) console.log(`${line('part', run)}; window ${run.window?.windowStart} → ${run.window?.windowEnd}${run.window?.capped ? ' (capped)' : ''}`);
	check(runs.length >= 3, `the capped first sync ran in ${runs.length} executions (3 or more expected)`);
	check(runs.every((run) => run.status === 'success'), 'every part succeeded');
	check(runs[0]?.mode === 'trigger' && runs.slice(1).every((run) => run.mode === 'integrated'), `the schedule started the first part, each later part was started by the one before (modes: ${runs.map((run) => run.mode).join(', ')})`);
	check(runs.slice(0, -1).every((run) => run.window?.capped) && runs[runs.length - 1]?.window?.capped === false, 'every part but the last was capped; the last was complete');
	check(runs.slice(1).every((run, index) => run.window?.windowStart === runs[index].window?.windowEnd), 'each part started where the one before saved its cursor');
	check(runs.every((run) => (run.window?.records ?? 0) <= CONTINUATION_CAP), `no part read more than ${CONTINUATION_CAP} orders`);
	const office = await control<{ officeOrders: number; distinctExternal: number; missingCount: number }>('GET', '/office');
	check(office.officeOrders === office.distinctExternal && office.missingCount === 0, `no order twice, none missing in the back office (${officeBefore.officeOrders} → ${office.officeOrders} orders, ${office.distinctExternal} distinct, ${office.missingCount} missing)`);
}

async function main(): Promise<void> {
	await signIn();
	await checkPackageLoaded();
	const { projectId, tableId } = await createTable();
	console.log(`Data table ${TABLE.name}: ${tableId} (project ${projectId})`);
	const queueRuns = option('--queue', 0);
	if (queueRuns > 0) {
		await queueCheck(tableId, queueRuns);
		await continuationCheck(tableId);
		if (failures.length > 0) process.exit(1);
		console.log('all checks passed');
		return;
	}

	const ids: Record<string, string> = {};
	for (const template of TEMPLATES) {
		const created = await rest<{ id: string; active: boolean }>('POST', '/workflows', preparedTemplate(template.file, tableId));
		check(!created.active, `${template.label} template imports inactive`);
		ids[template.label] = created.id;
	}
	for (const id of Object.values(ids)) await activate(id);
	console.log(`activated both templates, every ${EVERY_SECONDS} s`);

	const first: Record<string, ExecutionSummary> = {};
	for (const [label, id] of Object.entries(ids)) {
		[first[label]] = await waitForExecutions(id, 1);
		console.log(line(`${label} first`, first[label]));
		// Products count parents when fetched and parents plus variations when pushed.
		const delivered = first[label].pushed + first[label].rejected;
		check(first[label].status === 'success' && first[label].fetched > 0 && (label === 'products' ? delivered >= first[label].fetched : delivered === first[label].fetched), `${label}: the first sync delivered every fetched record`);
	}
	const changes = await control<{ done: string[] }>('POST', '/change');
	for (const change of changes.done) console.log(`  store change: ${change}`);
	const countNow = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([label, id]) => [label, (await executionsOf(id)).length] as const)));

	for (const [label, id] of Object.entries(ids)) {
		const runs = await waitForExecutions(id, countNow[label] + 1);
		const incremental = runs.slice(countNow[label]).find((run) => run.fetched > 0) ?? runs[runs.length - 1];
		console.log(line(`${label} incremental`, incremental));
		check(incremental.status === 'success' && incremental.fetched > 0 && incremental.fetched < first[label].fetched, `${label}: the incremental run fetched only what changed`);
		// The store change removes a product's SKU: Extend refers to products by SKU, so it is refused.
		if (label === 'products') check(incremental.rejectedBranchRan && incremental.rejected === 1, 'products: the rejected record reached "Rejected records"');
	}
	for (const id of Object.values(ids)) await deactivate(id);

	const rows = await rest<{ data?: Array<Record<string, unknown>> } | Array<Record<string, unknown>>>('GET', `/projects/${projectId}/data-tables/${tableId}/rows`).catch(() => []);
	const list = Array.isArray(rows) ? rows : (rows.data ?? []);
	for (const row of list) console.log(`  cursor row: ${String(row.resource)} ${String(row.connection)} ${String(row.cursor)}`);
	check(list.length >= 2, 'the Data table holds a cursor row per template');
	console.log(`office: ${JSON.stringify(await control('GET', '/office'))}`);
	await continuationCheck(tableId);
	if (failures.length > 0) {
		console.log(`${failures.length} check(s) failed`);
		process.exit(1);
	}
	console.log('all checks passed');
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
