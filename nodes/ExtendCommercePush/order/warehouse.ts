import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { upstreamSyncWindow } from '../push/syncWindowInput';

async function storeSlotWarehouse(context: IExecuteFunctions): Promise<string> {
	if (!context.getNode().credentials?.extendCommerceConnectionApi) return '';
	const connection = await context.getCredentials('extendCommerceConnectionApi');
	return String(connection.warehouse ?? '').trim();
}

/** The Warehouse of the store connection the WooCommerce Fetch node before this one read with. */
function fetchConnectionWarehouse(context: IExecuteFunctions): string {
	const { window } = upstreamSyncWindow(context);
	const warehouse = window && typeof window === 'object' ? (window as { warehouse?: unknown }).warehouse : undefined;
	return typeof warehouse === 'string' ? warehouse.trim() : '';
}

/**
 * The Extend warehouse of every order row, first found of: this node's Options → Warehouse, the
 * Warehouse of this node's own store connection, the Warehouse of the store connection the fetch
 * node before it used. None: the run stops before anything is sent, naming where to fill it in.
 */
export async function orderWarehouse(context: IExecuteFunctions, option: string | undefined): Promise<string> {
	const warehouse = option?.trim() || (await storeSlotWarehouse(context)) || fetchConnectionWarehouse(context);
	if (warehouse) return warehouse;
	const node = context.getNode().name;
	throw new NodeOperationError(context.getNode(), 'No Extend warehouse is set for the order rows.', {
		description: `Open the node "${node}" and enter the warehouse short name under Options → Warehouse, or fill in Warehouse in the WooCommerce Store Connection credential of its store slot or of the WooCommerce Fetch node before it.`,
	});
}
