import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { extendCommerceApiTest, wooCommerceConnectionTest } from '../shared/credentialTests';
import { fetchProperties } from './description/fetch';
import { fetchChanges } from './fetchChanges';

export class WooCommerceFetch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WooCommerce Fetch (Extend Commerce)',
		name: 'wooCommerceFetch',
		icon: { light: 'file:../../icons/woocommerce.svg', dark: 'file:../../icons/woocommerce.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{"Changed " + $parameter["resource"] + "s"}}',
		description: 'Get the products and orders that changed in a WooCommerce store since the last successful sync to Extend Commerce',
		defaults: { name: 'WooCommerce Fetch' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'extendCommerceConnectionApi', required: true, testedBy: 'wooCommerceConnectionTest' },
			{
				name: 'extendCommerceApi',
				required: true,
				testedBy: 'extendCommerceApiTest',
				displayOptions: { show: { since: ['lastSync'] } },
			},
		],
		properties: fetchProperties,
	};

	methods = {
		credentialTest: { wooCommerceConnectionTest, extendCommerceApiTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await fetchChanges.call(this);
	}
}
