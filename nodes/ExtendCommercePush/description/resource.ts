import type { INodeProperties } from 'n8n-workflow';

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'order',
	options: [
		{ name: 'Order', value: 'order' },
		{ name: 'Product', value: 'product' },
		{ name: 'Sync State', value: 'syncState' },
	],
};
