import type {
	DataTable,
	DataTableColumn,
	DataTableColumnJsType,
	DataTableColumnType,
	DataTableFilter,
	DataTableRow,
	DataTableRowReturn,
	IDataTableProjectAggregateService,
	IDataTableProjectService,
	ListDataTableOptions,
	ListDataTableRowsOptions,
} from 'n8n-workflow';

/**
 * STAND-IN, tests only: n8n keeps Data tables in its own database behind a service that n8n-core
 * reaches through `additionalData['data-table'].dataTableProxyProvider` (n8n-core 2.41.1 and
 * 1.122.48 alike). n8n-core alone ships no such service, so this in-process one answers n8n's real
 * Data table node with the same row semantics: numeric ids from 1, createdAt/updatedAt set by the
 * table, values checked against the column type, filters with and/or conditions, update of every
 * matching row, and upsert = update every match or insert one row. An update with a filter is one
 * step, as in n8n's database (PostgreSQL: one UPDATE … WHERE … RETURNING; SQLite: select and update
 * in one transaction on its one writer): of two overlapping conditional updates, only the first
 * sees the row still matching — what the templates' lease (issue 20) relies on.
 */
export type ColumnSpec = Pick<DataTableColumn, 'name' | 'type'>;

type StoredRow = DataTableRowReturn;

interface Table {
	id: string;
	name: string;
	columns: DataTableColumn[];
	rows: StoredRow[];
	nextRowId: number;
	createdAt: Date;
	updatedAt: Date;
}

const SYSTEM_COLUMNS: Record<string, DataTableColumnType> = { id: 'number', createdAt: 'date', updatedAt: 'date' };
const COLUMN_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
export const TEST_PROJECT_ID = 'test-project';

export class DataTableError extends Error {}

function toColumnValue(table: Table, column: string, value: unknown): DataTableColumnJsType {
	const type = table.columns.find((c) => c.name === column)?.type;
	if (!type) throw new DataTableError(`unknown column name '${column}' in data table '${table.name}'`);
	if (value === null || value === undefined) return null;
	const mismatch = () => new DataTableError(`value '${String(value)}' does not match column type '${type}': column '${column}'`);
	switch (type) {
		case 'string':
			if (typeof value !== 'string') throw mismatch();
			return value;
		case 'number':
			if (typeof value !== 'number' || Number.isNaN(value)) throw mismatch();
			return value;
		case 'boolean':
			if (typeof value !== 'boolean') throw mismatch();
			return value;
		case 'date': {
			const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
			if (!date || Number.isNaN(date.getTime())) throw mismatch();
			return date;
		}
	}
}

function comparable(value: unknown): unknown {
	return value instanceof Date ? value.getTime() : value;
}

function likeMatches(text: unknown, pattern: unknown, caseInsensitive: boolean): boolean {
	if (typeof text !== 'string' || typeof pattern !== 'string') return false;
	// SQL LIKE: % any run, _ one character; a pattern without % means "contains", as the node's "Contains" labels say.
	const wrapped = pattern.includes('%') ? pattern : `%${pattern}%`;
	const source = wrapped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
	return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's').test(text);
}

function conditionHolds(row: StoredRow, condition: DataTableFilter['filters'][number]): boolean {
	const actual = comparable(row[condition.columnName]);
	const expected = comparable(condition.value);
	switch (condition.condition) {
		case 'eq':
			return expected === null ? actual === null || actual === undefined : actual === expected;
		case 'neq':
			return expected === null ? actual !== null && actual !== undefined : actual !== expected;
		case 'isEmpty':
			return actual === null || actual === undefined || actual === '';
		case 'isNotEmpty':
			return actual !== null && actual !== undefined && actual !== '';
		case 'gt':
			return actual !== null && actual !== undefined && (actual as number) > (expected as number);
		case 'gte':
			return actual !== null && actual !== undefined && (actual as number) >= (expected as number);
		case 'lt':
			return actual !== null && actual !== undefined && (actual as number) < (expected as number);
		case 'lte':
			return actual !== null && actual !== undefined && (actual as number) <= (expected as number);
		case 'like':
			return likeMatches(actual, expected, false);
		case 'ilike':
			return likeMatches(actual, expected, true);
	}
	throw new DataTableError(`unknown filter condition '${String(condition.condition)}'`);
}

function matches(row: StoredRow, filter: DataTableFilter | undefined): boolean {
	if (!filter || filter.filters.length === 0) return true;
	const results = filter.filters.map((condition) => conditionHolds(row, condition));
	return filter.type === 'and' ? results.every(Boolean) : results.some(Boolean);
}

function copyRow(row: StoredRow): StoredRow {
	return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? new Date(v.getTime()) : v])) as StoredRow;
}

/**
 * What n8n's service checks before an update or upsert (data-table.service.ts,
 * validateAndTransformUpdateParams, 1.123 and 2.41 alike): a filter, and at least one column to
 * write. The columns themselves are checked as they are written: a field that is no column of the
 * table ("unknown column name"), as when Map Automatically meets an item with extra fields.
 */
function checkUpdate(filter: DataTableFilter | undefined, data: DataTableRow): void {
	if (!filter?.filters || filter.filters.length === 0) throw new DataTableError('Filter must not be empty');
	if (!data || Object.keys(data).length === 0) throw new DataTableError('Data columns must not be empty');
}

function checkColumns(table: Table, filter: DataTableFilter | undefined): void {
	for (const condition of filter?.filters ?? []) {
		if (!SYSTEM_COLUMNS[condition.columnName] && !table.columns.some((c) => c.name === condition.columnName)) {
			throw new DataTableError(`unknown column name '${condition.columnName}' in data table '${table.name}'`);
		}
	}
}

/** The in-process table service; one instance is "the n8n database" shared by every run given it. */
export class InMemoryDataTables {
	private readonly tables = new Map<string, Table>();
	private nextTableId = 1;
	/** Every row operation in order, for tests that check what a run wrote. */
	readonly log: Array<{ table: string; operation: string }> = [];

	createTable(name: string, columns: ColumnSpec[]): DataTable {
		if ([...this.tables.values()].some((t) => t.name === name)) throw new DataTableError(`Data table with name '${name}' already exists in this project`);
		const id = `dt${String(this.nextTableId++).padStart(14, '0')}`;
		const now = new Date();
		const table: Table = {
			id,
			name,
			columns: columns.map((column, index) => {
				if (!COLUMN_NAME.test(column.name) || SYSTEM_COLUMNS[column.name]) throw new DataTableError(`invalid column name '${column.name}'`);
				return { id: `${id}-c${index}`, name: column.name, type: column.type, index, dataTableId: id };
			}),
			rows: [],
			nextRowId: 1,
			createdAt: now,
			updatedAt: now,
		};
		this.tables.set(id, table);
		return this.describe(table);
	}

	/** A copy of a table's rows (by name or id), ordered by id. */
	rows(nameOrId: string): StoredRow[] {
		return this.table(nameOrId).rows.map(copyRow);
	}

	/** Writes rows directly, as a user editing the table in n8n's Data tables screen would. */
	insert(nameOrId: string, rows: DataTableRow[]): StoredRow[] {
		return this.insertRows(this.table(nameOrId), rows);
	}

	/** Changes matching rows directly (a user editing a cell). */
	update(nameOrId: string, filter: DataTableFilter, data: DataTableRow): StoredRow[] {
		return this.updateRows(this.table(nameOrId), filter, data);
	}

	tableId(name: string): string {
		return this.table(name).id;
	}

	/** What n8n-core's `additionalData['data-table']` holds. */
	get additionalData(): { dataTableProxyProvider: InMemoryDataTables } {
		return { dataTableProxyProvider: this };
	}

	async getDataTableAggregateProxy(): Promise<IDataTableProjectAggregateService> {
		return {
			getProjectId: () => TEST_PROJECT_ID,
			createDataTable: async (options) => this.createTable(options.name, options.columns),
			getManyAndCount: async (options: ListDataTableOptions) => {
				const wanted = options.filter?.name;
				const names = (Array.isArray(wanted) ? wanted : wanted === undefined ? [] : [wanted]).map((n) => n.toLowerCase());
				// Name filters match case-insensitively on a part of the name.
				const all = [...this.tables.values()].filter((t) => names.length === 0 || names.some((n) => t.name.toLowerCase().includes(n)));
				const skip = options.skip ?? 0;
				const page = all.slice(skip, options.take === undefined ? undefined : skip + options.take);
				return { count: all.length, data: page.map((t) => this.describe(t)) };
			},
			deleteDataTableAll: async () => {
				this.tables.clear();
				return true;
			},
		};
	}

	async getDataTableProxy(_workflow: unknown, _node: unknown, dataTableId: string): Promise<IDataTableProjectService> {
		const table = this.tables.get(dataTableId);
		if (!table) throw new DataTableError(`Could not find data table with ID ${dataTableId}`);
		const unsupported = async (): Promise<never> => {
			throw new DataTableError('Schema changes are not part of the test stand-in');
		};
		return {
			updateDataTable: async (options) => {
				table.name = options.name;
				return true;
			},
			deleteDataTable: async () => this.tables.delete(table.id),
			getColumns: async () => table.columns.map((c) => ({ ...c })),
			addColumn: unsupported,
			moveColumn: unsupported,
			deleteColumn: unsupported,
			getManyRowsAndCount: async (dto: Partial<ListDataTableRowsOptions>) => {
				this.log.push({ table: table.name, operation: 'get' });
				checkColumns(table, dto.filter);
				let found = table.rows.filter((row) => matches(row, dto.filter));
				if (dto.sortBy) {
					const [column, direction] = dto.sortBy;
					const sign = direction === 'DESC' ? -1 : 1;
					found = [...found].sort((a, b) => {
						const [x, y] = [comparable(a[column]), comparable(b[column])] as Array<string | number | boolean | null>;
						if (x === y) return a.id - b.id;
						if (x === null || x === undefined) return -sign;
						if (y === null || y === undefined) return sign;
						return x < y ? -sign : sign;
					});
				}
				const skip = dto.skip ?? 0;
				const page = found.slice(skip, dto.take === undefined ? undefined : skip + dto.take);
				return { count: found.length, data: page.map(copyRow) };
			},
			insertRows: (async (rows: DataTableRow[], returnType: 'all' | 'id' | 'count') => {
				this.log.push({ table: table.name, operation: 'insert' });
				const inserted = this.insertRows(table, rows);
				if (returnType === 'count') return { success: true, insertedRows: inserted.length };
				if (returnType === 'id') return inserted.map((row) => ({ id: row.id }));
				return inserted;
			}) as IDataTableProjectService['insertRows'],
			updateRows: async (options) => {
				this.log.push({ table: table.name, operation: 'update' });
				checkUpdate(options.filter, options.data);
				return options.dryRun ? this.dryRun(table, options.filter, options.data) : this.updateRows(table, options.filter, options.data);
			},
			upsertRow: async (options) => {
				this.log.push({ table: table.name, operation: 'upsert' });
				checkUpdate(options.filter, options.data);
				checkColumns(table, options.filter);
				const exists = table.rows.some((row) => matches(row, options.filter));
				if (options.dryRun) return exists ? this.dryRun(table, options.filter, options.data) : [];
				return exists ? this.updateRows(table, options.filter, options.data) : this.insertRows(table, [options.data]);
			},
			deleteRows: async (options) => {
				this.log.push({ table: table.name, operation: 'delete' });
				checkColumns(table, options.filter);
				const gone = table.rows.filter((row) => matches(row, options.filter));
				if (!options.dryRun) table.rows = table.rows.filter((row) => !gone.includes(row));
				return gone.map(copyRow);
			},
			clearRows: async () => {
				const deletedCount = table.rows.length;
				table.rows = [];
				return { deletedCount };
			},
		};
	}

	private table(nameOrId: string): Table {
		const table = this.tables.get(nameOrId) ?? [...this.tables.values()].find((t) => t.name === nameOrId);
		if (!table) throw new DataTableError(`No data table ${nameOrId}`);
		return table;
	}

	private describe(table: Table): DataTable {
		return { id: table.id, name: table.name, columns: table.columns.map((c) => ({ ...c })), createdAt: table.createdAt, updatedAt: table.updatedAt, projectId: TEST_PROJECT_ID };
	}

	private insertRows(table: Table, rows: DataTableRow[]): StoredRow[] {
		const checked = rows.map((data) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, toColumnValue(table, k, v)])));
		const now = new Date();
		const inserted = checked.map((data) => {
			const row: StoredRow = { id: table.nextRowId++, createdAt: now, updatedAt: now } as StoredRow;
			for (const column of table.columns) row[column.name] = data[column.name] ?? null;
			return row;
		});
		table.rows.push(...inserted);
		return inserted.map(copyRow);
	}

	private updateRows(table: Table, filter: DataTableFilter, data: DataTableRow): StoredRow[] {
		checkColumns(table, filter);
		const changes = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, toColumnValue(table, k, v)]));
		const now = new Date();
		const updated = table.rows.filter((row) => matches(row, filter));
		for (const row of updated) Object.assign(row, changes, { updatedAt: now });
		return updated.map(copyRow);
	}

	private dryRun(table: Table, filter: DataTableFilter, data: DataTableRow): StoredRow[] {
		checkColumns(table, filter);
		const changes = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, toColumnValue(table, k, v)]));
		return table.rows
			.filter((row) => matches(row, filter))
			.flatMap((row) => [
				{ ...copyRow(row), dryRunState: 'before' },
				{ ...copyRow(row), ...changes, dryRunState: 'after' },
			]) as StoredRow[];
	}
}
