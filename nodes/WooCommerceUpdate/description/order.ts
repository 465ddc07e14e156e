import type { INodeProperties } from 'n8n-workflow';

const show = { show: { resource: ['order'], operation: ['updateStatus'] } };

export const orderProperties: INodeProperties[] = [
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		required: true,
		default: '={{ $json.orderNumberExternal }}',
		displayOptions: show,
		description: 'The order\'s number as Extend Commerce holds it (orderNumberExternal): the WooCommerce order number, behind the prefix below if the push adds one',
	},
	{
		displayName: 'Order Number Prefix',
		name: 'orderNumberPrefix',
		type: 'string',
		default: '',
		displayOptions: show,
		description: 'The prefix the Extend Commerce node puts before WooCommerce order numbers, if any. Orders with another prefix fail (they belong to another store).',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'completed',
		displayOptions: show,
		options: [
			{ name: 'Cancelled', value: 'cancelled' },
			{ name: 'Completed', value: 'completed' },
			{ name: 'On Hold', value: 'on-hold' },
			{ name: 'Processing', value: 'processing' },
		],
		description: 'The status to set. Orders already in it are left alone, and get no note.',
	},
	{
		displayName: 'Check Against',
		name: 'statusCheck',
		type: 'collection',
		placeholder: 'Add Check',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Status in Extend\'s Order Detail',
				name: 'detailStatus',
				type: 'string',
				default: '={{ $json.orderStatus }}',
				description: 'Extend Commerce\'s own status of the order (Order → Get gives it as orderStatus; ASSUMED values Picked, Delivered, Cancelled). It never changes the status set above: when it is missing or says otherwise, the result carries a warning naming it.',
			},
		],
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '={{ $json.shipmentNote }}',
		displayOptions: show,
		description: 'A note to add to the order, e.g. carrier and tracking number (Customer Order → Get gives it as shipmentNote). Empty: no note. A note the order already has is not added again.',
	},
	{
		displayName: 'Note Is for the Customer',
		name: 'customerNote',
		type: 'boolean',
		default: true,
		displayOptions: show,
		description: 'Whether the customer sees the note (WooCommerce e-mails customer notes); otherwise it is a private note',
	},
];
