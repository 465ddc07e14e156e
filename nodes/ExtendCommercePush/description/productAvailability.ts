import type { INodeProperties } from 'n8n-workflow';

const show = { show: { resource: ['productAvailability'], operation: ['getChanged'] } };

export const productAvailabilityOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['productAvailability'] } },
	default: 'getChanged',
	options: [
		{
			name: 'Get Changed',
			value: 'getChanged',
			action: 'Get changed available balances',
			description: 'Get the available balances that changed since a time, per warehouse, for a schedule where Extend cannot call n8n',
		},
	],
};

export const productAvailabilityProperties: INodeProperties[] = [
	{
		displayName: 'Changed Since',
		name: 'changedSince',
		type: 'string',
		default: '={{ $json.cursor }}',
		displayOptions: show,
		placeholder: '2026-11-28T00:00:00Z',
		description: 'Balances changed at or after this time (ISO 8601, UTC unless an offset is given). Empty: every balance. The second output gives the next run\'s value.',
	},
	{
		displayName: 'Warehouse',
		name: 'warehouse',
		type: 'string',
		default: '',
		displayOptions: show,
		placeholder: 'MAIN',
		description: 'The warehouse short name whose balances to read. Empty: the Warehouse of the WooCommerce Store Connection credential, if set, else every warehouse — then a product with balances in several warehouses is refused unless Options → Balances in Several Warehouses says to add them up.',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: true,
		displayOptions: show,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { ...show.show, returnAll: [false] } },
		description: 'Max number of results to return',
	},
	{
		displayName: 'Options',
		name: 'availabilityOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Product Numbers',
				name: 'productNumbers',
				type: 'string',
				default: '',
				description: 'Only these products (comma-separated product numbers)',
			},
			{
				displayName: 'Balances in Several Warehouses',
				name: 'severalWarehouses',
				type: 'options',
				default: 'refuse',
				options: [
					{
						name: 'Add Them Up',
						value: 'addUp',
						description: 'One balance per product: the sum of every warehouse\'s',
					},
					{
						name: 'Refuse the Product',
						value: 'refuse',
						description: 'The run fails naming the product and its warehouses; with On Error → Continue, the product goes to the error output and the next Changed Since stays before it',
					},
				],
				description: 'Only when no Warehouse is set here or in the store connection. Extend reports a balance per warehouse; WooCommerce keeps one stock per SKU.',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 100,
				description: 'Balances per request',
			},
		],
	},
];
