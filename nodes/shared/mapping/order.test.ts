/* eslint-disable @typescript-eslint/no-explicit-any -- the WooCommerce captures are untyped JSON read from disk and mutated freely */
import * as fs from 'fs';
import * as path from 'path';

import { mapRecord } from './index';
import { mapOrder, unitPrice } from './order';

const FIXTURES = path.join(__dirname, '../../../test/fixtures/woocommerce');
const body = (file: string): any => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'real-10.0.2', file), 'utf8')).body;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const orderFrom = (file: string, id: number) => body(file).find((o: any) => o.id === id);

describe('order 106 (completed, refunded shipping, guest)', () => {
	const order = mapOrder(body('order_single_with_refunds.json'));

	test('totals are the exact strings, refunded is the positive sum of refunds', () => {
		expect(order.totals).toEqual({
			discount: '0.00',
			discountTax: '0.00',
			shipping: '5.00',
			shippingTax: '0.00',
			cartTax: '0.00',
			tax: '0.00',
			total: '353.00',
			refunded: '5.00',
		});
		expect(order.refunds).toEqual([{ sourceId: '107', reason: 'Shipping refund', amount: '5.00' }]);
	});

	test('line unit prices are subtotal ÷ quantity, quantities are decimal strings', () => {
		expect(order.lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.subtotal, l.total, l.discount])).toEqual([
			['TB-V-003-BLUE-L', '3', '18.00', '54.00', '54.00', '0.00'],
			['TB-V-007-WHITE-M', '1', '75.00', '75.00', '75.00', '0.00'],
			['TB-V-006-350-ML', '3', '14.00', '42.00', '42.00', '0.00'],
			['TB-V-002-GREEN-L', '3', '59.00', '177.00', '177.00', '0.00'],
		]);
		expect(order.lines[0]).toMatchObject({ sourceId: '53', productSourceId: '53', variantSourceId: '60', tax: '0.00', taxes: [] });
	});

	test('status, dates, customer and addresses', () => {
		expect(order).toMatchObject({
			sourceId: '106',
			number: '106',
			status: 'completed',
			sourceStatus: 'completed',
			currency: 'USD',
			pricesIncludeTax: false,
			createdAt: '2025-03-04T04:11:35Z',
			modifiedAt: '2025-03-14T00:58:42Z',
			paidAt: '2025-03-04T04:21:35Z',
			completedAt: '2026-11-27T02:14:01Z',
			customer: { sourceId: null, email: 'guest15@example.test', guest: true },
			paymentMethod: { id: 'bacs', title: 'Direct bank transfer', transactionId: 'TBTX00015' },
			shippingLines: [{ sourceId: '57', method: 'Flat rate', methodId: 'flat_rate', total: '5.00', tax: '0.00' }],
		});
		expect(order.billingAddress).toMatchObject({ line1: '15 Sunset Blvd', postcode: '90001', email: 'guest15@example.test' });
		expect(order.shippingAddress.email).toBeNull();
	});

	test('two refunds add up exactly', () => {
		const raw = clone(body('order_single_with_refunds.json'));
		raw.refunds.push({ id: 108, reason: '', total: '-0.10' }, { id: 109, reason: 'x', total: '-0.20' });
		expect(mapOrder(raw).totals.refunded).toBe('5.30');
	});
});

describe('order 91 (processing, fee line, not yet completed)', () => {
	const order = mapOrder(body('order_single.json'));
	test('maps the fee and a null completedAt', () => {
		expect(order.feeLines).toEqual([{ sourceId: '3', name: 'Gift wrap', total: '3.50', tax: '0.00' }]);
		expect(order.completedAt).toBeNull();
		expect(order.totals.total).toBe('74.50');
		expect(order.totals.refunded).toBe('0.00');
		expect(order.lines[0]).toMatchObject({ variantSourceId: null, quantity: '3', unitPrice: '22.00' });
	});
});

describe('orders list', () => {
	test('order 137: 3 × 11.99 line gives unit price 11.99, customer is registered', () => {
		const order = mapOrder(orderFrom('orders_list_modified_after.json', 137));
		expect(order.lines.find((l) => l.sku === 'TB-S-012')).toMatchObject({ quantity: '3', subtotal: '35.97', unitPrice: '11.99' });
		expect(order.customer).toEqual({ sourceId: '3', email: 'bob@example.test', guest: false });
		expect(order.totals.total).toBe('171.97');
	});

	test('on-hold and cancelled orders map to on_hold and cancelled', () => {
		expect(mapOrder(orderFrom('orders_list_page1.json', 143)).status).toBe('on_hold');
		expect(mapOrder(orderFrom('orders_list_page1.json', 141)).status).toBe('cancelled');
	});

	test('UTF-8 names survive (Chloé, Café Crème Mug — 350 ml)', () => {
		const order = mapOrder(orderFrom('orders_list_status_filter.json', 138));
		expect(order.billingAddress.firstName).toBe('Chloé');
		const withMug = body('orders_list_page1.json').map((o: any) => mapOrder(o)).find((o: any) => o.lines.some((l: any) => l.name.includes('Café')));
		expect(withMug.lines.map((l: any) => l.name)).toContain('Café Crème Mug — 350 ml');
	});

	test('mapRecord("orders") returns the order in an array', () => {
		expect(mapRecord('orders', body('order_single.json'))).toEqual([mapOrder(body('order_single.json'))]);
	});
});

describe('the line item float `price` is never used', () => {
	test('price 17.99999 is ignored; unit price comes from the subtotal', () => {
		const raw = clone(body('order_single_with_refunds.json'));
		raw.line_items[0].price = 17.99999;
		expect(mapOrder(raw).lines[0].unitPrice).toBe('18.00');
	});

	test('a subtotal that does not divide evenly is rounded half away from zero at the subtotal scale', () => {
		const raw = clone(body('order_single_with_refunds.json'));
		Object.assign(raw.line_items[0], { subtotal: '10.00', total: '10.00', quantity: 3, price: 3.3333333333333335 });
		expect(mapOrder(raw).lines[0].unitPrice).toBe('3.33');
		Object.assign(raw.line_items[0], { subtotal: '20.00', total: '20.00' });
		expect(mapOrder(raw).lines[0].unitPrice).toBe('6.67');
	});

	test.each([
		['54.00', '3', '18.00'],
		['0.05', '2', '0.03'],
		['-0.05', '2', '-0.03'],
		['100', '3', '33'],
		['0.00', '0', '0.00'],
		['99999999999999.99', '7', '14285714285714.28'],
	])('unitPrice(%s, %s) = %s', (subtotal, quantity, expected) => {
		expect(unitPrice(subtotal, quantity)).toBe(expected);
	});

	test('a zero quantity with a non-zero subtotal is an error naming the line', () => {
		const raw = clone(body('order_single_with_refunds.json'));
		raw.line_items[1].quantity = 0;
		expect(() => mapOrder(raw)).toThrow(/^order 106: line_items\[1\]\.quantity — quantity is 0 but subtotal is 75\.00/);
	});
});

describe('coupons and discounts', () => {
	test('a coupon line and a discounted line map exactly', () => {
		const raw = clone(body('order_single_with_refunds.json'));
		raw.coupon_lines = [{ id: 200, code: 'save10', discount: '5.40', discount_tax: '0.00', meta_data: [] }];
		Object.assign(raw.line_items[0], { subtotal: '54.00', total: '48.60' });
		raw.discount_total = '5.40';
		const order = mapOrder(raw);
		expect(order.couponLines).toEqual([{ sourceId: '200', code: 'save10', discount: '5.40', discountTax: '0.00' }]);
		expect(order.lines[0]).toMatchObject({ unitPrice: '18.00', subtotal: '54.00', discount: '5.40', total: '48.60' });
		expect(order.totals.discount).toBe('5.40');
	});
});

describe('taxes (WooCommerce docs sample order 727)', () => {
	const docsOrder = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'docs-samples/order.json'), 'utf8'));
	const order = mapOrder(docsOrder);

	test('line taxes, tax lines and tax totals are exact strings', () => {
		expect(order.lines.map((l) => [l.unitPrice, l.tax, l.taxes])).toEqual([
			['3.00', '0.45', [{ rateId: '75', amount: '0.45' }]],
			['12.00', '0.90', [{ rateId: '75', amount: '0.9' }]],
		]);
		expect(order.taxes).toEqual([
			{ rateId: '75', code: 'US-CA-STATE TAX', label: 'State Tax', rate: null, taxTotal: '1.35', shippingTaxTotal: '0.00' },
		]);
		expect(order.totals).toMatchObject({ cartTax: '1.35', tax: '1.35', total: '29.35' });
		expect(order.shippingAddress.phone).toBe('');
		expect(order.lines[0].sku).toBe('');
	});

	test('rate_percent (WooCommerce 3.7+) becomes the decimal rate; an empty line tax total is zero', () => {
		const raw = clone(docsOrder);
		raw.tax_lines[0].rate_percent = 7.25;
		raw.line_items[0].taxes[0].total = '';
		const mapped = mapOrder(raw);
		expect(mapped.taxes[0].rate).toBe('7.25');
		expect(mapped.lines[0].taxes[0].amount).toBe('0');
	});
});

describe('status and validation errors name the record and the field', () => {
	test.each<[string, (o: any) => void, RegExp]>([
		['date_modified_gmt missing', (o) => delete o.date_modified_gmt, /^order 106: date_modified_gmt is missing and date_modified \(2025-03-13T20:58:42\)/],
		['id missing', (o) => delete o.id, /^order \(without id\): id is missing/],
		['id zero', (o) => (o.id = 0), /^order 0: id is 0, expected a positive integer id/],
		['total malformed', (o) => (o.total = 'NaN'), /^order 106: total is "NaN", expected a decimal string/],
		['total as number', (o) => (o.total = 353), /^order 106: total is 353, expected a decimal string/],
		['line subtotal missing', (o) => delete o.line_items[2].subtotal, /^order 106: line_items\[2\]\.subtotal is missing/],
		['line quantity malformed', (o) => (o.line_items[0].quantity = 'three'), /^order 106: line_items\[0\]\.quantity is "three"/],
		['refund total malformed', (o) => (o.refunds[0].total = '-5,00'), /^order 106: refunds\[0\]\.total is "-5,00"/],
		['unknown status', (o) => (o.status = 'shipped'), /^order 106: status — unknown order status "shipped"/],
		['currency missing', (o) => delete o.currency, /^order 106: currency is missing/],
		['line_items not an array', (o) => (o.line_items = {}), /^order 106: line_items is \{\}, expected an array/],
	])('%s', (_name, mutate, message) => {
		const raw = clone(body('order_single_with_refunds.json'));
		mutate(raw);
		expect(() => mapOrder(raw)).toThrow(message);
	});

	test('a custom status maps with orderStatusMap and keeps the source status', () => {
		const raw = clone(body('order_single_with_refunds.json'));
		raw.status = 'shipped';
		expect(mapOrder(raw, { orderStatusMap: { shipped: 'completed' } })).toMatchObject({ status: 'completed', sourceStatus: 'shipped' });
	});

	test('a record without _gmt dates is mapped when the store time zone is given', () => {
		const raw = clone(body('order_single_with_refunds.json'));
		for (const key of Object.keys(raw)) if (key.endsWith('_gmt')) delete raw[key];
		expect(mapOrder(raw, { siteTimeZone: 'America/New_York' })).toEqual(mapOrder(body('order_single_with_refunds.json')));
	});
});
