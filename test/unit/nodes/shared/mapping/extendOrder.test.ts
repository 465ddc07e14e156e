import { readFileSync } from 'node:fs';
import path from 'node:path';

import { mapOrderToExtend, orderActionFor, type OrderMappingSettings } from '../../../../../nodes/shared/mapping/extendOrder';
import { MappingError } from '../../../../../nodes/shared/mapping/fields';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const captured = (JSON.parse(readFileSync(path.join(__dirname, '../../../../fixtures/woocommerce/real-10.0.2/order_single.json'), 'utf8')) as { body: Json }).body;

const settings: OrderMappingSettings = {
	orderType: 'Normal',
	orderNumberPrefix: '',
	customer: { mode: 'fixed', customerNumber: 'WEBSHOP' },
	unit: 'ST',
	warehouse: 'MAIN',
	supplyMode: 'Warehouse',
	deliveryMethods: { flat_rate: 'Postnord' },
	defaultDeliveryMethod: '',
	pricesIncludeVat: false,
	sendPromotionCode: false,
	partialDelivery: false,
	askedDeliveryDate: 'orderDate',
	shippingProductNumber: '',
};

/** The captured order with 25 % VAT and a 10 % coupon on a line of 3 × 20.00. */
function taxedOrder(): Json {
	const order = structuredClone(captured);
	order.line_items = [
		{ ...order.line_items[0], id: 7, sku: 'MUG', quantity: 3, subtotal: '60.00', subtotal_tax: '15.00', total: '54.00', total_tax: '13.50', taxes: [{ id: 1, total: '13.50', subtotal: '15.00' }, { id: 2, total: '', subtotal: '' }] },
	];
	order.tax_lines = [
		{ id: 9, rate_id: 1, rate_code: 'SE-MOMS-1', rate_percent: 25, tax_total: '13.50', shipping_tax_total: '1.25' },
		{ id: 10, rate_id: 2, rate_code: 'SE-LOW', rate_percent: 12, tax_total: '0.00', shipping_tax_total: '0.00' },
	];
	order.coupon_lines = [{ id: 11, code: 'summer10', discount: '6.00', discount_tax: '1.50' }];
	order.shipping_lines = [{ ...order.shipping_lines[0], method_id: 'local_pickup', total: '5.00', total_tax: '1.25', taxes: [{ id: 1, total: '1.25', subtotal: '' }] }];
	return order;
}

describe('mapOrderToExtend', () => {
	it('maps the captured order into Extend\'s documented CustomerOrder fields', () => {
		expect(mapOrderToExtend(captured, { ...settings, orderNumberPrefix: 'WEB-' })).toEqual({
			orderHeader: {
				orderType: 'Normal',
				orderNumberExternal: 'WEB-91',
				customerNumber: 'WEBSHOP',
				askedDeliveryDate: `${captured.date_created_gmt}+00:00`,
				deliveryMethod: 'Postnord',
				freightFree: false,
				partialDelivery: false,
			},
			orderRows: [
				{
					product: { productNumber: 'TB-S-019' },
					salesData: { quantity: 3, unit: 'ST', unitPrice: 22, vatPercent: 0, currency: 'USD' },
					supplyMode: 'Warehouse',
					warehouse: 'MAIN',
					externalRow: { externalPosition: 1 },
				},
			],
		});
	});

	it('sends the discounted net price with the VAT rates that charged the line', () => {
		const row = mapOrderToExtend(taxedOrder(), settings).orderRows[0];
		expect(row.salesData).toEqual({ quantity: 3, unit: 'ST', unitPrice: 18, vatPercent: 25, currency: 'USD' });
	});

	it('sends prices including VAT when told, and the coupon as promotion code with prices before discounts', () => {
		expect(mapOrderToExtend(taxedOrder(), { ...settings, pricesIncludeVat: true }).orderRows[0].salesData.unitPrice).toBe(22.5);
		const promoted = mapOrderToExtend(taxedOrder(), { ...settings, sendPromotionCode: true });
		expect(promoted.orderHeader.Promotion).toEqual({ usePromotions: true, promotionCode: 'summer10' });
		expect(promoted.orderRows[0].salesData.unitPrice).toBe(20);
	});

	it('falls back to the default delivery method, or sends none', () => {
		expect(mapOrderToExtend(taxedOrder(), { ...settings, defaultDeliveryMethod: 'Hamtas' }).orderHeader.deliveryMethod).toBe('Hamtas');
		expect(mapOrderToExtend(taxedOrder(), settings).orderHeader).not.toHaveProperty('deliveryMethod');
	});

	it('adds shipping as a freight row when a freight product number is set', () => {
		const rows = mapOrderToExtend(taxedOrder(), { ...settings, shippingProductNumber: 'FRAKT', pricesIncludeVat: true }).orderRows;
		expect(rows[1]).toMatchObject({ product: { productNumber: 'FRAKT' }, salesData: { quantity: 1, unitPrice: 6.25, vatPercent: 25 } });
	});

	it.each([
		[{ ...settings, customer: { mode: 'fixed' as const, customerNumber: ' ' } }, 'customer_id', /Webshop Customer Number/],
		[{ ...settings, customer: { mode: 'wooCustomerId' as const, prefix: 'WC-', guestCustomerNumber: '' } }, 'customer_id', /Guest Customer Number/],
		[{ ...settings, warehouse: '' }, 'id', /Warehouse/],
	])('refuses an order it cannot address, naming the field and the fix', (given, field, fix) => {
		let error: unknown;
		try {
			mapOrderToExtend(captured, given);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(MappingError);
		expect((error as MappingError).field).toBe(field);
		expect((error as MappingError).fix).toMatch(fix);
	});

	it('refuses a line without SKU, saying Extend order rows refer to products by SKU', () => {
		const order = structuredClone(captured);
		order.line_items[0].sku = '';
		expect(() => mapOrderToExtend(order, settings)).toThrow(/^order 91: line_items\[0\]\.sku is empty \(line "Water Bottle"\)$/);
	});

	it('decides per status: sent, cancelled (also when trashed: issue 23), skipped', () => {
		const sent = ['processing', 'on-hold', 'completed'];
		expect(['processing', 'wc-on-hold', 'completed', 'cancelled', 'pending', 'failed', 'checkout-draft', 'trash', 'refunded'].map((s) => orderActionFor(s, sent))).toEqual([
			'send',
			'send',
			'send',
			'cancel',
			'skip',
			'skip',
			'skip',
			'cancel',
			'skip',
		]);
	});
});
