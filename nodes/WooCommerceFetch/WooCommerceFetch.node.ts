import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { wooCommerceConnectionTest } from '../shared/credentialTests';
import { refuseCustomApiCall } from '../shared/customApiCall';
import { fetchProperties } from './description/fetch';
import { fetchChanges } from './fetchChanges';

export class WooCommerceFetch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WooCommerce Fetch (Extend Commerce)',
		name: 'wooCommerceFetch',
		icon: { light: 'file:../../icons/woocommerce.svg', dark: 'file:../../icons/woocommerce.dark.svg' },
		group: ['input'],
		version: 1,
		// Says where the read starts, so it adds to a node named after its action ("Get changed orders").
		subtitle: '={{ ($parameter["resource"] === "product" ? "Products" : "Orders") + " since " + ({ date: "a date", orderStart: "Order Start" }[$parameter["since"]] || "the cursor") }}',
		description: 'Get the products and orders that changed in a WooCommerce store since a cursor the workflow keeps, and the window that was read',
		defaults: { name: 'WooCommerce Fetch' },
		// Not offered to AI agents: a read from a cursor the workflow keeps, with a window to save, means
		// nothing to an agent's one-off question (n8n's lint asks that the choice be written down).
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		// Short: n8n 2.x cuts a free output's label after about 40 px ("Sync Wind…").
		outputNames: ['Records', 'Window'],
		credentials: [{ name: 'extendCommerceConnectionApi', displayName: 'WooCommerce Store Connection', required: true, testedBy: 'wooCommerceConnectionTest' }],
		properties: fetchProperties,
	};

	methods = {
		credentialTest: { wooCommerceConnectionTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		refuseCustomApiCall(this, 'WooCommerce Store (Extend Commerce)');
		return await fetchChanges.call(this);
	}
}
