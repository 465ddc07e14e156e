import type { StockTarget } from '../../../../../../nodes/shared/woocommerce/storeWriter/skuIndex';
import { planStock, wholeUnits } from '../../../../../../nodes/shared/woocommerce/storeWriter/stockPlan';

const product = (sku: string, id: number, stockQuantity: number | null, managesStock = true): StockTarget => ({ sku, id, parentId: 0, stockQuantity, managesStock });
const variation = (sku: string, id: number, parentId: number, stockQuantity: number | null): StockTarget => ({ sku, id, parentId, stockQuantity, managesStock: true });

describe('stock plan', () => {
	it.each([
		[5, 5],
		['12', 12],
		[2.9, 2],
		[-1.5, -2],
		[0, 0],
	])('reads %p as %p whole units (rounded down)', (value, quantity) => {
		expect(wholeUnits(value)).toEqual({ ok: true, quantity });
	});

	it.each([[undefined], [''], ['ten'], [Number.NaN], [{}]])('names a quantity it cannot read: %p', (value) => {
		expect(wholeUnits(value)).toMatchObject({ ok: false, message: expect.stringContaining('Quantity') });
	});

	it('writes only what differs, products and variations through their own routes, ≤ 100 per batch', () => {
		const targets = new Map<string, StockTarget>();
		const records = [];
		for (let i = 0; i < 250; i++) {
			targets.set(`P-${i}`, product(`P-${i}`, 1000 + i, 1));
			records.push({ itemIndex: i, sku: `P-${i}`, quantity: i === 0 ? 1 : 2 });
		}
		targets.set('V-1', variation('V-1', 55, 53, 3));
		records.push({ itemIndex: 250, sku: 'V-1', quantity: 4 });
		const plan = planStock(records, targets, { enableStockManagement: true });
		expect(plan.decided).toEqual([{ itemIndex: 0, sku: 'P-0', outcome: 'unchanged', quantity: 1, previousQuantity: 1, productId: 1000 }]);
		expect(plan.batches.map((batch) => [batch.route, batch.writes.length])).toEqual([
			['products/batch', 100],
			['products/batch', 100],
			['products/batch', 49],
			['products/53/variations/batch', 1],
		]);
		expect(plan.batches[3].body).toEqual({ update: [{ id: 55, stock_quantity: 4 }] });
	});

	it('fails unknown SKUs and empty SKUs, skips all but the last item of a SKU, and turns stock management on when allowed', () => {
		const targets = new Map([['A', product('A', 1, null, false)]]);
		const records = [
			{ itemIndex: 0, sku: 'NOPE', quantity: 1 },
			{ itemIndex: 1, sku: '', quantity: 1 },
			{ itemIndex: 2, sku: 'A', quantity: 7 },
			{ itemIndex: 3, sku: 'A', quantity: 8 },
		];
		const plan = planStock(records, targets, { enableStockManagement: true });
		expect(plan.decided.map((result) => [result.itemIndex, result.outcome, result.error?.field])).toEqual([
			[0, 'failed', 'sku'],
			[1, 'failed', 'sku'],
			[2, 'skipped', 'sku'],
		]);
		expect(plan.decided[0].error?.message).toBe('No product or variation in the store has SKU "NOPE"');
		expect(plan.batches[0].body).toEqual({ update: [{ id: 1, stock_quantity: 8, manage_stock: true }] });
		const strict = planStock([{ itemIndex: 0, sku: 'A', quantity: 8 }], targets, { enableStockManagement: false });
		expect(strict.batches).toEqual([]);
		expect(strict.decided[0]).toMatchObject({ outcome: 'failed', error: { message: expect.stringContaining('Manage Stock') } });
	});
});
