/* eslint-disable @typescript-eslint/no-explicit-any -- the WooCommerce captures are untyped JSON read from disk and mutated freely */
import * as fs from 'fs';
import * as path from 'path';

import type { CanonicalProduct } from './canonical';
import { mapRecord } from './index';
import { mapProduct } from './product';

const CAPTURES = path.join(__dirname, '../../../test/fixtures/woocommerce/real-10.0.2');
const body = (file: string): any => JSON.parse(fs.readFileSync(path.join(CAPTURES, file), 'utf8')).body;
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const USD = { currency: 'USD' };

const allVariationsOf53 = (): any[] => [...body('product_variations_list_page1.json'), ...body('product_variations_list_page2.json')];

describe('simple product 23 (UTF-8 name, managed stock)', () => {
	const [product] = mapProduct(body('product_single_simple.json'), USD);

	test('maps to one record with exact prices, UTC dates and the UTF-8 name intact', () => {
		expect(product).toMatchObject({
			sourceId: '23',
			parentSourceId: null,
			sku: 'TB-S-010',
			name: 'Café Crème Mug — 350 ml',
			type: 'simple',
			status: 'active',
			price: { amount: '9.50', currency: 'USD' },
			regularPrice: { amount: '9.50', currency: 'USD' },
			salePrice: null,
			stock: { managed: true, quantity: '59', status: 'in_stock' },
		});
		expect(product.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		expect(product.modifiedAt).toBe(`${body('product_single_simple.json').date_modified_gmt}Z`);
	});

	test('the price currency comes from the option, not a default', () => {
		const [eur] = mapProduct(body('product_single_simple.json'), { currency: 'EUR' });
		expect(eur.price).toEqual({ amount: '9.50', currency: 'EUR' });
	});
});

describe('currency is a required argument', () => {
	test.each([undefined, '', 'usd', 'US Dollar', 840])('currency %p is refused with an explanation', (currency) => {
		expect(() => mapProduct(body('product_single_simple.json'), { currency } as any)).toThrow(
			/options\.currency .*three-letter ISO 4217/,
		);
	});

	test('mapRecord("products") without options refuses too', () => {
		expect(() => (mapRecord as any)('products', body('product_single_simple.json'))).toThrow(/options\.currency/);
	});
});

describe('sale and empty values', () => {
	const list = body('products_list_modified_after_gmt.json');
	const byId = (id: number) => mapProduct(list.find((p: any) => p.id === id), USD)[0];

	test('a product on sale: price is the sale price, regular and sale kept', () => {
		expect(byId(25)).toMatchObject({
			name: 'Tea Towel & Oven Mitt',
			price: { amount: '11.99' },
			regularPrice: { amount: '14.25' },
			salePrice: { amount: '11.99' },
		});
	});

	test('a variable parent with "" regular_price and "" weight gets null, not "0"', () => {
		const tee = byId(53);
		expect(tee.regularPrice).toBeNull();
		expect(tee.salePrice).toBeNull();
		expect(tee.weight).toBeNull();
		expect(tee.dimensions).toEqual({ length: null, width: null, height: null });
		expect(tee.stock).toEqual({ managed: false, quantity: null, status: 'in_stock' });
	});

	test('backorder with negative stock keeps the exact negative quantity', () => {
		expect(byId(20).stock).toEqual({ managed: true, quantity: '-1', status: 'on_backorder' });
	});

	test('out of stock maps to out_of_stock', () => {
		expect(byId(18).stock).toEqual({ managed: true, quantity: '0', status: 'out_of_stock' });
	});

	test('dimensions and weight are decimal strings', () => {
		const withDims = list.map((p: any) => mapProduct(p, USD)[0]).find((p: CanonicalProduct) => p.dimensions.length !== null);
		expect(withDims.dimensions.length).toMatch(/^\d+(\.\d+)?$/);
	});

	test('a stock quantity WooCommerce keeps on an unmanaged product is dropped', () => {
		const raw = clone(list.find((p: any) => p.id === 53));
		raw.stock_quantity = 7;
		expect(mapProduct(raw, USD)[0].stock.quantity).toBeNull();
	});
});

describe('categories and attributes', () => {
	test('category names WordPress stored HTML-escaped are decoded', () => {
		const [mug] = mapProduct(body('product_variable_custom_attr.json'), USD);
		expect(mug.categories).toEqual([{ sourceId: '20', name: 'Home & Kitchen', slug: 'home' }]);
	});

	test('a custom (non-taxonomy) attribute has a null slug; global ones keep pa_*', () => {
		const [mug] = mapProduct(body('product_variable_custom_attr.json'), USD);
		expect(mug.attributes).toEqual([{ name: 'Capacity', slug: null, values: ['250 ml', '350 ml', '500 ml'] }]);
		const [tee] = mapProduct(body('product_single_variable.json'), USD);
		expect(tee.attributes).toEqual([
			{ name: 'Color', slug: 'pa_color', values: ['Red', 'Blue', 'Green', 'Black'] },
			{ name: 'Size', slug: 'pa_size', values: ['S', 'M', 'L', 'XL'] },
		]);
	});
});

describe('variable product 53 and its 16 variations', () => {
	test('with WooCommerce\'s own id list only the parent is mapped', () => {
		const records = mapProduct(body('product_single_variable.json'), USD);
		expect(records).toHaveLength(1);
		expect(records[0]).toMatchObject({ sourceId: '53', type: 'variable', parentSourceId: null });
	});

	test('variations embedded under `variations` give the parent plus one variant each', () => {
		const parent = clone(body('product_single_variable.json'));
		parent.variations = allVariationsOf53();
		const records = mapProduct(parent, USD);
		expect(records).toHaveLength(17);
		expect(records[0].sourceId).toBe('53');
		expect(records.slice(1).map((r) => r.sourceId).sort()).toEqual(
			[54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69].map(String).sort(),
		);
		for (const variant of records.slice(1)) {
			expect(variant.type).toBe('variant');
			expect(variant.parentSourceId).toBe('53');
		}
	});

	test('variations passed as an option give the same records as embedded ones', () => {
		const embedded = clone(body('product_single_variable.json'));
		embedded.variations = allVariationsOf53();
		expect(mapProduct(body('product_single_variable.json'), { ...USD, variations: allVariationsOf53() })).toEqual(
			mapProduct(embedded, USD),
		);
	});

	test('a variation item alone maps to the same variant record as when nested', () => {
		const alone = mapProduct(body('product_variation_single.json'), USD);
		const parent = clone(body('product_single_variable.json'));
		parent.variations = allVariationsOf53();
		const nested = mapProduct(parent, USD).find((r) => r.sourceId === '55');
		expect(alone).toEqual([nested]);
	});

	test('variation 55 maps its own prices, stock, weight and chosen options', () => {
		const [variant] = mapProduct(body('product_variation_single.json'), USD);
		expect(variant).toEqual({
			sourceId: '55',
			parentSourceId: '53',
			sku: 'TB-V-003-RED-M',
			name: 'Red, M',
			type: 'variant',
			status: 'active',
			price: { amount: '18.00', currency: 'USD' },
			regularPrice: { amount: '18.00', currency: 'USD' },
			salePrice: null,
			stock: { managed: true, quantity: '5', status: 'in_stock' },
			weight: '0.3',
			dimensions: { length: null, width: null, height: null },
			categories: [],
			attributes: [
				{ name: 'Color', slug: 'pa_color', values: ['Red'] },
				{ name: 'Size', slug: 'pa_size', values: ['M'] },
			],
			images: [{ url: 'https://127.0.0.1:8443/wp-content/uploads/testbed/tb-green.png', alt: 'TB Green' }],
			createdAt: '2025-02-23T14:17:44Z',
			modifiedAt: '2025-06-28T07:06:40Z',
		});
	});

	test('a private (disabled) variation and an out-of-stock one keep their status', () => {
		const variants = allVariationsOf53().map((v) => mapProduct(v, USD)[0]);
		expect(variants.find((v) => v.sourceId === '64')?.status).toBe('private');
		expect(variants.find((v) => v.sourceId === '63')?.stock).toEqual({ managed: true, quantity: '-1', status: 'out_of_stock' });
	});

	test('a variation with image null (write response) has no images', () => {
		const [variant] = mapProduct(body('write_variation_update.json'), USD);
		expect(variant).toMatchObject({ sourceId: '54', parentSourceId: '53', images: [], price: { amount: '19.00' } });
		expect(variant.stock.quantity).toBe('42');
	});

	test('a variation given with the wrong parent is refused', () => {
		const other = clone(body('product_variable_custom_attr.json'));
		other.variations = [body('product_variation_single.json')];
		expect(() => mapProduct(other, USD)).toThrow(/^variation 55 of product 53: parent_id is 53, but the variation was given with product 78/);
	});

	test('the same variation twice is mapped once', () => {
		const v = body('product_variation_single.json');
		const records = mapProduct(body('product_single_variable.json'), { ...USD, variations: [v, clone(v)] });
		expect(records.map((r) => r.sourceId)).toEqual(['53', '55']);
	});

	test('variations on a simple product are refused', () => {
		expect(() => mapProduct(body('product_single_simple.json'), { ...USD, variations: [body('product_variation_single.json')] })).toThrow(
			/variation 55 of product 53: parent_id is 53, but the variation was given with product 23/,
		);
		const v = clone(body('product_variation_single.json'));
		v.parent_id = 23;
		expect(() => mapProduct(body('product_single_simple.json'), { ...USD, variations: [v] })).toThrow(
			/^product 23: variations were given for a simple product/,
		);
	});
});

describe('custom-attribute variations (product 78, Enamel Mug)', () => {
	// The store has no capture of /products/78/variations; this variation is variation 55's capture
	// reshaped the way WooCommerce reports a custom attribute on a variation (id 0, option as typed).
	const mugVariation = () => {
		const v = clone(body('product_variation_single.json'));
		Object.assign(v, { id: 80, parent_id: 78, sku: 'TB-V-006-350-ML', name: '350 ml', price: '14.00', regular_price: '14.00' });
		v.attributes = [{ id: 0, name: 'Capacity', slug: 'Capacity', option: '350 ml' }];
		return v;
	};

	test('the variant has the custom attribute with a null slug and its chosen value', () => {
		const records = mapProduct(body('product_variable_custom_attr.json'), { ...USD, variations: [mugVariation()] });
		expect(records).toHaveLength(2);
		expect(records[1]).toMatchObject({
			sourceId: '80',
			parentSourceId: '78',
			sku: 'TB-V-006-350-ML',
			price: { amount: '14.00', currency: 'USD' },
			attributes: [{ name: 'Capacity', slug: null, values: ['350 ml'] }],
		});
	});

	test('an "any value" attribute (empty option) has no values', () => {
		const v = mugVariation();
		v.attributes[0].option = '';
		expect(mapProduct(v, USD)[0].attributes).toEqual([{ name: 'Capacity', slug: null, values: [] }]);
	});
});

describe('validation errors name the record and the field', () => {
	test.each<[string, (p: any) => void, RegExp]>([
		['id missing', (p) => delete p.id, /^product \(without id\): id is missing/],
		['id not a number', (p) => (p.id = 'abc'), /^product abc: id is "abc", expected a positive integer id/],
		['date_modified_gmt missing', (p) => delete p.date_modified_gmt, /^product 23: date_modified_gmt is missing and date_modified/],
		['both modified dates missing', (p) => { delete p.date_modified_gmt; delete p.date_modified; }, /^product 23: date_modified_gmt is missing — /],
		['malformed price', (p) => (p.regular_price = '9,50'), /^product 23: regular_price is "9,50", expected a decimal string/],
		['price as a float number', (p) => (p.price = 9.5), /^product 23: price is 9.5, expected a decimal string/],
		['unknown status', (p) => (p.status = 'published'), /^product 23: status — unknown product status "published"/],
		['unknown type', (p) => (p.type = 'bundle'), /^product 23: type — unknown product type "bundle"/],
		['manage_stock missing', (p) => delete p.manage_stock, /^product 23: manage_stock is missing/],
		['category without id', (p) => delete p.categories[0].id, /^product 23: categories\[0\]\.id is missing/],
		['malformed weight', (p) => (p.weight = 'heavy'), /^product 23: weight is "heavy"/],
	])('%s', (_name, mutate, message) => {
		const p = clone(body('product_single_simple.json'));
		mutate(p);
		expect(() => mapProduct(p, USD)).toThrow(message);
	});

	test('a variation item without parent_id is refused', () => {
		const v = clone(body('product_variation_single.json'));
		delete v.parent_id;
		expect(() => mapProduct(v, USD)).toThrow(/^variation 55: parent_id is missing/);
	});

	test('a non-object item is refused', () => {
		expect(() => mapProduct([], USD)).toThrow(/expected a WooCommerce product object/);
	});
});
