import type { INodeProperties } from 'n8n-workflow';

const showFor = { resource: ['product', 'order'], operation: ['upsert'] };

export const orderOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['order'] } },
	default: 'upsert',
	options: [
		{
			name: 'Create or Update',
			value: 'upsert',
			action: 'Create or update orders',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
		},
	],
};

export const productOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['product'] } },
	default: 'upsert',
	options: [
		{
			name: 'Create or Update',
			value: 'upsert',
			action: 'Create or update products',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
		},
	],
};

export const upsertProperties: INodeProperties[] = [
	{
		displayName: 'Input Format',
		name: 'inputFormat',
		type: 'options',
		default: 'wooCommerce',
		displayOptions: { show: showFor },
		options: [
			{
				name: 'WooCommerce',
				value: 'wooCommerce',
				description: 'Items as the WooCommerce Fetch node returns them; they are mapped to Extend Commerce records here',
			},
			{
				name: 'Extend Commerce Canonical',
				value: 'canonical',
				description: 'Items that already are Extend Commerce records (one record per item, with a sourceId)',
			},
		],
		description: 'The shape of the input items',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: 'USD',
		required: true,
		placeholder: 'EUR',
		displayOptions: { show: { resource: ['product'], operation: ['upsert'], inputFormat: ['wooCommerce'] } },
		description: 'The store\'s currency as a three-letter ISO 4217 code (WooCommerce → Settings → General → Currency). WooCommerce products carry no currency, so every price is labelled with this one.',
	},
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		default: 100,
		typeOptions: { minValue: 1, maxValue: 100 },
		displayOptions: { show: showFor },
		description: 'How many records are sent per request (1–100)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showFor },
		options: [
			{
				displayName: 'Batches in Flight',
				name: 'concurrency',
				type: 'number',
				default: 2,
				typeOptions: { minValue: 1, maxValue: 8 },
				description: 'How many batches are sent at the same time (1–8). Lower it if Extend Commerce rate-limits the requests.',
			},
			{
				displayName: 'Retries',
				name: 'retries',
				type: 'number',
				default: 4,
				typeOptions: { minValue: 0, maxValue: 10 },
				description: 'How often a batch is tried again on rate limits (429), server errors (5xx) and timeouts, with growing pauses and honouring Retry-After. A retried batch carries the same Idempotency-Key, so it is never applied twice.',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				default: 60,
				typeOptions: { minValue: 1 },
				description: 'How long to wait for one answer of Extend Commerce before trying again',
			},
		],
	},
];
