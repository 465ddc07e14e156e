import type { INodeProperties } from 'n8n-workflow';

/** Order → Get (its option is in order.ts, next to Create). */
export const orderGetProperties: INodeProperties[] = [
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		required: true,
		default: '={{ $json.details.OrderNumber }}',
		displayOptions: { show: { resource: ['order'], operation: ['get'] } },
		description: 'Extend Commerce\'s own order number. The default reads it from an Extend Commerce Trigger notification.',
	},
];
