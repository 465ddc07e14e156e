import type { AvailabilityRow } from '../../../../../nodes/shared/extend-commerce/availabilityReader';
import { addBalances, combineWarehouses, withEveryWarehouse } from '../../../../../nodes/shared/extend-commerce/availabilityWarehouses';

const row = (productNumber: string, warehouse: string, availableBalance: number, changed = '2026-11-28T10:00:00Z'): AvailabilityRow => ({ productNumber, warehouse, availableBalance, changed });

describe('balances of several warehouses', () => {
	it('adds decimal balances exactly', () => {
		expect(addBalances([0.1, 0.2])).toBe(0.3);
		expect(addBalances([1.005, 2, 3.5])).toBe(6.505);
		expect(addBalances([])).toBe(0);
	});

	it('keeps single-warehouse products, refuses or adds up the others, in the order products were read', () => {
		const rows = [row('A', 'MAIN', 1), row('B', 'MAIN', 2), row('A', 'NORTH', 0.5, '2026-11-28T11:00:00Z'), row('C', 'NORTH', 3)];
		const refused = combineWarehouses(rows, 'refuse');
		expect(refused.rows.map((r) => r.productNumber)).toEqual(['B', 'C']);
		expect(refused.conflicts).toEqual([{ productNumber: 'A', warehouses: ['MAIN', 'NORTH'], balances: [rows[0], rows[2]] }]);
		const added = combineWarehouses(rows, 'addUp');
		expect(added.conflicts).toEqual([]);
		expect(added.rows.map((r) => [r.productNumber, r.warehouse, r.availableBalance, r.changed])).toEqual([
			['A', 'MAIN+NORTH', 1.5, '2026-11-28T11:00:00Z'],
			['B', 'MAIN', 2, '2026-11-28T10:00:00Z'],
			['C', 'NORTH', 3, '2026-11-28T10:00:00Z'],
		]);
	});

	it('replaces changed rows by every warehouse of their product, and keeps those the second read missed', () => {
		const changed = [row('A', 'NORTH', 1), row('B', 'MAIN', 2)];
		const whole = [row('A', 'MAIN', 5), row('A', 'NORTH', 1), row('Z', 'MAIN', 9)];
		expect(withEveryWarehouse(changed, whole)).toEqual([whole[0], whole[1], changed[1]]);
	});
});
