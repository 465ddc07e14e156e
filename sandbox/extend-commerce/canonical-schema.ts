/**
 * Runtime schemas of the canonical records, pinned to nodes/shared/mapping/canonical.ts: the
 * type assertions at the bottom stop compiling as soon as the two disagree.
 */
import type {
	CanonicalOrder,
	CanonicalProduct,
	CanonicalOrderStatus,
	CanonicalProductStatus,
	CanonicalProductType,
} from '../../nodes/shared/mapping/canonical';
import {
	array,
	boolean,
	currency,
	decimal,
	named,
	nullable,
	object,
	oneOf,
	string,
	utc,
	type Assert,
	type Infer,
	type JsonSchema,
	type SameType,
} from './schema';

/** Named component schemas, in definition order, for docs/openapi.json. */
export const canonicalComponents = new Map<string, JsonSchema>();

export const PRODUCT_TYPES: readonly CanonicalProductType[] = ['simple', 'variable', 'variant', 'grouped', 'external'];
export const PRODUCT_STATUSES: readonly CanonicalProductStatus[] = ['active', 'draft', 'pending', 'private', 'archived'];
export const ORDER_STATUSES: readonly CanonicalOrderStatus[] = [
	'draft',
	'pending_payment',
	'processing',
	'on_hold',
	'completed',
	'cancelled',
	'refunded',
	'failed',
	'trashed',
];

const id = () => string({ nonEmpty: true, maxLength: 255 });

const money = named(
	'Money',
	object(
		{ amount: decimal('Exact decimal amount, e.g. "18.00".'), currency: currency() },
		{ description: 'An exact amount of money.' },
	),
	canonicalComponents,
);

export const productSchema = named(
	'CanonicalProduct',
	object(
		{
			sourceId: id(),
			parentSourceId: nullable(id()),
			sku: string({ maxLength: 255, description: 'May be empty: WooCommerce products need no SKU; sourceId identifies the record.' }),
			name: string({ nonEmpty: true, maxLength: 1000 }),
			type: oneOf(PRODUCT_TYPES),
			status: oneOf(PRODUCT_STATUSES),
			price: nullable(money),
			regularPrice: nullable(money),
			salePrice: nullable(money),
			stock: object({
				managed: boolean(),
				quantity: nullable(decimal('Units on hand; null when stock is not managed.')),
				status: oneOf(['in_stock', 'out_of_stock', 'on_backorder'] as const),
			}),
			weight: nullable(decimal()),
			dimensions: object({ length: nullable(decimal()), width: nullable(decimal()), height: nullable(decimal()) }),
			categories: array(object({ sourceId: id(), name: string(), slug: string() })),
			attributes: array(object({ name: string({ nonEmpty: true }), slug: nullable(string()), values: array(string()) })),
			images: array(object({ url: string({ nonEmpty: true }), alt: string() })),
			createdAt: nullable(utc()),
			modifiedAt: utc(),
		},
		{
			description:
				'A product or variant as synced from the external system. Every property is required; use null where allowed.',
			refine(product, path, errors) {
				if (product.type === 'variant' && product.parentSourceId === null) {
					errors.push({ field: `${path ? `${path}.` : ''}parentSourceId`, message: "is required for a product of type 'variant'" });
				}
			},
		},
	),
	canonicalComponents,
);

const address = named(
	'Address',
	object({
		firstName: string(),
		lastName: string(),
		company: string(),
		line1: string(),
		line2: string(),
		city: string(),
		state: string(),
		postcode: string(),
		country: string(),
		email: nullable(string()),
		phone: string(),
	}),
	canonicalComponents,
);

const taxAmount = object({ rateId: string(), amount: decimal() });

const orderLine = named(
	'OrderLine',
	object({
		sourceId: id(),
		sku: string({ description: 'May be empty when the product has no SKU or was deleted.' }),
		name: string(),
		productSourceId: string(),
		variantSourceId: nullable(string()),
		quantity: decimal(),
		unitPrice: decimal('Unit price before discounts: subtotal ÷ quantity, exact.'),
		subtotal: decimal(),
		discount: decimal(),
		tax: decimal(),
		total: decimal(),
		taxes: array(taxAmount),
	}),
	canonicalComponents,
);

export const orderSchema = named(
	'CanonicalOrder',
	object(
		{
			sourceId: id(),
			number: string({ nonEmpty: true }),
			status: oneOf(ORDER_STATUSES),
			sourceStatus: string(),
			currency: currency(),
			pricesIncludeTax: boolean(),
			createdAt: utc(),
			modifiedAt: utc(),
			paidAt: nullable(utc()),
			completedAt: nullable(utc()),
			customer: object({ sourceId: nullable(string()), email: nullable(string()), guest: boolean() }),
			billingAddress: address,
			shippingAddress: address,
			lines: array(orderLine),
			shippingLines: array(object({ sourceId: id(), method: string(), methodId: string(), total: decimal(), tax: decimal() })),
			feeLines: array(object({ sourceId: id(), name: string(), total: decimal(), tax: decimal() })),
			couponLines: array(object({ sourceId: id(), code: string(), discount: decimal(), discountTax: decimal() })),
			taxes: array(
				object({
					rateId: string(),
					code: string(),
					label: string(),
					rate: nullable(decimal()),
					taxTotal: decimal(),
					shippingTaxTotal: decimal(),
				}),
			),
			totals: object({
				discount: decimal(),
				discountTax: decimal(),
				shipping: decimal(),
				shippingTax: decimal(),
				cartTax: decimal(),
				tax: decimal(),
				total: decimal(),
				refunded: decimal('Sum of refunds as a positive amount.'),
			}),
			paymentMethod: object({ id: string(), title: string(), transactionId: string() }),
			customerNote: string(),
			refunds: array(object({ sourceId: id(), reason: string(), amount: decimal() })),
		},
		{ description: 'An order as synced from the external system. Every property is required; use null where allowed.' },
	),
	canonicalComponents,
);

export type ProductSchemaMatchesCanonical = Assert<SameType<Infer<typeof productSchema>, CanonicalProduct>>;
export type OrderSchemaMatchesCanonical = Assert<SameType<Infer<typeof orderSchema>, CanonicalOrder>>;
