/**
 * WooCommerce order (REST v3) → Extend Commerce CustomerOrder document (`POST CustomerOrders`).
 *
 * Field names are documented by Extend's samples; which WooCommerce field feeds each is this
 * package's choice (docs/extend-commerce-api.md). Amounts are computed exactly from WooCommerce's
 * decimal strings and sent as JSON numbers.
 */
import { addDecimal, decimalFromNumber, isZeroDecimal, sumDecimals } from './decimal';
import { perUnit, toJsonNumber } from './extendNumbers';
import { withOrderNumberPrefix } from './externalOrderNumber';
import { FieldReader, MappingError, isObject } from './fields';

export type CustomerNumberRule =
	| { mode: 'fixed'; customerNumber: string }
	| { mode: 'wooCustomerId'; prefix: string; guestCustomerNumber: string }
	| { mode: 'billingEmail' }
	/** Already evaluated for this order (an n8n expression of the node). */
	| { mode: 'expression'; customerNumber: string };

export interface OrderMappingSettings {
	orderType: string;
	/** Put before WooCommerce's order number, e.g. "WEB-" (one store per prefix). */
	orderNumberPrefix: string;
	customer: CustomerNumberRule;
	unit: string;
	/** The warehouse short name put on every row (needed again when rows are cancelled). */
	warehouse: string;
	supplyMode: string;
	/** WooCommerce shipping method id → Extend delivery method code. */
	deliveryMethods: Readonly<Record<string, string>>;
	/** Used when the order's shipping method is not in the table; empty = no deliveryMethod sent. */
	defaultDeliveryMethod: string;
	/** Send unit prices including VAT (ASSUMED: Extend does not say which it expects). */
	pricesIncludeVat: boolean;
	/** Send the first coupon as Extend's promotion code and prices before coupon discounts. */
	sendPromotionCode: boolean;
	partialDelivery: boolean;
	/** 'orderDate': the order's creation time; 'none': not sent. */
	askedDeliveryDate: 'orderDate' | 'none';
	/** Product number of a freight row; empty = shipping costs are not sent as a row. */
	shippingProductNumber: string;
}

export interface ExtendOrderRow {
	product: { productNumber: string };
	salesData: { quantity: number; unit: string; unitPrice: number; vatPercent: number; currency: string };
	supplyMode: string;
	warehouse: string;
	externalRow: { externalPosition: number };
}

export interface ExtendCustomerOrder {
	orderHeader: {
		orderType: string;
		orderNumberExternal: string;
		customerNumber: string;
		askedDeliveryDate?: string;
		deliveryMethod?: string;
		freightFree: boolean;
		partialDelivery: boolean;
		/** Capital P as Extend's sample writes it. */
		Promotion?: { usePromotions: boolean; promotionCode: string };
	};
	orderRows: ExtendOrderRow[];
}

/** The WooCommerce order's own number (falls back to its id), as `orderNumberExternal` is built from it. */
export function externalOrderNumber(order: unknown, prefix: string): string {
	const label = orderLabel(order);
	if (!isObject(order)) throw new Error(`${label}: expected a WooCommerce order object`);
	const r = new FieldReader(label, order);
	const number = r.has('number') ? r.text('number') : r.id('id');
	return withOrderNumberPrefix(number, prefix);
}

export function orderLabel(order: unknown): string {
	const id = isObject(order) ? order.id : undefined;
	return `order ${typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : '(without id)'}`;
}

function customerNumberOf(r: FieldReader, rule: CustomerNumberRule): string {
	switch (rule.mode) {
		case 'fixed':
			if (!rule.customerNumber.trim()) throw r.fail('customer_id', 'has no Extend customer: the node\'s Webshop Customer Number is empty', 'Enter the Extend customer number of your webshop customer in the node\'s Webshop Customer Number.');
			return rule.customerNumber.trim();
		case 'expression':
			if (!rule.customerNumber.trim()) throw r.fail('customer_id', 'has no Extend customer: the Customer Number Expression gave nothing for this order', 'Change the expression so that it gives a customer number for every order.');
			return rule.customerNumber.trim();
		case 'billingEmail': {
			const email = r.object('billing').text('email').trim();
			if (!email) throw r.fail('billing.email', 'is empty, and the Customer Number comes from the billing e-mail', 'Add the billing e-mail in WooCommerce, or choose another Customer Number rule.');
			return email;
		}
		case 'wooCustomerId': {
			const id = r.optionalId('customer_id');
			if (id !== null) return `${rule.prefix}${id}`;
			if (!rule.guestCustomerNumber.trim()) throw r.fail('customer_id', 'is 0 (a guest order) and the node has no Guest Customer Number', 'Enter the Extend customer number for guest orders in the node\'s Guest Customer Number.');
			return rule.guestCustomerNumber.trim();
		}
	}
}

/** Tax rate percent per WooCommerce rate id, from the order's tax_lines. */
function taxRates(r: FieldReader): Map<string, string> {
	const rates = new Map<string, string>();
	for (const line of r.items('tax_lines')) {
		const raw = line.raw('rate_percent');
		if (typeof raw === 'number' && Number.isFinite(raw)) rates.set(line.id('rate_id'), decimalFromNumber(raw));
		else if (typeof raw === 'string' && raw !== '') rates.set(line.id('rate_id'), line.money('rate_percent'));
	}
	return rates;
}

/** The VAT percent of a line: the sum of the rates that taxed it (compound rates add up). */
function vatPercentOf(line: FieldReader, rates: Map<string, string>): string {
	const applied: string[] = [];
	for (const tax of line.items('taxes')) {
		// WooCommerce lists every rate of the line's tax class; only those that charged something apply.
		if (isZeroDecimal(tax.moneyOr('total', '0')) && isZeroDecimal(tax.moneyOr('subtotal', '0'))) continue;
		const rateId = tax.id('id');
		const rate = rates.get(rateId);
		if (rate === undefined) throw tax.fail('id', `is tax rate ${rateId}, which the order's tax_lines do not list with a rate_percent`);
		applied.push(rate);
	}
	return sumDecimals(applied);
}

function lineRow(line: FieldReader, index: number, settings: OrderMappingSettings, currency: string, rates: Map<string, string>): ExtendOrderRow {
	const sku = line.text('sku').trim();
	if (!sku) {
		throw line.fail('sku', `is empty (line "${line.text('name')}")`, 'Extend order rows refer to products by SKU: give the product a SKU in WooCommerce that exists as a product number in Extend.');
	}
	const quantity = line.quantity('quantity');
	// With Extend's promotions the price before coupons is sent; otherwise the net price the customer paid.
	const amount = settings.sendPromotionCode ? line.money('subtotal') : line.money('total');
	const tax = settings.sendPromotionCode ? line.moneyOr('subtotal_tax', '0') : line.moneyOr('total_tax', '0');
	let unitPrice: string;
	try {
		unitPrice = perUnit(settings.pricesIncludeVat ? addDecimal(amount, tax) : amount, quantity);
	} catch (error) {
		throw line.fail('quantity', `— ${(error as Error).message}`);
	}
	return {
		product: { productNumber: sku },
		salesData: {
			quantity: toJsonNumber(quantity),
			unit: settings.unit,
			unitPrice: toJsonNumber(unitPrice),
			vatPercent: toJsonNumber(vatPercentOf(line, rates)),
			currency,
		},
		supplyMode: settings.supplyMode,
		warehouse: settings.warehouse,
		externalRow: { externalPosition: Number(line.id('id')) || index + 1 },
	};
}

function shippingRow(r: FieldReader, settings: OrderMappingSettings, currency: string, rates: Map<string, string>): ExtendOrderRow | undefined {
	if (!settings.shippingProductNumber.trim()) return undefined;
	const lines = r.items('shipping_lines');
	const total = sumDecimals(lines.map((line) => line.money('total')), '0.00');
	if (isZeroDecimal(total) || lines.length === 0) return undefined;
	const tax = sumDecimals(lines.map((line) => line.moneyOr('total_tax', '0')), '0.00');
	const first = lines[0];
	return {
		product: { productNumber: settings.shippingProductNumber.trim() },
		salesData: {
			quantity: 1,
			unit: settings.unit,
			unitPrice: toJsonNumber(settings.pricesIncludeVat ? addDecimal(total, tax) : total),
			vatPercent: toJsonNumber(vatPercentOf(first, rates)),
			currency,
		},
		supplyMode: settings.supplyMode,
		warehouse: settings.warehouse,
		externalRow: { externalPosition: Number(first.id('id')) },
	};
}

function isoWithOffset(r: FieldReader, field: string): string {
	const gmt = `${field}_gmt`;
	const value = r.has(gmt) ? r.raw(gmt) : undefined;
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value)) {
		throw r.fail(gmt, `is ${JSON.stringify(value)}, expected a date-time such as "2025-03-14T00:58:42"`);
	}
	// Extend's samples carry an offset ("2019-12-25T00:00:00+02:00"); UTC is sent as +00:00.
	return `${value.slice(0, 19)}+00:00`;
}

/**
 * Maps one WooCommerce order. Throws a MappingError naming the order and field when something
 * needed is missing (e.g. `order 142: line_items[1].sku is empty (line "Mug")`), with what to do as its `fix`.
 */
export function mapOrderToExtend(order: unknown, settings: OrderMappingSettings): ExtendCustomerOrder {
	const label = orderLabel(order);
	if (!isObject(order)) throw new MappingError(label, 'json', 'is not a WooCommerce order object');
	const r = new FieldReader(label, order);
	r.id('id');
	if (!settings.warehouse.trim()) throw r.fail('id', 'has no warehouse for its rows', 'Enter the Extend warehouse in the WooCommerce Store Connection credential (Warehouse) or in the node.');
	const currency = r.string('currency');
	if (!/^[A-Z]{3}$/.test(currency)) throw r.fail('currency', `is ${JSON.stringify(currency)}, expected an ISO 4217 code such as "SEK"`);
	const rates = taxRates(r);
	const rows = r.items('line_items').map((line, index) => lineRow(line, index, settings, currency, rates));
	if (rows.length === 0) throw r.fail('line_items', 'is empty', 'An Extend order needs at least one row: check the order in WooCommerce.');
	const freight = shippingRow(r, settings, currency, rates);
	if (freight) rows.push(freight);

	const header: ExtendCustomerOrder['orderHeader'] = {
		orderType: settings.orderType,
		orderNumberExternal: externalOrderNumber(order, settings.orderNumberPrefix),
		customerNumber: customerNumberOf(r, settings.customer),
		freightFree: isZeroDecimal(r.moneyOr('shipping_total', '0')),
		partialDelivery: settings.partialDelivery,
	};
	if (settings.askedDeliveryDate === 'orderDate') header.askedDeliveryDate = isoWithOffset(r, 'date_created');
	const methodId = r.items('shipping_lines')[0]?.text('method_id') ?? '';
	const deliveryMethod = (Object.prototype.hasOwnProperty.call(settings.deliveryMethods, methodId) ? settings.deliveryMethods[methodId] : '') || settings.defaultDeliveryMethod;
	if (deliveryMethod.trim()) header.deliveryMethod = deliveryMethod.trim();
	if (settings.sendPromotionCode) {
		const code = r.items('coupon_lines')[0]?.text('code').trim();
		if (code) header.Promotion = { usePromotions: true, promotionCode: code };
	}
	return { orderHeader: header, orderRows: rows };
}

/** What the push does with an order in a given WooCommerce status. */
export type OrderAction = 'send' | 'cancel' | 'skip';

export const DEFAULT_STATUSES_SENT = ['processing', 'on-hold', 'completed'] as const;

export function orderActionFor(status: unknown, statusesSent: readonly string[]): OrderAction {
	const key = typeof status === 'string' ? status.replace(/^wc-/, '') : '';
	// A trashed order is cancelled in Extend like a cancelled one (only if it was sent: the push asks first).
	if (key === 'cancelled' || key === 'trash') return 'cancel';
	return statusesSent.includes(key) ? 'send' : 'skip';
}
