import type { ExtendOrderRow } from '../../../../../nodes/shared/mapping/extendOrder';
import { hasChanges, heldRowsOf, orderRowChanges } from '../../../../../nodes/shared/mapping/orderRowChanges';

const row = (productNumber: string, position: number, quantity = 1, unitPrice = 10): ExtendOrderRow => ({
	product: { productNumber },
	salesData: { quantity, unit: 'ST', unitPrice, vatPercent: 25, currency: 'SEK' },
	supplyMode: 'Warehouse',
	warehouse: 'MAIN',
	externalRow: { externalPosition: position },
});
const held = (r: ExtendOrderRow, extra: Record<string, unknown> = {}) => ({ ...structuredClone(r), rowPosition: 1, rowStatus: 'Active', ...extra });

describe('orderRowChanges: WooCommerce rows against the rows Extend holds', () => {
	it('finds nothing when every row matches (numbers held as strings count as equal)', () => {
		const sent = [row('TEE', 10), row('MUG', 20)];
		const copy = sent.map((r) => held(r, { salesData: { ...r.salesData, unitPrice: '10.00' } }));
		expect(hasChanges(orderRowChanges(sent, copy))).toBe(false);
	});

	it('updates a row whose quantity or price changed, adds a new position, inactivates a position that is gone', () => {
		const changes = orderRowChanges([row('TEE', 10, 2), row('CAP', 30)], [held(row('TEE', 10)), held(row('MUG', 20))]);
		expect(changes.update.map((r) => r.externalRow.externalPosition)).toEqual([10]);
		expect(changes.add.map((r) => r.externalRow.externalPosition)).toEqual([30]);
		expect(changes.inactivate).toEqual([{ productNumber: 'MUG', externalPosition: '20' }]);
	});

	it('ignores rows Extend holds inactive, by rowOperation or rowStatus, so a line sent again is added', () => {
		const changes = orderRowChanges([row('TEE', 10)], [held(row('TEE', 10), { rowOperation: 'Inactive' }), held(row('MUG', 20), { rowStatus: 'Inactive' })]);
		expect(changes).toEqual({ update: [], add: [row('TEE', 10)], inactivate: [] });
	});

	it('replaces a row whose product changed on the same position: the old one inactive, the new one added', () => {
		const changes = orderRowChanges([row('CAP', 10)], [held(row('TEE', 10))]);
		expect(changes).toEqual({ update: [], add: [row('CAP', 10)], inactivate: [{ productNumber: 'TEE', externalPosition: '10' }] });
	});

	it('says when Extend\'s answer lists no rows', () => {
		expect(heldRowsOf({ status: 'Registered' })).toBeUndefined();
		expect(heldRowsOf({ orderRows: [held(row('TEE', 10))] })).toHaveLength(1);
	});
});
