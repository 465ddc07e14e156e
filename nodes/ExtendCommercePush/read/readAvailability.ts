import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ASSUMED_AVAILABILITY } from '../../shared/extend-commerce/api';
import { readChangedAvailability, resumeFrom, type UnreadableRow } from '../../shared/extend-commerce/availabilityReader';
import { combineWarehouses, readEveryWarehouseOf, withEveryWarehouse, type SeveralWarehouses, type WarehouseConflict } from '../../shared/extend-commerce/availabilityWarehouses';
import { extendClientFor, type ExtendClient } from '../../shared/extend-commerce/client';
import { toNodeError } from '../../shared/nodeErrors';
import { failureModeOf, resultItem } from '../../shared/recordOutcome';

interface AvailabilityOptions {
	productNumbers?: string;
	pageSize?: number;
	severalWarehouses?: SeveralWarehouses;
}

/** An ISO 8601 time as UTC with Z, or undefined for an empty value; the node's parameter names the problem. */
function changedSinceOf(context: IExecuteFunctions, value: unknown): string | undefined {
	const text = typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value);
	if (text === '') return undefined;
	const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
	const parsed = Date.parse(hasZone ? text : `${text}Z`);
	if (Number.isNaN(parsed)) {
		throw new NodeOperationError(context.getNode(), `Changed Since "${text.slice(0, 40)}" is not a date`, { description: 'Enter an ISO 8601 time such as 2026-11-28T00:00:00Z, or leave it empty to read every balance.' });
	}
	return new Date(parsed).toISOString();
}

/** The store connection's Name and Warehouse, when the node has that credential. */
async function storeConnection(context: IExecuteFunctions): Promise<{ name: string; warehouse: string }> {
	if (!context.getNode().credentials?.extendCommerceConnectionApi) return { name: '', warehouse: '' };
	const credentials = await context.getCredentials('extendCommerceConnectionApi');
	return { name: String(credentials.connectionName ?? '').trim(), warehouse: String(credentials.warehouse ?? '').trim() };
}

const shown = (value: unknown): string => (value === undefined ? 'nothing (the field is missing)' : JSON.stringify(value)?.slice(0, 80) ?? String(value));

/** What a row the node cannot read lacks, in words for the integrator. */
function unreadableMessage(row: UnreadableRow): string {
	return `Balance ${row.position + 1} from Extend Commerce has no readable "${row.field}": it holds ${shown(row.value)}`;
}

/**
 * Rows the node cannot read are never dropped: when every row is unreadable (a wrong field name,
 * most likely) or the node stops on errors, the run fails naming the field; otherwise each goes
 * to the error output (or carries an error line) and the readable rows go on.
 */
function unreadableRows(context: IExecuteFunctions, unreadable: UnreadableRow[], readable: number): INodeExecutionData[] {
	if (unreadable.length === 0) return [];
	const mode = failureModeOf(context);
	if (readable === 0 || mode === 'none') {
		const names = Object.values(ASSUMED_AVAILABILITY).map((name) => `"${name}"`).join(', ');
		throw new NodeOperationError(context.getNode(), `${unreadable.length} of ${unreadable.length + readable} balances could not be read — ${unreadableMessage(unreadable[0])}`, {
			description: `Nothing was written and the cursor stays. This node reads Extend Commerce's ProductAvailability rows with the field names ${names} (an assumption: Extend publishes no model). Open one row of Extend's answer and compare; where the names differ, they must be adjusted before stock can sync.`,
		});
	}
	return unreadable.map((row) => resultItem({ itemIndex: 0, position: row.position + 1, error: { field: row.field, message: unreadableMessage(row) } }, mode, 'Balance'));
}

function conflictMessage(conflict: WarehouseConflict): string {
	const balances = conflict.balances.map((row) => `${row.warehouse || '(no warehouse)'}: ${row.availableBalance}`).join(', ');
	return `Product ${conflict.productNumber} has balances in ${conflict.warehouses.length} warehouses (${balances}) and no Warehouse is set`;
}

const CONFLICT_FIX = 'WooCommerce keeps one stock per SKU. Set Warehouse (on this node or in the WooCommerce Store Connection credential) to the warehouse the store sells from, or choose Options → Balances in Several Warehouses → Add Them Up.';

/**
 * A product with balances in several warehouses and no Warehouse chosen is never written with
 * whichever balance came last: the run fails naming the warehouses, or, continuing on errors, the
 * product goes to the error output (or carries an error line) and the others go on.
 */
function conflictRows(context: IExecuteFunctions, conflicts: WarehouseConflict[], products: number): INodeExecutionData[] {
	if (conflicts.length === 0) return [];
	const mode = failureModeOf(context);
	if (mode === 'none') {
		throw new NodeOperationError(context.getNode(), `${conflicts.length} of ${products} products have balances in several warehouses and no Warehouse is set — ${conflictMessage(conflicts[0])}`, {
			description: `Nothing was written and the cursor stays. ${CONFLICT_FIX}`,
		});
	}
	return conflicts.map((conflict) =>
		resultItem({ itemIndex: 0, productNumber: conflict.productNumber, warehouses: conflict.warehouses, fix: CONFLICT_FIX, error: { field: 'warehouse', message: conflictMessage(conflict) } }, mode, 'Balance'),
	);
}

/**
 * Product Availability → Get Changed: one item per balance on the first output; on the second,
 * one item with the next run's Changed Since (the latest change read), unless a Limit cut the read.
 */
export async function getChangedAvailability(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let client: ExtendClient | undefined;
	try {
		const changedSince = changedSinceOf(this, this.getNodeParameter('changedSince', 0, ''));
		const connection = await storeConnection(this);
		const warehouse = String(this.getNodeParameter('warehouse', 0, '') ?? '').trim() || connection.warehouse;
		const returnAll = this.getNodeParameter('returnAll', 0, true) as boolean;
		const limit = returnAll ? 0 : (this.getNodeParameter('limit', 0, 50) as number);
		const options = this.getNodeParameter('availabilityOptions', 0, {}) as AvailabilityOptions;
		const productNumbers = (options.productNumbers ?? '').split(',').map((number) => number.trim()).filter(Boolean);
		client = await extendClientFor(this, 0);
		const result = await readChangedAvailability(client, { changedSince, warehouse: warehouse || undefined, productNumbers, pageSize: options.pageSize, limit });
		this.addExecutionHints({
			message: `${result.rows.length} balances${warehouse ? ` of warehouse ${warehouse}` : ''} changed${changedSince ? ` since ${changedSince}` : ''}, read in ${result.pages} pages.`,
			location: 'outputPane',
		});
		let balances = result.rows;
		let conflicts: WarehouseConflict[] = [];
		if (!warehouse) {
			// A partial read (since a time, or up to a Limit) may hold only some of a product's warehouses.
			const partial = changedSince !== undefined || limit > 0;
			const every = partial ? await readEveryWarehouseOf(client, [...new Set(result.rows.map((row) => row.productNumber))], options.pageSize) : undefined;
			if (every) result.unreadable.push(...every.unreadable.map((row) => ({ ...row, position: row.position + result.rows.length + result.unreadable.length })));
			({ rows: balances, conflicts } = combineWarehouses(every ? withEveryWarehouse(result.rows, every.rows) : result.rows, options.severalWarehouses ?? 'refuse'));
		}
		const rows = [
			...balances.map((row): INodeExecutionData => ({ json: row, pairedItem: { item: 0 } })),
			...unreadableRows(this, result.unreadable, balances.length + conflicts.length),
			...conflictRows(this, conflicts, new Set(balances.map((row) => row.productNumber)).size + conflicts.length),
		];
		const refused = new Set(conflicts.map((conflict) => conflict.productNumber));
		const next = resumeFrom(result.latestChange, [...result.unreadable, ...result.rows.filter((row) => refused.has(row.productNumber))], changedSince);
		if (result.unreadable.length + conflicts.length > 0 && returnAll) {
			this.addExecutionHints({ message: `${result.unreadable.length + conflicts.length} balances were not handed on, so the next Changed Since stays at ${next ?? 'the start (every balance)'}: the next run reads them again.`, location: 'outputPane' });
		}
		const cursor = returnAll
			? [{ json: { resource: 'availability', connection: connection.name, warehouse, cursor: next ?? '', previousCursor: changedSince ?? '', balances: balances.length, unreadable: result.unreadable.length, ...(conflicts.length > 0 ? { severalWarehouses: conflicts.length } : {}), syncedAt: new Date().toISOString() }, pairedItem: { item: 0 } }]
			: [];
		return [rows, cursor];
	} catch (error) {
		throw toNodeError(this.getNode(), error, client?.settings.secrets ?? []);
	}
}
