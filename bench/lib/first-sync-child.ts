/**
 * One part of a first sync (bench/first-sync.ts): the orders template run once in a process of its
 * own, as n8n runs one execution, reporting the process's peak RSS. The sync table's rows come in
 * and go back out (n8n keeps them in its database); when the template's "Sync the next part" node
 * asks for the next part, this process reports it instead of running it, and the bench starts it.
 */
import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { FETCH_NODE, loadTemplate, PUSH_NODE, TEMPLATES } from '../../demo/demo';
import { runWorkflow, type RunOptions } from '../../test/harness/run-workflow';
import type { SubWorkflowRunner } from '../../test/harness/sub-workflows';
import { dataTablesWithSyncTable, SYNC_TABLE_COLUMNS, SYNC_TABLE_NAME, withSyncTablePicked } from '../../test/support/cursor-table';

const CONTINUED_BY = 'When Executed by Another Workflow';

async function main(): Promise<void> {
	const credentials = JSON.parse(process.env.BENCH_CREDENTIALS ?? '{}') as Record<string, ICredentialDataDecryptedObject>;
	const rows = JSON.parse(process.env.BENCH_ROWS ?? '[]') as Array<Record<string, string | null>>;
	const input = JSON.parse(process.env.BENCH_INPUT ?? 'null') as INodeExecutionData[] | null;
	const cap = process.env.BENCH_CAP ? Number(process.env.BENCH_CAP) : undefined;
	const tables = dataTablesWithSyncTable();
	if (rows.length > 0) tables.insert(SYNC_TABLE_NAME, rows);
	const template = TEMPLATES.find((t) => t.resource === 'order');
	if (!template) throw new Error('no orders template');
	const workflow = withSyncTablePicked(loadTemplate(template.file), tables);
	if (cap !== undefined) {
		const fetch = workflow.nodes.find((node) => node.name === FETCH_NODE);
		if (fetch) fetch.parameters = { ...fetch.parameters, options: { maxRecordsPerRun: cap } };
	}
	let next: INodeExecutionData[] | undefined;
	const subWorkflows: SubWorkflowRunner = {
		executorFor: () => async (_info, _additionalData, options) => {
			next = options.inputData ?? [{ json: {} }];
			return { executionId: 'next part', data: [null] };
		},
	};
	const rssBeforeMb = process.memoryUsage().rss / 1048576;
	const started = process.hrtime.bigint();
	const options: RunOptions = { credentials, executionId: process.env.BENCH_EXECUTION_ID, dataTables: tables, active: true, subWorkflows };
	const result = await runWorkflow(workflow, input ? { ...options, mode: 'integrated', startNode: CONTINUED_BY, triggerItems: input } : { ...options, mode: 'trigger' });
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const columns = SYNC_TABLE_COLUMNS.map((column) => column.name);
	process.send?.({
		type: 'done',
		error: result.error?.message,
		records: result.items(FETCH_NODE).length,
		window: result.items(FETCH_NODE, 1)[0]?.json,
		nextCursor: result.items(PUSH_NODE, 1)[0]?.json,
		rows: tables.rows(SYNC_TABLE_NAME).map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))),
		next,
		seconds,
		rssBeforeMb,
		peakRssMb: process.resourceUsage().maxRSS / 1024,
	});
}

main().catch((error: unknown) => {
	process.send?.({ type: 'done', error: String(error) });
});
