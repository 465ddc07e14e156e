import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';

import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult, type WorkflowJson } from '../../harness/run-workflow';
import { cursorRows, dataTablesWithSyncTable, SYNC_TABLE_COLUMNS, SYNC_TABLE_NAME } from '../../support/cursor-table';
import { connectionCredential, officeCredential } from '../../support/sync-env';
import { startOffice, startWooSandbox, storeSkus, WAREHOUSE } from './helpers';

/**
 * A workflow as a user builds it from the nodes panel: every node keeps the name n8n gives it and
 * every parameter of the package's nodes keeps its default, but for the one n8n marks as required.
 * Only the Data table node is filled in, as a user has to: its table and the columns to write.
 */
const SCHEDULE = 'Schedule Trigger';
const FETCH = 'Get changed orders';
const PUSH = 'Create orders';
const UPSERT = 'Upsert row(s)';

function handBuilt(tableId: string, options: { storeSlotOnPush: boolean }): WorkflowJson {
	const column = (name: string) => ({ id: name, displayName: name, required: false, defaultMatch: false, display: true, type: 'string', canBeUsedToMatch: true, readOnly: false, removed: false });
	const nodes: INode[] = [
		{ id: '1', name: SCHEDULE, type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: {} },
		{
			id: '2',
			name: FETCH,
			type: 'n8n-nodes-extend-commerce.wooCommerceFetch',
			typeVersion: 1,
			position: [220, 0],
			parameters: { resource: 'order', operation: 'getChanged' },
			credentials: { extendCommerceConnectionApi: { id: '1', name: 'My store' } },
		},
		{
			id: '3',
			name: PUSH,
			type: 'n8n-nodes-extend-commerce.extendCommercePush',
			typeVersion: 1,
			position: [440, 0],
			parameters: { resource: 'order', operation: 'create', customerNumber: 'WEBSHOP' },
			credentials: {
				extendCommerceApi: { id: '2', name: 'My back office' },
				...(options.storeSlotOnPush ? { extendCommerceConnectionApi: { id: '1', name: 'My store' } } : {}),
			},
		},
		{
			id: '4',
			name: UPSERT,
			type: 'n8n-nodes-base.dataTable',
			typeVersion: 1,
			position: [660, 0],
			parameters: {
				resource: 'row',
				operation: 'upsert',
				dataTableId: { __rl: true, mode: 'list', value: tableId, cachedResultName: SYNC_TABLE_NAME },
				matchType: 'allConditions',
				filters: { conditions: [{ keyName: 'resource', condition: 'eq', keyValue: '={{ $json.resource }}' }] },
				columns: {
					mappingMode: 'defineBelow',
					value: { ...Object.fromEntries(SYNC_TABLE_COLUMNS.map((c) => [c.name, `={{ $json.${c.name} }}`])), workflow: '={{ $workflow.id }}' },
					matchingColumns: [],
					schema: SYNC_TABLE_COLUMNS.map((c) => column(c.name)),
					attemptToConvertTypes: false,
					convertFieldsToString: false,
				},
				options: {},
			},
		},
	];
	return {
		nodes,
		connections: {
			[SCHEDULE]: { main: [[{ node: FETCH, type: 'main', index: 0 }]] },
			[FETCH]: { main: [[{ node: PUSH, type: 'main', index: 0 }], []] },
			[PUSH]: { main: [[], [{ node: UPSERT, type: 'main', index: 0 }]] },
		},
	};
}

describe('a workflow built by hand from the nodes panel (default names and defaults)', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		woo = await startWooSandbox({ products: 4, orders: 6, variableShare: 0, seed: 21 });
		office = await startOffice(storeSkus(woo));
	});
	afterEach(async () => {
		await Promise.all([woo.close(), office.close()]);
	});

	async function run(options: { storeSlotOnPush: boolean; connection?: IDataObject }): Promise<{ result: RunResult; tables: ReturnType<typeof dataTablesWithSyncTable> }> {
		const tables = dataTablesWithSyncTable();
		const credentials: Record<string, ICredentialDataDecryptedObject> = {
			extendCommerceConnectionApi: connectionCredential(woo, 'basic-https', options.connection ?? {}),
			extendCommerceApi: officeCredential(office),
		};
		const result = await runWorkflow(handBuilt(tables.tableId(SYNC_TABLE_NAME), options), { credentials, dataTables: tables });
		return { result, tables };
	}

	function sentWarehouses(): string[] {
		return [...new Set(office.data.orders().flatMap((order) => order.orderRows.map((row) => String(row.warehouse))))];
	}

	it('pushes every changed order and saves the fetch window\'s end as the cursor, without naming a node anywhere', async () => {
		const { result, tables } = await run({ storeSlotOnPush: true });
		expect(result.error).toBeUndefined();
		expect(result.nodeExecutionOrder).toEqual([SCHEDULE, FETCH, PUSH, UPSERT]);
		const window = result.items(FETCH, 1)[0].json;
		const created = result.items(PUSH, 0).filter((item) => item.json.outcome === 'created');
		expect(created.length).toBe(result.items(FETCH, 0).length);
		expect(created.length).toBeGreaterThan(0);
		expect(cursorRows(tables)).toEqual([expect.objectContaining({ resource: 'orders', cursor: window.windowEnd })]);
		expect(sentWarehouses()).toEqual([WAREHOUSE]);
	});

	it('takes the warehouse of the fetch node\'s store connection when the push node\'s store slot is empty', async () => {
		const { result } = await run({ storeSlotOnPush: false });
		expect(result.error).toBeUndefined();
		expect(result.items(FETCH, 1)[0].json).toMatchObject({ warehouse: WAREHOUSE });
		const fetched = result.items(FETCH, 0);
		expect(fetched.length).toBeGreaterThan(0);
		expect(result.items(PUSH, 0).map((item) => item.json.outcome)).toEqual(fetched.map(() => 'created'));
		expect(sentWarehouses()).toEqual([WAREHOUSE]);
	});

	it('without any warehouse, fails before sending anything and names the node and the slot to fill', async () => {
		const { result, tables } = await run({ storeSlotOnPush: false, connection: { warehouse: '' } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/warehouse/i);
		const description = String((result.error as unknown as { description?: string }).description);
		expect(description).toMatch(new RegExp(`"${PUSH}"`));
		expect(description).toMatch(/Options → Warehouse/);
		expect(description).toMatch(/WooCommerce Store/);
		expect(office.data.orders().length).toBe(0);
		expect(cursorRows(tables)).toEqual([]);
	});
});
