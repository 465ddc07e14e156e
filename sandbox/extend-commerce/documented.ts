/**
 * What Extend Commerce documents, written down for the sandbox straight from its knowledge base
 * (the pages are listed in docs/extend-commerce-api.md). It is deliberately NOT imported from the
 * node's nodes/shared/extend-commerce/api.ts: the sandbox stands in for Extend, so a mistake in
 * the node's copy (a misspelt event, a wrong header, a path) makes the node's tests against the
 * sandbox fail instead of being mirrored by it. Only what Extend does not document — one choice
 * this package made — is shared with the node (ASSUMED_* in api.ts).
 */

/** Best Practice page: the method names (no host or prefix is published). */
export const DOCUMENTED_PATHS = {
	/** "Use POST on the method CustomerOrders"; "GET CustomerOrders … you get a list of ordernumber there". */
	customerOrders: 'CustomerOrders',
	/** "GET customerorders/{id}" for "all details about the shipment of the order". */
	customerOrder: (orderNumber: string): string => `customerorders/${encodeURIComponent(orderNumber)}`,
	/** Balance: "GET ProductAvailability". */
	productAvailability: 'ProductAvailability',
} as const;

/** Code of Conduct, Throttling: the one header shown, and "300 would be Standard limit". */
export const DOCUMENTED_LIMIT_HEADER = 'x-ratelimit-limit';
export const DOCUMENTED_STANDARD_LIMIT = 300;

/** Webhooks page: the header and form of the signature (HMAC-SHA256 of the raw body, keyed with the secret). */
export const DOCUMENTED_SIGNATURE_HEADER = 'ms-signature';
export const DOCUMENTED_SIGNATURE_PREFIX = 'sha256=';

/** Webhooks page, "Trigger on events": the 18 events, in the page's order. */
export const DOCUMENTED_WEBHOOK_EVENTS = [
	'OrderPicked',
	'OrderReserved',
	'OrderCancelled',
	'BalanceChanged',
	'AvailableBalanceChanged',
	'OrderDeliveryDataChanged',
	'PurchasePartiallyDelivered',
	'PurchaseCancelled',
	'PurchaseDelivered',
	'ProductCreated',
	'ProductChanged',
	'OrderCreated',
	'CustomerCreated',
	'CustomerChanged',
	'OfferCreated',
	'OfferChanged',
	'CustomerInvoiceCreated',
	'CustomerInvoiceChanged',
] as const;

export type WebhookEvent = (typeof DOCUMENTED_WEBHOOK_EVENTS)[number];

/** API samples page: a row is cancelled with `"rowOperation": "Inactive"` (and its warehouse). */
export const DOCUMENTED_INACTIVE_ROW = 'Inactive';

/** How a field of the CustomerOrders body is written in Extend's samples. */
export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'object';

export interface FieldRule {
	type: FieldType;
	/** Present in every sample, including "Only required data" and the minimum order. */
	required?: boolean;
}

/**
 * The CustomerOrders body as Extend's samples write it (camelCase; numbers as JSON numbers; dates
 * ISO 8601 with an offset, e.g. 2019-12-25T00:00:00+02:00). Required is what even the minimum
 * sample ("Minimum order using existing customer and prices from Extend") sends.
 */
export const CUSTOMER_ORDER_MODEL = {
	orderHeader: {
		orderType: { type: 'string', required: true },
		orderNumberExternal: { type: 'string', required: true },
		customerNumber: { type: 'string', required: true },
		askedDeliveryDate: { type: 'date' },
		partialDelivery: { type: 'boolean' },
		freightFree: { type: 'boolean' },
		deliveryMethod: { type: 'string' },
		Promotion: { type: 'object' },
	},
	'orderHeader.Promotion': {
		usePromotions: { type: 'boolean' },
		promotionCode: { type: 'string' },
	},
	orderRows: {
		product: { type: 'object', required: true },
		salesData: { type: 'object', required: true },
		supplyMode: { type: 'string' },
		warehouse: { type: 'string' },
		externalRow: { type: 'object' },
		rowOperation: { type: 'string' },
	},
	'orderRows.product': {
		productNumber: { type: 'string', required: true },
	},
	'orderRows.salesData': {
		quantity: { type: 'number', required: true },
		unit: { type: 'string' },
		unitPrice: { type: 'number' },
		vatPercent: { type: 'number' },
		currency: { type: 'string' },
	},
} as const satisfies Record<string, Record<string, FieldRule>>;
