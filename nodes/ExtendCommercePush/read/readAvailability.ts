import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readChangedAvailability } from '../../shared/extend-commerce/availabilityReader';
import { extendClientFor, type ExtendClient } from '../../shared/extend-commerce/client';
import { toNodeError } from '../../shared/nodeErrors';

interface AvailabilityOptions {
	productNumbers?: string;
	pageSize?: number;
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
		const rows = result.rows.map((row): INodeExecutionData => ({ json: row, pairedItem: { item: 0 } }));
		const cursor = returnAll
			? [{ json: { resource: 'availability', connection: connection.name, warehouse, cursor: result.latestChange ?? changedSince ?? '', previousCursor: changedSince ?? '', balances: result.rows.length, syncedAt: new Date().toISOString() }, pairedItem: { item: 0 } }]
			: [];
		return [rows, cursor];
	} catch (error) {
		throw toNodeError(this.getNode(), error, client?.settings.secrets ?? []);
	}
}
