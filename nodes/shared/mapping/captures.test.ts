/* eslint-disable @typescript-eslint/no-explicit-any -- the WooCommerce captures are untyped JSON read from disk and mutated freely */
/**
 * Every product and order body in the real WooCommerce 10.0.2 captures goes through mapRecord,
 * and the output is checked for the invariants the back office relies on.
 */
import * as fs from 'fs';
import * as path from 'path';

import type { CanonicalOrder, CanonicalProduct } from './canonical';
import { mapRecord } from './index';

const CAPTURES = path.join(__dirname, '../../../test/fixtures/woocommerce/real-10.0.2');
const body = (file: string): any => JSON.parse(fs.readFileSync(path.join(CAPTURES, file), 'utf8')).body;

/** file → number of WooCommerce records in its body (batch: create + update entries with an id). */
const PRODUCT_CAPTURES: Record<string, number> = {
	'product_single_simple.json': 1,
	'product_single_variable.json': 1,
	'product_variable_custom_attr.json': 1,
	'product_variation_single.json': 1,
	'product_variations_list_page1.json': 10,
	'product_variations_list_page2.json': 6,
	'products_list_modified_after_gmt.json': 13,
	'products_list_page1.json': 5,
	'products_list_page2_modified_after.json': 5,
	'products_list_query_auth.json': 1,
	'products_list_status_publish_oauth1_http.json': 3,
	'write_product_create_simple.json': 1,
	'write_product_update.json': 1,
	'write_product_delete_trash.json': 1,
	'write_product_delete_force.json': 1,
	'write_products_batch.json': 2,
	'write_variation_update.json': 1,
};
const ORDER_CAPTURES: Record<string, number> = {
	'order_single.json': 1,
	'order_single_with_refunds.json': 1,
	'orders_list_modified_after.json': 12,
	'orders_list_page1.json': 5,
	'orders_list_status_filter.json': 3,
	'write_order_update_status.json': 1,
};

function records(file: string): any[] {
	const b = body(file);
	if (Array.isArray(b)) return b;
	// A batch response: successful entries; the failed update ({id, error}) is not a product.
	if (b && (b.create || b.update)) return [...(b.create ?? []), ...(b.update ?? [])].filter((r: any) => !r.error);
	return [b];
}

const DECIMAL_KEYS = new Set([
	'amount', 'quantity', 'unitPrice', 'subtotal', 'discount', 'tax', 'total', 'discountTax', 'shipping',
	'shippingTax', 'cartTax', 'refunded', 'taxTotal', 'shippingTaxTotal', 'rate', 'weight', 'length', 'width', 'height',
]);
const MONEY = /^-?\d+\.?\d*$/;
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Every problem found in a mapped record, as "path: problem" (empty when the record is sound). */
function problems(value: unknown, at = '$'): string[] {
	if (value === undefined) return [`${at}: undefined`];
	if (typeof value === 'number') return [`${at}: number ${value} (canonical values are strings)`];
	if (typeof value === 'string') return /NaN|undefined|Infinity|\[object/.test(value) ? [`${at}: ${value}`] : [];
	if (Array.isArray(value)) return value.flatMap((item, i) => problems(item, `${at}[${i}]`));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, child]) => {
			const here = `${at}.${key}`;
			const found = problems(child, here);
			if (DECIMAL_KEYS.has(key) && child !== null && (typeof child !== 'string' || !MONEY.test(child))) {
				found.push(`${here}: ${JSON.stringify(child)} is not a decimal string`);
			}
			if (key.endsWith('At') && child !== null && (typeof child !== 'string' || !UTC.test(child))) {
				found.push(`${here}: ${JSON.stringify(child)} is not a UTC timestamp ending in Z`);
			}
			return found;
		});
	}
	return [];
}

describe('every product capture maps cleanly', () => {
	test('the capture list covers every product body in the folder', () => {
		const all = fs.readdirSync(CAPTURES).filter((f) => f.endsWith('.json'));
		const productLike = all.filter((f) => records(f).some((r) => r && typeof r === 'object' && 'stock_status' in r));
		expect(productLike.sort()).toEqual(Object.keys(PRODUCT_CAPTURES).sort());
	});

	test.each(Object.entries(PRODUCT_CAPTURES))('%s: %d record(s) map with exact decimals and UTC timestamps', (file, count) => {
		const items = records(file);
		expect(items).toHaveLength(count);
		for (const item of items) {
			const mapped: CanonicalProduct[] = mapRecord('products', item, { currency: 'USD' });
			expect(mapped.length).toBeGreaterThanOrEqual(1);
			expect(mapped[0].sourceId).toBe(String(item.id));
			expect(mapped[0].type).toBe(item.type === 'variation' ? 'variant' : item.type);
			if (item.type === 'variation') expect(mapped[0].parentSourceId).toBe(String(item.parent_id));
			expect(problems(mapped)).toEqual([]);
			for (const record of mapped) {
				expect(record.modifiedAt).toBe(`${item.date_modified_gmt}Z`);
				if (record.price) expect(record.price.amount).toBe(item.price);
				expect(record.regularPrice?.amount ?? null).toBe(item.regular_price === '' ? null : item.regular_price);
				expect(record.stock.quantity).toBe(item.manage_stock ? String(item.stock_quantity) : null);
			}
		}
	});

	test('variable products with all their variations embedded map to parent + variants with exact prices', () => {
		const parent = { ...body('product_single_variable.json') };
		const variations = [...body('product_variations_list_page1.json'), ...body('product_variations_list_page2.json')];
		parent.variations = variations;
		const mapped = mapRecord('products', parent, { currency: 'USD' });
		expect(mapped).toHaveLength(1 + variations.length);
		expect(problems(mapped)).toEqual([]);
		const prices = Object.fromEntries(mapped.slice(1).map((v) => [v.sku, v.price?.amount]));
		expect(prices['TB-V-003-BLACK-XL']).toBe('21.00');
		expect(prices['TB-V-003-RED-S']).toBe('18.00');
	});
});

describe('every order capture maps cleanly', () => {
	test('the capture list covers every order body in the folder', () => {
		const all = fs.readdirSync(CAPTURES).filter((f) => f.endsWith('.json'));
		const orderLike = all.filter((f) => records(f).some((r) => r && typeof r === 'object' && 'line_items' in r && 'number' in r));
		expect(orderLike.sort()).toEqual(Object.keys(ORDER_CAPTURES).sort());
	});

	test.each(Object.entries(ORDER_CAPTURES))('%s: %d order(s) map with exact decimals and UTC timestamps', (file, count) => {
		const items = records(file);
		expect(items).toHaveLength(count);
		for (const item of items) {
			const [order]: CanonicalOrder[] = mapRecord('orders', item);
			expect(problems(order)).toEqual([]);
			expect(order.sourceId).toBe(String(item.id));
			expect(order.totals.total).toBe(item.total);
			expect(order.modifiedAt).toBe(`${item.date_modified_gmt}Z`);
			expect(order.lines).toHaveLength(item.line_items.length);
			// Lines: unit price × quantity gives back the subtotal for every captured line.
			order.lines.forEach((line, i) => {
				expect(line.subtotal).toBe(item.line_items[i].subtotal);
				expect(line.quantity).toBe(String(item.line_items[i].quantity));
				expect(Number(line.unitPrice) * Number(line.quantity)).toBeCloseTo(Number(line.subtotal), 10);
			});
			const refunds = item.refunds.map((r: any) => r.total.replace(/^-/, ''));
			expect(order.refunds.map((r) => r.amount)).toEqual(refunds);
		}
	});

	test('the refund list capture (a refund object, not an order) is refused with a named field', () => {
		expect(() => mapRecord('orders', body('order_refunds_list.json')[0])).toThrow(/^order 107: status is missing/);
	});
});

describe('the invariant checker itself catches broken output', () => {
	test.each<[string, unknown]>([
		['a number amount', { price: { amount: 18, currency: 'USD' } }],
		['NaN', { totals: { total: 'NaN' } }],
		['undefined', { totals: { total: undefined } }],
		['a timestamp without Z', { modifiedAt: '2025-03-14T00:58:42' }],
		['an exponent', { weight: '1e3' }],
	])('%s is reported', (_name, value) => {
		expect(problems(value)).not.toEqual([]);
	});
});
