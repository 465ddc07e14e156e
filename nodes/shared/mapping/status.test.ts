import {
	ORDER_STATUS_MAP,
	mapOrderStatus,
	mapProductStatus,
	mapProductType,
	mapStockStatus,
} from './status';

describe('order status mapping', () => {
	test.each([
		['pending', 'pending_payment'],
		['processing', 'processing'],
		['on-hold', 'on_hold'],
		['completed', 'completed'],
		['cancelled', 'cancelled'],
		['refunded', 'refunded'],
		['failed', 'failed'],
		['checkout-draft', 'draft'],
		['trash', 'trashed'],
		['wc-on-hold', 'on_hold'],
		['wc-completed', 'completed'],
	])('WooCommerce %j → %j', (woo, canonical) => {
		expect(mapOrderStatus(woo)).toBe(canonical);
	});

	test('the table covers every WooCommerce core order status', () => {
		expect(Object.keys(ORDER_STATUS_MAP).sort()).toEqual(
			['cancelled', 'checkout-draft', 'completed', 'failed', 'on-hold', 'pending', 'processing', 'refunded', 'trash'].sort(),
		);
	});

	test('an unknown (custom) status is refused, not guessed', () => {
		expect(() => mapOrderStatus('shipped')).toThrow(/unknown order status "shipped".*orderStatusMap/);
		expect(() => mapOrderStatus('On-Hold')).toThrow(/unknown order status/);
		expect(() => mapOrderStatus('toString')).toThrow(/unknown order status/);
	});

	test('overrides map custom statuses and take precedence', () => {
		expect(mapOrderStatus('shipped', { shipped: 'completed' })).toBe('completed');
		expect(mapOrderStatus('wc-shipped', { shipped: 'completed' })).toBe('completed');
		expect(mapOrderStatus('pending', { pending: 'on_hold' })).toBe('on_hold');
	});
});

describe('product status mapping', () => {
	test.each([
		['publish', 'active'],
		['draft', 'draft'],
		['auto-draft', 'draft'],
		['future', 'draft'],
		['pending', 'pending'],
		['private', 'private'],
		['trash', 'archived'],
	])('WooCommerce %j → %j', (woo, canonical) => {
		expect(mapProductStatus(woo)).toBe(canonical);
	});

	test('an unknown product status is refused', () => {
		expect(() => mapProductStatus('published')).toThrow(/unknown product status "published"/);
	});
});

describe('product type and stock status mapping', () => {
	test.each([
		['simple', 'simple'],
		['variable', 'variable'],
		['variation', 'variant'],
		['grouped', 'grouped'],
		['external', 'external'],
	])('type %j → %j', (woo, canonical) => {
		expect(mapProductType(woo)).toBe(canonical);
	});

	test('a plugin product type is refused', () => {
		expect(() => mapProductType('subscription')).toThrow(/unknown product type "subscription"/);
	});

	test.each([
		['instock', 'in_stock'],
		['outofstock', 'out_of_stock'],
		['onbackorder', 'on_backorder'],
	])('stock status %j → %j', (woo, canonical) => {
		expect(mapStockStatus(woo)).toBe(canonical);
	});

	test('an unknown stock status is refused', () => {
		expect(() => mapStockStatus('in_stock')).toThrow(/unknown stock status/);
	});
});
