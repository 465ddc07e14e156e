import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { wooCommerceConnectionTest } from '../shared/credentialTests';
import { refuseCustomApiCall } from '../shared/customApiCall';
import { orderProperties } from './description/order';
import { productStockProperties } from './description/productStock';
import { resourceProperties } from './description/resource';
import { setStock } from './setStock';
import { updateOrderStatus } from './updateOrderStatus';

export class WooCommerceUpdate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WooCommerce Update (Extend Commerce)',
		name: 'wooCommerceUpdate',
		icon: { light: 'file:../../icons/woocommerce.svg', dark: 'file:../../icons/woocommerce.dark.svg' },
		group: ['output'],
		version: 1,
		// Says what is written where, so it adds to a node named after its action ("Set stock quantities by SKU").
		subtitle: '={{$parameter["operation"] === "set" ? "Stock to the store" : "Order status to the store"}}',
		description: 'Write what Extend Commerce decides back to a WooCommerce store: stock quantities by SKU, order status with shipment notes',
		defaults: { name: 'WooCommerce Update' },
		// Both operations write to the shop: none is offered to AI agents.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'extendCommerceConnectionApi', displayName: 'WooCommerce Store Connection', required: true, testedBy: 'wooCommerceConnectionTest' }],
		properties: [...resourceProperties, ...productStockProperties, ...orderProperties],
	};

	methods = {
		credentialTest: { wooCommerceConnectionTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		refuseCustomApiCall(this, 'WooCommerce Store (Extend Commerce)');
		const resource = this.getNodeParameter('resource', 0) as string;
		if (resource === 'order') return await updateOrderStatus.call(this);
		return await setStock.call(this);
	}
}
