import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { extendCommerceApiTest, wooCommerceConnectionTest } from '../shared/credentialTests';
import { resourceProperty } from './description/resource';
import { syncStateOperation, syncStateProperties } from './description/syncState';
import { orderOperation, productOperation, upsertProperties } from './description/upsert';
import { syncState } from './syncState';
import { upsert } from './upsert';

export class ExtendCommercePush implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Extend Commerce (Push)',
		name: 'extendCommercePush',
		icon: { light: 'file:../../icons/extendCommerce.svg', dark: 'file:../../icons/extendCommerce.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Push WooCommerce products and orders to the Extend Commerce back office in idempotent batches and commit the sync state',
		defaults: { name: 'Extend Commerce' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'extendCommerceApi', required: true, testedBy: 'extendCommerceApiTest' },
			{ name: 'extendCommerceConnectionApi', required: true, testedBy: 'wooCommerceConnectionTest' },
		],
		properties: [resourceProperty, orderOperation, productOperation, syncStateOperation, ...upsertProperties, ...syncStateProperties],
	};

	methods = {
		credentialTest: { extendCommerceApiTest, wooCommerceConnectionTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		if ((resource === 'product' || resource === 'order') && operation === 'upsert') return await upsert.call(this, resource);
		if (resource === 'syncState' && (operation === 'get' || operation === 'reset')) return await syncState.call(this, operation);
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for resource "${resource}"`);
	}
}
