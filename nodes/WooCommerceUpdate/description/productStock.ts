import type { INodeProperties } from 'n8n-workflow';

const show = { show: { resource: ['productStock'], operation: ['set'] } };

export const productStockProperties: INodeProperties[] = [
	{
		displayName: 'SKU',
		name: 'sku',
		type: 'string',
		required: true,
		default: '={{ $json.productNumber }}',
		displayOptions: show,
		description: 'The SKU of the product or variation. Extend Commerce\'s product number is the SKU.',
	},
	{
		displayName: 'Quantity',
		name: 'quantity',
		// Text, so the default can be an expression: a number field defaults to a number, and a node left
		// unmapped must fail its items instead of setting every SKU to that number. Whole numbers as text are read as numbers.
		type: 'string',
		required: true,
		default: '={{ $json.availableBalance }}',
		displayOptions: show,
		description:
			'The stock quantity to set. By default the availableBalance of the incoming item (from Extend Commerce → Product Availability → Get Changed); an item without one fails and nothing is written for it. WooCommerce counts whole units: a fractional balance is rounded down.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Enable Stock Management',
				name: 'enableStockManagement',
				type: 'boolean',
				default: true,
				description: 'Whether to turn on Manage Stock for a product or variation that has it off (WooCommerce ignores a quantity otherwise). Off: such SKUs fail.',
			},
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 100,
				description: 'Products per batch request; WooCommerce accepts at most 100',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'perSku',
				options: [
					{ name: 'One Result per SKU', value: 'perSku', description: 'Updated, unchanged, skipped or failed, for each input item' },
					{ name: 'Summary', value: 'summary', description: 'One item: how many SKUs were updated (divergences fixed), already right, not in the store, failed. Continuing on errors, each failed SKU still follows it to the error output.' },
				],
				description: 'What the node outputs. Summary suits a nightly reconciliation that only reports what it fixed.',
			},
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 60,
				description: 'How long to wait for one answer from the store',
			},
		],
	},
];
