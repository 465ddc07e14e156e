import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { wooOrderNumberOf } from '../shared/mapping/externalOrderNumber';
import { toNodeError } from '../shared/nodeErrors';
import { failureModeOf, resultItem } from '../shared/recordOutcome';
import { changeOrderStatus, detailStatusWarning, type OrderStatusResult } from '../shared/woocommerce/storeWriter/orderStatus';
import { openStore } from './store';

/** Order → Update Status: one order per input item, each found by its number, idempotent. */
export async function updateOrderStatus(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	let secrets: string[] = [];
	try {
		const opened = await openStore(this);
		secrets = opened.secrets;
		const mode = failureModeOf(this);
		const output: INodeExecutionData[] = [];
		const unreadable: number[] = [];
		const refused: OrderStatusResult[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const external = String(this.getNodeParameter('orderNumber', itemIndex, '') ?? '').trim();
			const prefix = String(this.getNodeParameter('orderNumberPrefix', itemIndex, '') ?? '');
			const orderNumber = wooOrderNumberOf(external, prefix);
			let result: OrderStatusResult;
			if (external === '') {
				result = { itemIndex, orderNumber: '', outcome: 'failed', error: { field: 'orderNumber', message: 'Order Number is empty; map the order\'s orderNumberExternal (e.g. {{ $json.orderNumberExternal }}) into it' } };
			} else if (orderNumber === undefined) {
				result = { itemIndex, orderNumber: external, outcome: 'failed', error: { field: 'orderNumber', message: `Order number "${external}" does not start with the prefix "${prefix}": it belongs to another store, or the prefix differs from the one the push uses` } };
			} else {
				const status = this.getNodeParameter('status', itemIndex) as string;
				result = await changeOrderStatus(opened.store, {
					itemIndex,
					orderNumber,
					status,
					note: String(this.getNodeParameter('note', itemIndex, '') ?? ''),
					customerNote: this.getNodeParameter('customerNote', itemIndex, true) as boolean,
				});
				const checks = this.getNodeParameter('statusCheck', itemIndex, {}) as { detailStatus?: unknown };
				const warning = detailStatusWarning(status, checks.detailStatus === undefined ? undefined : String(checks.detailStatus ?? ''));
				if (warning && result.outcome !== 'failed') result.warning = warning;
			}
			output.push(resultItem(result as unknown as IDataObject & OrderStatusResult, mode, `Order "${result.orderNumber}"`));
			if (external === '') unreadable.push(itemIndex);
			if (result.refusedByStore) refused.push(result);
		}
		// An order without a number is data the node cannot read (Extend's detail lacks the field): the run
		// fails instead of staying green, unless the node continues on errors.
		if (mode === 'none' && unreadable.length > 0) {
			throw new NodeOperationError(this.getNode(), `${unreadable.length} of ${items.length} orders have no order number, so their status was not set`, {
				description: 'Order Number is empty: map the order\'s orderNumberExternal (e.g. {{ $json.orderNumberExternal }}) into it. Coming from Order → Get, Extend Commerce\'s order detail holds no orderNumberExternal (an assumed field name).',
				itemIndex: unreadable[0],
			});
		}
		// A status the store refused to write needs the user, as a refused stock write does (Set Stock): the run
		// fails, so a webhook is answered with an error and delivered again once it is fixed.
		if (mode === 'none' && refused.length > 0) {
			const first = refused[0];
			throw new NodeOperationError(this.getNode(), `${refused.length} of ${items.length} order statuses were refused by the store — Order "${first.orderNumber}": ${first.error?.message ?? ''}`, {
				description: 'The other orders were written. To list refused orders and go on, set Settings → On Error to "Continue (using error output)".',
				itemIndex: first.itemIndex,
			});
		}
		return [output];
	} catch (error) {
		throw toNodeError(this.getNode(), error, secrets);
	}
}
