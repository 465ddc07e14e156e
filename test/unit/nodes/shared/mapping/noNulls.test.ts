import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { mapOrderToExtend, type OrderMappingSettings } from '../../../../../nodes/shared/mapping/extendOrder';
import { mapProductToExtend } from '../../../../../nodes/shared/mapping/extendProduct';
import { isObject, MappingError } from '../../../../../nodes/shared/mapping/fields';

/**
 * Extend's documented models never take null for a value, so nothing the push sends may hold
 * one: every order and every product or variation of every captured WooCommerce answer is mapped
 * under settings that send every optional field, and its document searched for null.
 */
const FIXTURES = path.join(__dirname, '../../../../fixtures/woocommerce/real-10.0.2');

type Json = Record<string, unknown>;

/** Every object of every captured answer body (lists, single records, batch answers), by file. */
function capturedRecords(): Array<{ file: string; record: Json }> {
	const records: Array<{ file: string; record: Json }> = [];
	const walk = (file: string, value: unknown): void => {
		if (Array.isArray(value)) return value.forEach((entry) => walk(file, entry));
		if (!isObject(value)) return;
		records.push({ file, record: value });
		for (const entry of Object.values(value)) if (Array.isArray(entry)) walk(file, entry);
	};
	for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.json'))) {
		walk(file, (JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { body: unknown }).body);
	}
	return records;
}

const isOrder = (record: Json) => Array.isArray(record.line_items) && 'order_key' in record;
// An order's line items carry a sku and a price too, but never a regular_price.
const isProductOrVariation = (record: Json) => typeof record.sku === 'string' && 'regular_price' in record && !('line_items' in record);

/** Paths of every null inside a value, e.g. "orderHeader.deliveryMethod". */
function nullsIn(value: unknown, at = ''): string[] {
	if (value === null) return [at || '(the document)'];
	if (Array.isArray(value)) return value.flatMap((entry, i) => nullsIn(entry, `${at}[${i}]`));
	if (isObject(value)) return Object.entries(value).flatMap(([key, entry]) => nullsIn(entry, at ? `${at}.${key}` : key));
	return [];
}

const orderSettings: OrderMappingSettings = {
	orderType: 'Normal',
	orderNumberPrefix: 'WEB-',
	customer: { mode: 'wooCustomerId', prefix: 'WC-', guestCustomerNumber: 'WEBSHOP' },
	unit: 'ST',
	warehouse: 'MAIN',
	supplyMode: 'Warehouse',
	deliveryMethods: { flat_rate: 'Postnord' },
	defaultDeliveryMethod: 'Standard',
	pricesIncludeVat: true,
	sendPromotionCode: true,
	partialDelivery: true,
	askedDeliveryDate: 'orderDate',
	shippingProductNumber: 'FREIGHT',
};

/** The captured records the mapping refuses (each with a named field), so a new refusal cannot hide a record from the null check. */
const EXPECTED_ORDER_REFUSALS: string[] = [];
const EXPECTED_PRODUCT_REFUSALS: string[] = [];

describe('nothing the push sends holds null (every captured WooCommerce 10.0.2 answer)', () => {
	const records = capturedRecords();
	const orders = records.filter(({ record }) => isOrder(record));
	const products = records.filter(({ record }) => isProductOrVariation(record));

	it('finds the captured orders, products and variations', () => {
		expect(orders.length).toBeGreaterThanOrEqual(10);
		expect(products.length).toBeGreaterThanOrEqual(20);
		expect(products.some(({ record }) => record.type === 'variation' || 'parent_id' in record)).toBe(true);
	});

	it('order documents', () => {
		const found: string[] = [];
		const refused: string[] = [];
		let mapped = 0;
		for (const { file, record } of orders) {
			let document: unknown;
			try {
				document = mapOrderToExtend(record, orderSettings);
			} catch (error) {
				// Only a refusal naming a field is a record-level outcome (nothing is sent); anything else is a bug.
				expect(error).toBeInstanceOf(MappingError);
				refused.push(`${file} order ${String(record.id)}: ${(error as Error).message}`);
				continue;
			}
			mapped += 1;
			found.push(...nullsIn(document).map((field) => `${file} order ${String(record.id)}: ${field}`));
		}
		expect(mapped).toBeGreaterThanOrEqual(10);
		expect(refused).toEqual(EXPECTED_ORDER_REFUSALS);
		expect(found).toEqual([]);
	});

	it('product and variation documents, variable products with their variations embedded', () => {
		const variationsOf = new Map<unknown, Json[]>();
		for (const { record } of products) if (typeof record.parent_id === 'number' && record.parent_id > 0) variationsOf.set(record.parent_id, [...(variationsOf.get(record.parent_id) ?? []), record]);
		const found: string[] = [];
		const refused: string[] = [];
		let mapped = 0;
		for (const { file, record } of products) {
			const input = record.type === 'variable' ? { ...record, variations: variationsOf.get(record.id) ?? [] } : record;
			for (const result of mapProductToExtend(input, { unit: 'ST', currency: 'SEK', vatPercent: '25', vatByTaxClass: {} })) {
				if (!result.ok) {
					refused.push(`${file} ${String(result.wooCommerceId)}: ${JSON.stringify(result)}`);
					continue;
				}
				mapped += 1;
				found.push(...nullsIn(result.document).map((field) => `${file} ${result.wooCommerceId}: ${field}`));
			}
		}
		expect(mapped).toBeGreaterThanOrEqual(20);
		expect(refused).toEqual(EXPECTED_PRODUCT_REFUSALS);
		expect(found).toEqual([]);
	});
});
