import type { INodeProperties } from 'n8n-workflow';

export const ORDER_STATUSES = ['pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'checkout-draft'] as const;

const sinceField: INodeProperties = {
	displayName: 'Since',
	name: 'since',
	type: 'options',
	default: 'cursor',
	options: [
		{
			name: 'Cursor',
			value: 'cursor',
			description: 'Everything changed since the cursor below, which the workflow keeps (e.g. in a Data table); an empty cursor starts at Order Start for orders, at the beginning for products',
		},
		{ name: 'A Given Date', value: 'date', description: 'Everything changed since the date below' },
		{ name: 'Order Start of the Connection', value: 'orderStart', description: 'Everything changed since the connection\'s Order Start' },
	],
	description: 'Where the changed records start',
};

/** One operation per resource, so the nodes panel lists each as an action and the node names itself in words. */
function getChangedOperation(resource: 'order' | 'product', plural: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: 'getChanged',
		options: [
			{
				name: 'Get Changed',
				value: 'getChanged',
				action: `Get changed ${plural}`,
				description: `Get every ${resource} created or modified since a cursor or date, verified complete`,
			},
		],
	};
}

export const fetchProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		default: 'order',
		options: [
			{ name: 'Order', value: 'order' },
			{ name: 'Product', value: 'product' },
		],
	},
	getChangedOperation('order', 'orders'),
	getChangedOperation('product', 'products'),
	sinceField,
	{
		displayName: 'Cursor',
		name: 'cursor',
		type: 'string',
		default: '={{ $json.cursor }}',
		displayOptions: { show: { since: ['cursor'] } },
		placeholder: '2025-06-01T00:00:00Z',
		description:
			'Records modified at or after this moment (UTC unless it carries an offset). By default the "cursor" field of the incoming item: the row the workflow read from its Data table. Empty starts at Order Start for orders, at the beginning for products.',
	},
	{
		displayName: 'Since Date',
		name: 'sinceDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { since: ['date'] } },
		description: 'Records modified at or after this moment (UTC unless the value carries an offset)',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: true,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
	{
		displayName: 'Variations',
		name: 'variations',
		type: 'options',
		default: 'array',
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{ name: 'As Array on the Parent', value: 'array', description: 'A variable product carries its variations in "variations"' },
			{ name: 'As Separate Items', value: 'items', description: 'Each variation follows its parent as its own item' },
			{ name: 'Do Not Fetch', value: 'none' },
		],
		description: 'How the variations of variable products are returned',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Order Statuses',
				name: 'orderStatuses',
				type: 'multiOptions',
				default: [],
				displayOptions: { show: { '/resource': ['order'] } },
				options: ORDER_STATUSES.map((status) => ({ name: status.replace(/(^|-)(\w)/g, (_m, dash: string, c: string) => (dash ? ' ' : '') + c.toUpperCase()), value: status })),
				description: 'Only orders in these statuses (all but trashed when empty)',
			},
			{
				displayName: 'Product Status',
				name: 'productStatus',
				type: 'options',
				default: 'any',
				displayOptions: { show: { '/resource': ['product'] } },
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Draft', value: 'draft' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Private', value: 'private' },
					{ name: 'Publish', value: 'publish' },
				],
			},
			{
				displayName: 'Product Type',
				name: 'productType',
				type: 'options',
				default: 'any',
				displayOptions: { show: { '/resource': ['product'] } },
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'External', value: 'external' },
					{ name: 'Grouped', value: 'grouped' },
					{ name: 'Simple', value: 'simple' },
					{ name: 'Variable', value: 'variable' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Concurrent Requests',
				name: 'concurrency',
				type: 'number',
				default: 4,
				typeOptions: { minValue: 1, maxValue: 8 },
				description: 'How many pages are fetched at the same time (1–8). Lower it for small shared hosting.',
			},
			{
				displayName: 'Max Records per Run',
				name: 'maxRecordsPerRun',
				type: 'number',
				default: 10000,
				typeOptions: { minValue: 0 },
				description: 'A huge first sync is delivered in parts of about this size, one per run: the Sync Window then ends where this run stopped, so the next run continues from there. Records moved to the trash count too. 0 means no cap.',
			},
			{
				displayName: 'Retries',
				name: 'retries',
				type: 'number',
				default: 4,
				typeOptions: { minValue: 0, maxValue: 10 },
				description: 'How often a request is tried again on rate limits (429), server errors (5xx) and timeouts, with growing pauses',
			},
			{
				displayName: 'Settle Time (Seconds)',
				name: 'settleSeconds',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 0 },
				description: 'The window ends this long before the store\'s clock, so records still being saved are fetched by the next run instead of being passed over',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				default: 60,
				typeOptions: { minValue: 1 },
				description: 'How long to wait for one answer of the store before trying again',
			},
		],
	},
];
