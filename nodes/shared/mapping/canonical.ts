/**
 * The canonical Extend Commerce records this package pushes. The back-office contract
 * (docs/extend-commerce-api.md, docs/openapi.json) describes the same shapes; the mapping
 * from WooCommerce produces them. Money and quantities are exact decimal strings, timestamps
 * are UTC ISO 8601 with a `Z` suffix, and `sourceId` is the record's id in the external system.
 */

/** An exact decimal number written as a string, e.g. "18.00", "-5.00", "0.3". */
export type DecimalString = string;

/** A UTC timestamp such as "2025-03-04T04:11:35Z". */
export type UtcTimestamp = string;

export type ExternalSystem = 'woocommerce';

export type CanonicalProductType = 'simple' | 'variable' | 'variant' | 'grouped' | 'external';

export type CanonicalProductStatus = 'active' | 'draft' | 'pending' | 'private' | 'archived';

export interface CanonicalMoney {
	amount: DecimalString;
	currency: string;
}

export interface CanonicalProduct {
	sourceId: string;
	/** The parent's sourceId for a variant, otherwise null. */
	parentSourceId: string | null;
	sku: string;
	name: string;
	type: CanonicalProductType;
	status: CanonicalProductStatus;
	/** The price a customer pays now (sale price when on sale). */
	price: CanonicalMoney | null;
	regularPrice: CanonicalMoney | null;
	salePrice: CanonicalMoney | null;
	stock: {
		managed: boolean;
		/** Units on hand as a decimal string; null when stock is not managed. */
		quantity: DecimalString | null;
		status: 'in_stock' | 'out_of_stock' | 'on_backorder';
	};
	weight: DecimalString | null;
	dimensions: { length: DecimalString | null; width: DecimalString | null; height: DecimalString | null };
	categories: Array<{ sourceId: string; name: string; slug: string }>;
	/** For a product: its attributes and their options; for a variant: the chosen option of each. */
	attributes: Array<{ name: string; slug: string | null; values: string[] }>;
	images: Array<{ url: string; alt: string }>;
	createdAt: UtcTimestamp | null;
	modifiedAt: UtcTimestamp;
}

export type CanonicalOrderStatus =
	| 'draft'
	| 'pending_payment'
	| 'processing'
	| 'on_hold'
	| 'completed'
	| 'cancelled'
	| 'refunded'
	| 'failed'
	| 'trashed';

export interface CanonicalAddress {
	firstName: string;
	lastName: string;
	company: string;
	line1: string;
	line2: string;
	city: string;
	state: string;
	postcode: string;
	country: string;
	email: string | null;
	phone: string;
}

export interface CanonicalTaxAmount {
	rateId: string;
	amount: DecimalString;
}

export interface CanonicalOrderLine {
	sourceId: string;
	sku: string;
	name: string;
	productSourceId: string;
	/** The variation's id when the line is a variant, otherwise null. */
	variantSourceId: string | null;
	quantity: DecimalString;
	/** Unit price before discounts: subtotal ÷ quantity, exact. */
	unitPrice: DecimalString;
	subtotal: DecimalString;
	discount: DecimalString;
	tax: DecimalString;
	total: DecimalString;
	taxes: CanonicalTaxAmount[];
}

export interface CanonicalOrder {
	sourceId: string;
	number: string;
	status: CanonicalOrderStatus;
	/** WooCommerce's own status, kept so nothing is lost in the mapping. */
	sourceStatus: string;
	currency: string;
	pricesIncludeTax: boolean;
	createdAt: UtcTimestamp;
	modifiedAt: UtcTimestamp;
	paidAt: UtcTimestamp | null;
	completedAt: UtcTimestamp | null;
	customer: { sourceId: string | null; email: string | null; guest: boolean };
	billingAddress: CanonicalAddress;
	shippingAddress: CanonicalAddress;
	lines: CanonicalOrderLine[];
	shippingLines: Array<{ sourceId: string; method: string; methodId: string; total: DecimalString; tax: DecimalString }>;
	feeLines: Array<{ sourceId: string; name: string; total: DecimalString; tax: DecimalString }>;
	couponLines: Array<{ sourceId: string; code: string; discount: DecimalString; discountTax: DecimalString }>;
	taxes: Array<{ rateId: string; code: string; label: string; rate: DecimalString | null; taxTotal: DecimalString; shippingTaxTotal: DecimalString }>;
	totals: {
		discount: DecimalString;
		discountTax: DecimalString;
		shipping: DecimalString;
		shippingTax: DecimalString;
		cartTax: DecimalString;
		tax: DecimalString;
		total: DecimalString;
		/** Sum of refunds as a positive amount. */
		refunded: DecimalString;
	};
	paymentMethod: { id: string; title: string; transactionId: string };
	customerNote: string;
	refunds: Array<{ sourceId: string; reason: string; amount: DecimalString }>;
}

export type CanonicalResource = 'products' | 'orders';

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface FieldError {
	field: string;
	message: string;
}

export interface RecordResult {
	sourceId: string;
	outcome: UpsertOutcome;
	errors?: FieldError[];
}
