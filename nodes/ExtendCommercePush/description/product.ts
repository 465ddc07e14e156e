import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, syncProperties } from './sync';

const show = { resource: ['product'], operation: ['upsert'] };

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
		{
			name: 'Deactivate Deleted',
			value: 'deactivateDeleted',
			action: 'Deactivate deleted products',
			description:
				'Run once a day: mark inactive in Extend Commerce the products it holds a balance for whose SKU no longer exists in WooCommerce (deleted for good). Assumed: every product Extend holds has a balance row in the warehouse (see the README).',
		},
	],
};

export const productNotice: INodeProperties = {
	displayName:
		'Each product and variation is written under its SKU, only when it differs from what Extend holds; stock is never sent. Extend does not document how products are written: that part is assumed, so check it with Extend before relying on it (see the README).',
	name: 'productNotice',
	type: 'notice',
	default: '',
	displayOptions: { show },
};

export const productProperties: INodeProperties[] = [
	productNotice,
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		// No default: a guessed currency would label every price wrongly in Extend.
		default: '',
		required: true,
		placeholder: 'SEK',
		displayOptions: { show },
		description: 'The store\'s currency as a three-letter code (WooCommerce → Settings → General → Currency; products carry none); sent with every price',
	},
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'string',
		default: 'ST',
		required: true,
		displayOptions: { show },
		description: 'The Extend unit code of every product (e.g. ST); it must exist in Extend',
	},
	{
		displayName: 'VAT Percent',
		name: 'vatPercent',
		type: 'string',
		default: '25',
		required: true,
		displayOptions: { show },
		description: 'The VAT percent sent for products whose tax class is not listed below',
	},
	{
		displayName: 'VAT by Tax Class',
		name: 'vatByTaxClass',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Tax Class',
		displayOptions: { show },
		options: [
			{
				displayName: 'Tax Class',
				name: 'mapping',
				values: [
					{ displayName: 'WooCommerce Tax Class', name: 'taxClass', type: 'string', default: '', placeholder: 'reduced-rate', description: 'The tax class slug; empty for Standard' },
					{ displayName: 'VAT Percent', name: 'vatPercent', type: 'string', default: '', placeholder: '12' },
				],
			},
		],
	},
	...syncProperties(['product']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: requestOptions(),
	},
];

const showDeactivateDeleted = { resource: ['product'], operation: ['deactivateDeleted'] };

/** Product → Deactivate Deleted (the daily reconciliation of deleted products). */
export const deactivateDeletedProperties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showDeactivateDeleted },
		options: [
			{
				displayName: 'Warehouse',
				name: 'warehouse',
				type: 'string',
				default: '',
				description: 'The warehouse whose balances list the products to check. Empty: the WooCommerce Store Connection credential\'s Warehouse.',
			},
		],
	},
];
