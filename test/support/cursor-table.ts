import type { INode } from 'n8n-workflow';

import { InMemoryDataTables, type ColumnSpec } from '../harness/data-tables';
import type { WorkflowJson } from '../harness/run-workflow';

/** The Data table the templates' sticky notes tell the user to create: name and columns. */
export const SYNC_TABLE_NAME = 'extend_commerce_sync';
export const SYNC_TABLE_COLUMNS: readonly ColumnSpec[] = [
	{ name: 'workflow', type: 'string' },
	{ name: 'resource', type: 'string' },
	{ name: 'connection', type: 'string' },
	{ name: 'cursor', type: 'string' },
	// The run's lease (issue 20): which execution holds it, and until when (ISO 8601 UTC; a new row's starts free).
	{ name: 'lease', type: 'string' },
	{ name: 'leaseUntil', type: 'string' },
];

export interface CursorRow {
	workflow: string | null;
	resource: string | null;
	connection: string | null;
	cursor: string | null;
}

/** A fresh "n8n database" holding the sync table as the sticky note describes it. */
export function dataTablesWithSyncTable(): InMemoryDataTables {
	const tables = new InMemoryDataTables();
	tables.createTable(SYNC_TABLE_NAME, [...SYNC_TABLE_COLUMNS]);
	return tables;
}

/**
 * What a user does after import: picks the table from the list in every Data table node. Returns a
 * copy. As in n8n's editor (1.123 and 2.41): the resource mapper, which depends on the table, resets
 * its "Values to …" to none when the table changes (it keeps the mapping mode). It does so when it
 * can evaluate every expression of the node, which depends on what ran before; the worst case is
 * taken here, for every node (issue 20).
 */
export function withSyncTablePicked<T extends WorkflowJson>(workflow: T, tables: InMemoryDataTables): T {
	const copy = structuredClone(workflow);
	const id = tables.tableId(SYNC_TABLE_NAME);
	for (const node of copy.nodes as INode[]) {
		if (node.type !== 'n8n-nodes-base.dataTable') continue;
		node.parameters.dataTableId = { __rl: true, mode: 'list', value: id, cachedResultName: SYNC_TABLE_NAME };
		const columns = node.parameters.columns as { value?: unknown } | undefined;
		if (columns) columns.value = {};
	}
	return copy;
}

export function cursorRows(tables: InMemoryDataTables): CursorRow[] {
	return tables.rows(SYNC_TABLE_NAME).map((row) => ({
		workflow: row.workflow as string | null,
		resource: row.resource as string | null,
		connection: row.connection as string | null,
		cursor: row.cursor as string | null,
	}));
}

/** The lease of one workflow and resource's row, or undefined when there is no row yet. */
export function leaseOf(tables: InMemoryDataTables, workflowId: string, resource: 'orders' | 'products'): { lease: string | null; leaseUntil: string | null } | undefined {
	const rows = tables.rows(SYNC_TABLE_NAME).filter((row) => row.workflow === workflowId && row.resource === resource);
	if (rows.length > 1) throw new Error(`${rows.length} rows for ${workflowId}/${resource}`);
	return rows[0] ? { lease: rows[0].lease as string | null, leaseUntil: rows[0].leaseUntil as string | null } : undefined;
}

/** The saved cursor of one workflow and resource, or null when there is no row yet. */
export function savedCursor(tables: InMemoryDataTables, workflowId: string, resource: 'orders' | 'products'): string | null {
	const rows = cursorRows(tables).filter((row) => row.workflow === workflowId && row.resource === resource);
	if (rows.length > 1) throw new Error(`${rows.length} cursor rows for ${workflowId}/${resource}`);
	return rows[0]?.cursor ?? null;
}

/** A user editing the cursor cell (re-sync from a date), or creating the row if there is none. */
export function setCursor(tables: InMemoryDataTables, workflowId: string, resource: 'orders' | 'products', cursor: string): void {
	const filter = {
		type: 'and' as const,
		filters: [
			{ columnName: 'workflow', condition: 'eq' as const, value: workflowId },
			{ columnName: 'resource', condition: 'eq' as const, value: resource },
		],
	};
	if (tables.update(SYNC_TABLE_NAME, filter, { cursor }).length === 0) {
		tables.insert(SYNC_TABLE_NAME, [{ workflow: workflowId, resource, connection: null, cursor }]);
	}
}

/** What 50 minutes do to a held lease: every row's lease runs out (its holder stays named). */
export function expireLeases(tables: InMemoryDataTables): void {
	tables.update(SYNC_TABLE_NAME, { type: 'and', filters: [] }, { leaseUntil: '2000-01-01T00:00:00.000Z' });
}
