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
				'Run once a day: mark inactive in Extend Commerce the products it holds a balance for that this store trashed, or deleted for good under a SKU prefix. Assumed: every product Extend holds has a balance row in the warehouse (see the README).',
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
		displayName:
			'Extend holds the ERP\'s whole catalogue, so a SKU this store lacks is no sign of a deletion. A product or variation in the store\'s trash is marked inactive; one in no list at all only when it is provably this store\'s: its SKU starts with the SKU Prefix, or Extend\'s Catalogue Is This Store\'s is on (see the README).',
		name: 'deactivateDeletedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showDeactivateDeleted },
	},
	{
		displayName: 'Extend\'s Catalogue Is This Store\'s',
		name: 'onlyThisStoresProducts',
		type: 'boolean',
		default: false,
		displayOptions: { show: showDeactivateDeleted },
		description:
			'Whether every product Extend holds a balance for in the warehouse is sold in this store. Turn on only then: a product the ERP holds but the store never had would be marked inactive.',
	},
	{
		displayName: 'Most Deactivations per Run',
		name: 'maxDeactivations',
		type: 'number',
		default: 25,
		typeOptions: { minValue: 0 },
		displayOptions: { show: showDeactivateDeleted },
		description:
			'More products to deactivate than this fails the run before any is deactivated: a wrong SKU prefix or a store answering an empty list would otherwise deactivate the catalogue. Raise it for one run when a mass deletion is real.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showDeactivateDeleted },
		options: [
			{
				displayName: 'SKU Prefix',
				name: 'skuPrefix',
				type: 'string',
				default: '',
				placeholder: 'WEB-',
				description:
					'The start only this store\'s SKUs have (any letter case). A product with such a SKU that the store no longer has at all is marked inactive. Empty: only trashed products are, unless Extend\'s Catalogue Is This Store\'s is on.',
			},
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
