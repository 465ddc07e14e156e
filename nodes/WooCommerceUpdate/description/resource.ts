import type { INodeProperties } from 'n8n-workflow';

export const resourceProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Product Stock', value: 'productStock' },
			{ name: 'Order', value: 'order' },
		],
		default: 'productStock',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['productStock'] } },
		options: [
			{
				name: 'Set',
				value: 'set',
				action: 'Set stock quantities by SKU',
				description: 'Set the stock quantity of products and variations, found by SKU, in batches of up to 100',
			},
		],
		default: 'set',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update an order status',
				description: 'Set an order\'s status, e.g. completed when Extend Commerce has picked it, with a note carrying the shipment details',
			},
		],
		default: 'updateStatus',
	},
];
