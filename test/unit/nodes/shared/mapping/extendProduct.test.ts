import { readFileSync } from 'node:fs';
import path from 'node:path';

import { mapProductToExtend, sameProduct, type ProductMappingSettings } from '../../../../../nodes/shared/mapping/extendProduct';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fixture = (name: string): any => (JSON.parse(readFileSync(path.join(__dirname, '../../../../fixtures/woocommerce/real-10.0.2', `${name}.json`), 'utf8')) as { body: Json }).body; // eslint-disable-line @typescript-eslint/no-explicit-any

const settings: ProductMappingSettings = { unit: 'ST', currency: 'SEK', vatPercent: '25', vatByTaxClass: { 'reduced-rate': '12' } };

describe('mapProductToExtend', () => {
	it('maps a captured simple product to the assumed document, stock and what WooCommerce lacks (GTIN, parent) left out', () => {
		const product = fixture('product_single_simple');
		const [mapped] = mapProductToExtend(product, settings);
		expect(mapped).toMatchObject({ ok: true, wooCommerceId: String(product.id) });
		const document = (mapped as { document: Json }).document;
		expect(product.global_unique_id).toBe('');
		expect(Object.keys(document).sort()).toEqual(['active', 'currency', 'height', 'length', 'name', 'price', 'productNumber', 'unit', 'vatPercent', 'weight', 'width']);
		expect(document).toMatchObject({ productNumber: product.sku, name: product.name, price: Number(product.regular_price), currency: 'SEK', vatPercent: 25, active: true });
	});

	it('maps a variable product with embedded variations: each variation under its own SKU with the parent\'s', () => {
		const parent: Json = { ...fixture('product_single_variable'), variations: fixture('product_variations_list_page1').slice(0, 2) };
		const mapped = mapProductToExtend(parent, settings);
		expect(mapped.map((m) => (m.ok ? [m.document.productNumber, m.document.parentProductNumber, m.document.name] : null))).toEqual([
			['TB-V-003', undefined, parent.name],
			[parent.variations[0].sku, 'TB-V-003', `${parent.name} – ${parent.variations[0].name}`],
			[parent.variations[1].sku, 'TB-V-003', `${parent.name} – ${parent.variations[1].name}`],
		]);
	});

	it('maps a variation item on its own, VAT by its tax class', () => {
		const variation: Json = { ...fixture('product_variation_single'), tax_class: 'reduced-rate', global_unique_id: '7350000000028' };
		const [mapped] = mapProductToExtend(variation, settings);
		expect(mapped).toMatchObject({ ok: true, document: { productNumber: variation.sku, vatPercent: 12, gtin: '7350000000028', weight: 0.3 } });
		expect((mapped as { document: Json }).document).not.toHaveProperty('parentProductNumber');
	});

	it('refuses a record without SKU on its own, the others still map', () => {
		const parent: Json = { ...fixture('product_single_variable'), variations: fixture('product_variations_list_page1').slice(0, 2) };
		parent.variations[1] = { ...parent.variations[1], sku: '' };
		const mapped = mapProductToExtend(parent, settings);
		expect(mapped.map((m) => m.ok)).toEqual([true, true, false]);
		const refused = mapped[2] as { label: string; error: { message: string; fix: string } };
		expect(refused.label).toBe(`variation ${parent.variations[1].id} of product 53`);
		expect(refused.error.fix).toMatch(/Extend order rows refer to products by SKU/);
	});
});

describe('sameProduct', () => {
	const [mapped] = mapProductToExtend(fixture('product_single_simple'), settings);
	const document = (mapped as { document: Json }).document as Parameters<typeof sameProduct>[0];

	it('is true when Extend holds the same fields (numbers by value, a field left out as empty or missing), whatever Extend added', () => {
		const held: Json = { ...document, price: String(document.price), gtin: null, parentProductNumber: '', created: '2025-01-01T00:00:00Z', stock: 5 };
		expect(sameProduct(document, held)).toBe(true);
	});

	it('is false when any sent field differs', () => {
		expect(sameProduct(document, { ...document, name: 'Other' })).toBe(false);
		expect(sameProduct(document, { ...document, price: (document.price ?? 0) + 1 })).toBe(false);
		expect(sameProduct({ ...document, gtin: '123' }, { ...document, gtin: null })).toBe(false);
		// A GTIN removed in WooCommerce: the document leaves it out, Extend still holds one.
		expect(sameProduct(document, { ...document, gtin: '7350000000028' })).toBe(false);
		expect(sameProduct(document, null)).toBe(false);
	});
});
