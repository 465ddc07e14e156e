import type { INodeProperties } from 'n8n-workflow';

export const syncStateOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['syncState'] } },
	default: 'get',
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get the sync state',
			description: 'Get the committed cursor and the pending windows kept in Extend Commerce',
		},
		{
			name: 'Reset',
			value: 'reset',
			action: 'Reset the sync state',
			description: 'Move the committed cursor to a date, or clear it so the next run syncs from the start',
		},
	],
};

export const syncStateProperties: INodeProperties[] = [
	{
		displayName: 'Records',
		name: 'syncResource',
		type: 'options',
		default: 'both',
		displayOptions: { show: { resource: ['syncState'] } },
		options: [
			{ name: 'Products and Orders', value: 'both' },
			{ name: 'Orders', value: 'orders' },
			{ name: 'Products', value: 'products' },
		],
		description: 'Whose sync state to use',
	},
	{
		displayName: 'Reset To',
		name: 'resetTo',
		type: 'options',
		default: 'date',
		displayOptions: { show: { resource: ['syncState'], operation: ['reset'] } },
		options: [
			{ name: 'A Given Date', value: 'date', description: 'The next run fetches everything changed since this date' },
			{
				name: 'Clear (Sync From the Start)',
				value: 'clear',
				description: 'The next run fetches everything: products from the beginning, orders from the connection\'s Order Start',
			},
		],
		description: 'Where the next run starts. Pending windows of running executions are dropped, so they commit nothing.',
	},
	{
		displayName: 'Date',
		name: 'resetDate',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { resource: ['syncState'], operation: ['reset'], resetTo: ['date'] } },
		description: 'Records modified at or after this moment are fetched again (UTC unless the value carries an offset)',
	},
];
