import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_STATUSES_SENT } from '../../shared/mapping/extendOrder';
import { requestOptions, syncProperties } from './sync';

const show = { resource: ['order'], operation: ['create'] };

export const orderOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['order'] } },
	default: 'create',
	options: [
		{
			name: 'Cancel Deleted',
			value: 'cancelDeleted',
			action: 'Cancel deleted orders',
			description:
				'Run once a day: cancel in Extend Commerce the open orders of this shop that WooCommerce holds in its trash or no longer has. Orders are matched by Order Number Prefix + WooCommerce order number.',
		},
		{
			name: 'Create',
			value: 'create',
			action: 'Create orders',
			description:
				'Create each WooCommerce order once as a customer order in Extend Commerce; bring its rows up to date when it is edited later, until Extend reserves it; cancel its rows when it is cancelled or moved to the trash. Extend does not document how to find an order already sent or how to change one: those parts are assumed (see the README).',
		},
		{
			name: 'Get',
			value: 'get',
			action: 'Get an order',
			description: 'Get a customer order with its rows and delivery (shipment) details, e.g. after an Order Picked notification',
		},
	],
};

const WOO_STATUSES = [
	{ name: 'Pending Payment', value: 'pending' },
	{ name: 'Processing', value: 'processing' },
	{ name: 'On Hold', value: 'on-hold' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Refunded', value: 'refunded' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Draft (Checkout)', value: 'checkout-draft' },
];

/** Shown before the run: an order push cannot start without a warehouse, and the field for it is an option. */
export const warehouseNotice: INodeProperties = {
	displayName:
		'Orders need an Extend warehouse: add Options → Warehouse below, or fill in Warehouse in the WooCommerce Store Connection credential of this node or of the WooCommerce Fetch node before it.',
	name: 'warehouseNotice',
	type: 'notice',
	default: '',
	displayOptions: { show },
};

export const orderProperties: INodeProperties[] = [
	warehouseNotice,
	{
		displayName: 'Customer Number',
		name: 'customerNumberMode',
		type: 'options',
		default: 'fixed',
		displayOptions: { show },
		options: [
			{ name: 'One Webshop Customer', value: 'fixed', description: 'Every order goes to one Extend customer, e.g. WEBSHOP' },
			{ name: 'WooCommerce Customer ID With a Prefix', value: 'wooCustomerId', description: 'Customer 17 becomes e.g. WC-17; guest orders go to one customer' },
			{ name: 'Billing E-Mail', value: 'billingEmail', description: 'The order\'s billing e-mail is the Extend customer number' },
			{ name: 'Expression', value: 'expression', description: 'Any value computed from the order' },
		],
		description: 'Which Extend customer each order belongs to. The customer must exist in Extend Commerce.',
	},
	{
		displayName: 'Webshop Customer Number',
		name: 'customerNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'WEBSHOP',
		displayOptions: { show: { ...show, customerNumberMode: ['fixed'] } },
		description: 'The Extend customer number every order is placed for',
	},
	{
		displayName: 'Customer Number Prefix',
		name: 'customerNumberPrefix',
		type: 'string',
		default: 'WC-',
		displayOptions: { show: { ...show, customerNumberMode: ['wooCustomerId'] } },
	},
	{
		displayName: 'Guest Customer Number',
		name: 'guestCustomerNumber',
		type: 'string',
		default: '',
		placeholder: 'WEBSHOP',
		displayOptions: { show: { ...show, customerNumberMode: ['wooCustomerId'] } },
		description: 'The Extend customer number for orders placed without an account',
	},
	{
		displayName: 'Customer Number Expression',
		name: 'customerNumberExpression',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.billing.company }}',
		displayOptions: { show: { ...show, customerNumberMode: ['expression'] } },
	},
	{
		displayName: 'Statuses to Send',
		name: 'statusesToSend',
		type: 'multiOptions',
		default: [...DEFAULT_STATUSES_SENT],
		displayOptions: { show },
		options: WOO_STATUSES,
		description:
			'Orders in these WooCommerce statuses are created in Extend; others are skipped (outcome "skipped"). When an order that was sent is cancelled in WooCommerce, its rows are cancelled in Extend. Extend does not document how an order is changed: that part is assumed (see the README).',
	},
	{
		displayName: 'Unit',
		name: 'unit',
		type: 'string',
		default: 'ST',
		required: true,
		displayOptions: { show },
		description: 'The Extend unit code put on every order row (e.g. ST or Stk); it must exist in Extend',
	},
	{
		displayName: 'Order Type',
		name: 'orderType',
		type: 'string',
		default: 'Normal',
		required: true,
		displayOptions: { show },
		description: 'Extend\'s orderType. Extend\'s samples show "Normal"; other values are not documented.',
	},
	{
		displayName: 'Prices Sent',
		name: 'pricesIncludeVat',
		type: 'options',
		default: false,
		displayOptions: { show },
		options: [
			{ name: 'Excluding VAT', value: false },
			{ name: 'Including VAT', value: true },
		],
		description:
			'Whether unitPrice includes VAT. Extend does not document which it expects; assumed excluding VAT, with vatPercent beside it. Check with Extend.',
	},
	{
		displayName: 'Delivery Methods',
		name: 'deliveryMethods',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Delivery Method',
		displayOptions: { show },
		description: 'WooCommerce shipping method → Extend delivery method code (codes are set up in Extend)',
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{ displayName: 'WooCommerce Shipping Method ID', name: 'wooMethod', type: 'string', default: '', placeholder: 'flat_rate' },
					{ displayName: 'Extend Delivery Method', name: 'extendCode', type: 'string', default: '', placeholder: 'Hamtas' },
				],
			},
		],
	},
	{
		displayName: 'Default Delivery Method',
		name: 'defaultDeliveryMethod',
		type: 'string',
		default: '',
		displayOptions: { show },
		description: 'For shipping methods not in the table. Empty: no deliveryMethod is sent and Extend uses its own default.',
	},
	...syncProperties(['order'], ['create']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Asked Delivery Date',
				name: 'askedDeliveryDate',
				type: 'options',
				default: 'orderDate',
				options: [
					{ name: 'Order Date', value: 'orderDate' },
					{ name: 'Not Sent', value: 'none' },
				],
				description: 'What is sent as askedDeliveryDate. Extend documents the field, not what a webshop should put there: assumed the order\'s creation time (UTC), or nothing.',
			},
			{
				displayName: 'Freight Product Number',
				name: 'shippingProductNumber',
				type: 'string',
				default: '',
				description:
					'An Extend product number for shipping costs, sent as an extra row. Empty: shipping costs are not sent (Extend documents no freight field; freightFree says whether shipping was free).',
			},
			{
				displayName: 'Order Number Prefix',
				name: 'orderNumberPrefix',
				type: 'string',
				default: '',
				placeholder: 'WEB-',
				description:
					'Put before the WooCommerce order number in orderNumberExternal, so orders of two stores never share a number. Changing it later sends old orders again.',
			},
			{
				displayName: 'Partial Delivery',
				name: 'partialDelivery',
				type: 'boolean',
				default: false,
				description: 'Whether Extend may deliver an order in parts (partialDelivery)',
			},
			{
				displayName: 'Send Coupon as Promotion Code',
				name: 'sendPromotionCode',
				type: 'boolean',
				default: false,
				description:
					'Whether to send the first coupon as Extend\'s promotion code with prices before coupon discounts, so Extend applies its own promotion. Off: the discounted prices the customer paid are sent.',
			},
			{
				displayName: 'Supply Mode',
				name: 'supplyMode',
				type: 'string',
				default: 'Warehouse',
				description: 'Extend\'s supplyMode for every row; Extend\'s samples show "Warehouse"',
			},
			{
				displayName: 'Warehouse',
				name: 'warehouse',
				type: 'string',
				default: '',
				description:
					'The Extend warehouse (short name) for every row. Not added: the Warehouse of the WooCommerce Store Connection credential of this node, else of the WooCommerce Fetch node before it.',
			},
			...requestOptions(),
		],
	},
];

const showCancelDeleted = { resource: ['order'], operation: ['cancelDeleted'] };

/** Order → Cancel Deleted (the daily reconciliation of deleted orders). */
export const cancelDeletedProperties: INodeProperties[] = [
	{
		displayName:
			'An order in the store\'s trash is cancelled in Extend. An order in no list at all is cancelled only when it is provably this store\'s: its number carries the Order Number Prefix, or Only This Store Sends Orders is on. Otherwise it is counted in a warning and left alone (see the README).',
		name: 'cancelDeletedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showCancelDeleted },
	},
	{
		displayName: 'Only This Store Sends Orders',
		name: 'onlyThisStoreSendsOrders',
		type: 'boolean',
		default: false,
		displayOptions: { show: showCancelDeleted },
		description:
			'Whether every Extend order with a plain number (no prefix) comes from this store. Turn on only when no POS, other webshop or the ERP itself creates orders with plain numbers: their orders would be cancelled as deleted. Not needed with an Order Number Prefix.',
	},
	{
		displayName: 'Most Cancellations per Run',
		name: 'maxCancellations',
		type: 'number',
		default: 25,
		typeOptions: { minValue: 0 },
		displayOptions: { show: showCancelDeleted },
		description:
			'More orders to cancel than this fails the run before any is cancelled: a wrong prefix or a store answering an empty list would otherwise cancel everything. Raise it for one run when a mass deletion is real.',
	},
	{
		displayName: 'Look Back (Days)',
		name: 'lookBackDays',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1 },
		displayOptions: { show: showCancelDeleted },
		description: 'Orders Extend Commerce changed in this many past days are checked against WooCommerce. Older orders are left alone.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showCancelDeleted },
		options: [
			{
				displayName: 'Order Number Prefix',
				name: 'orderNumberPrefix',
				type: 'string',
				default: '',
				description:
					'The same prefix as in Order → Create. Only Extend orders whose number is this prefix followed by a number are this shop\'s. Empty: orders in no list are cancelled only with Only This Store Sends Orders on.',
			},
			{
				displayName: 'Warehouse',
				name: 'warehouse',
				type: 'string',
				default: '',
				description: 'The warehouse short name put on the cancelled rows. Empty: the WooCommerce Store Connection credential\'s Warehouse.',
			},
		],
	},
];
