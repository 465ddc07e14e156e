/**
 * WooCommerce order (REST v3 /orders) → canonical order.
 *
 * Money stays exact: every amount is WooCommerce's own decimal string, normalised but with its
 * scale kept. The line item `price` (a JSON float such as 17.99999) is never read; the unit price
 * is subtotal ÷ quantity computed with BigInt, to the subtotal's number of decimals (WooCommerce
 * writes amounts with the store's price decimals, so that is the store's precision), rounded half
 * away from zero as WooCommerce/PHP round() does. Refund totals come negative ("-5.00"); canonical
 * refund amounts and `totals.refunded` are positive.
 */
import type { CanonicalAddress, CanonicalOrder, CanonicalOrderLine, CanonicalOrderStatus } from './canonical';
import { readUtcDate, type DateOptions } from './dates';
import {
	absDecimal,
	addDecimal,
	decimalFromNumber,
	divideDecimal,
	isZeroDecimal,
	normalizeDecimal,
	roundDecimal,
	scaleOf,
	subtractDecimal,
} from './decimal';
import { FieldReader, isObject } from './fields';
import { mapOrderStatus } from './status';

export interface MapOrderOptions extends DateOptions {
	/** Canonical statuses for a store's custom order statuses, e.g. { shipped: 'completed' }. */
	orderStatusMap?: Readonly<Record<string, CanonicalOrderStatus>>;
}

/**
 * Unit price before discounts: subtotal ÷ quantity, exact to the subtotal's scale, rounded half
 * away from zero ("54.00" ÷ "3" = "18.00"; "10.00" ÷ "3" = "3.33"; "0.05" ÷ "2" = "0.03").
 * A quantity of 0 is allowed only with a zero subtotal (unit price 0 at that scale).
 */
export function unitPrice(subtotal: string, quantity: string): string {
	const scale = scaleOf(subtotal);
	if (isZeroDecimal(quantity)) {
		if (isZeroDecimal(subtotal)) return roundDecimal('0', scale);
		throw new Error(`quantity is 0 but subtotal is ${subtotal}, so there is no unit price`);
	}
	return divideDecimal(subtotal, quantity, scale, 'half-up');
}

function address(r: FieldReader, withEmail: boolean): CanonicalAddress {
	const email = withEmail ? r.text('email') : '';
	return {
		firstName: r.text('first_name'),
		lastName: r.text('last_name'),
		company: r.text('company'),
		line1: r.text('address_1'),
		line2: r.text('address_2'),
		city: r.text('city'),
		state: r.text('state'),
		postcode: r.text('postcode'),
		country: r.text('country'),
		email: email === '' ? null : email,
		phone: r.text('phone'),
	};
}

function mapLine(li: FieldReader): CanonicalOrderLine {
	const quantity = li.quantity('quantity');
	const subtotal = li.money('subtotal');
	const total = li.money('total');
	let unit: string;
	try {
		unit = unitPrice(subtotal, quantity);
	} catch (error) {
		throw li.fail('quantity', `— ${(error as Error).message}`);
	}
	return {
		sourceId: li.id('id'),
		sku: li.text('sku'),
		name: li.text('name'),
		productSourceId: li.id('product_id'),
		variantSourceId: li.optionalId('variation_id'),
		quantity,
		unitPrice: unit,
		subtotal,
		// The line's discount (coupons) is what separates its subtotal from its total.
		discount: subtractDecimal(subtotal, total),
		tax: li.money('total_tax'),
		total,
		// WooCommerce writes "" for a rate with no tax on the discounted total: that is zero.
		taxes: li.items('taxes').map((t) => ({ rateId: t.id('id'), amount: t.moneyOr('total', '0') })),
	};
}

function rateOf(t: FieldReader): string | null {
	const rate = t.raw('rate_percent');
	if (typeof rate === 'number' && Number.isFinite(rate)) return decimalFromNumber(rate);
	if (typeof rate === 'string' && rate !== '') return t.money('rate_percent');
	return null;
}

/**
 * Maps one WooCommerce order to the canonical order. Throws a MappingError naming the record and
 * the field when a required field is missing or malformed (e.g.
 * `order 106: date_modified_gmt is missing — …`).
 */
export function mapOrder(order: unknown, options: MapOrderOptions = {}): CanonicalOrder {
	if (!isObject(order)) {
		throw new Error(`order: expected a WooCommerce order object, got ${Array.isArray(order) ? 'an array' : typeof order}`);
	}
	const id = order.id;
	const label = `order ${typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : '(without id)'}`;
	const r = new FieldReader(label, order);
	const dateOptions: DateOptions = { siteTimeZone: options.siteTimeZone };

	const sourceId = r.id('id');
	const sourceStatus = r.string('status');
	let status: CanonicalOrderStatus;
	try {
		status = mapOrderStatus(sourceStatus, options.orderStatusMap);
	} catch (error) {
		throw r.fail('status', `— ${(error as Error).message}`);
	}
	const currency = r.string('currency');
	if (!/^[A-Z]{3}$/.test(currency)) throw r.fail('currency', `is ${JSON.stringify(currency)}, expected an ISO 4217 code such as "USD"`);

	const total = r.money('total');
	const refunds = r.items('refunds').map((refund) => ({
		sourceId: refund.id('id'),
		reason: refund.text('reason'),
		amount: absDecimal(refund.money('total')),
	}));
	const refunded = refunds.reduce((sum, refund) => addDecimal(sum, refund.amount), roundDecimal('0', scaleOf(total)));

	const customerId = r.optionalId('customer_id');
	const billing = address(r.object('billing'), true);
	const number = r.has('number') ? r.text('number') : sourceId;

	return {
		sourceId,
		number,
		status,
		sourceStatus,
		currency,
		pricesIncludeTax: r.has('prices_include_tax') ? r.boolean('prices_include_tax') : false,
		createdAt: readUtcDate(r, 'date_created', { ...dateOptions, required: true }) as string,
		modifiedAt: readUtcDate(r, 'date_modified', { ...dateOptions, required: true }) as string,
		paidAt: readUtcDate(r, 'date_paid', { ...dateOptions, required: false }),
		completedAt: readUtcDate(r, 'date_completed', { ...dateOptions, required: false }),
		customer: { sourceId: customerId, email: billing.email, guest: customerId === null },
		billingAddress: billing,
		shippingAddress: address(r.object('shipping'), false),
		lines: r.items('line_items').map(mapLine),
		shippingLines: r.items('shipping_lines').map((s) => ({
			sourceId: s.id('id'),
			method: s.text('method_title'),
			methodId: s.text('method_id'),
			total: s.money('total'),
			tax: s.money('total_tax'),
		})),
		feeLines: r.items('fee_lines').map((f) => ({
			sourceId: f.id('id'),
			name: f.text('name'),
			total: f.money('total'),
			tax: f.money('total_tax'),
		})),
		couponLines: r.items('coupon_lines').map((c) => ({
			sourceId: c.id('id'),
			code: c.text('code'),
			discount: c.money('discount'),
			discountTax: c.money('discount_tax'),
		})),
		taxes: r.items('tax_lines').map((t) => ({
			rateId: t.id('rate_id'),
			code: t.text('rate_code'),
			label: t.text('label'),
			rate: rateOf(t),
			taxTotal: t.money('tax_total'),
			shippingTaxTotal: t.money('shipping_tax_total'),
		})),
		totals: {
			discount: r.money('discount_total'),
			discountTax: r.money('discount_tax'),
			shipping: r.money('shipping_total'),
			shippingTax: r.money('shipping_tax'),
			cartTax: r.money('cart_tax'),
			tax: r.money('total_tax'),
			total,
			refunded: normalizeDecimal(refunded),
		},
		paymentMethod: {
			id: r.text('payment_method'),
			title: r.text('payment_method_title'),
			transactionId: r.text('transaction_id'),
		},
		customerNote: r.text('customer_note'),
		refunds,
	};
}
