import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { extendClientFor, type ExtendClient } from '../../shared/extend-commerce/client';
import { readCustomerOrder } from '../../shared/extend-commerce/customerOrderReader';
import { isNotFound } from '../../shared/extend-commerce/errors';
import { toNodeError } from '../../shared/nodeErrors';
import { failureModeOf, resultItem } from '../../shared/recordOutcome';
import { settle } from '../../shared/transport/settle';

/**
 * Order → Get: one order per input item. An order Extend does not know fails the run, or — with
 * On Error set to continue — only its item.
 */
export async function getOrders(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const mode = failureModeOf(this);
	let client: ExtendClient | undefined;
	try {
		client = await extendClientFor(this, 0);
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const orderNumber = String(this.getNodeParameter('orderNumber', itemIndex, '') ?? '').trim();
			if (orderNumber === '') {
				output.push(resultItem({ itemIndex, orderNumber, error: { field: 'orderNumber', message: 'Order Number is empty; map Extend\'s order number (e.g. {{ $json.details.OrderNumber }}) into it' } }, mode, 'Order'));
				continue;
			}
			const read = await settle(async () => await readCustomerOrder(client as ExtendClient, orderNumber));
			if (read.ok) {
				output.push({ json: read.value, pairedItem: { item: itemIndex } });
			} else if (isNotFound(read.error) && mode !== 'none') {
				output.push(resultItem({ itemIndex, orderNumber, error: { field: 'orderNumber', message: `Extend Commerce has no order ${orderNumber}` } } as IDataObject & { itemIndex: number; error: { field: string; message: string } }, mode, `Order ${orderNumber}`));
			} else {
				throw toNodeError(this.getNode(), read.error, client.settings.secrets, itemIndex);
			}
		}
		return [output, []];
	} catch (error) {
		throw toNodeError(this.getNode(), error, client?.settings.secrets ?? []);
	}
}
