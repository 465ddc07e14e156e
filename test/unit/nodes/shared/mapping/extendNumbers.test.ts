import { perUnit, toJsonNumber } from '../../../../../nodes/shared/mapping/extendNumbers';

describe('exact numbers for Extend', () => {
	it.each([
		['59.97', '3', '19.99'],
		['66.00', '3', '22.00'],
		['10.00', '3', '3.3333'],
		['0.05', '2', '0.025'],
		['35.97', '3', '11.99'],
		['0.00', '0', '0.00'],
	])('%s ÷ %s = %s (exact when it divides, else up to 4 decimals)', (amount, quantity, expected) => {
		expect(perUnit(amount, quantity)).toBe(expected);
	});

	it('writes decimals as the JSON numbers of the same digits', () => {
		expect(JSON.stringify({ unitPrice: toJsonNumber(perUnit('59.97', '3')), total: toJsonNumber('59.97') })).toBe('{"unitPrice":19.99,"total":59.97}');
		expect(JSON.stringify(toJsonNumber('0.1'))).toBe('0.1');
		expect(toJsonNumber('-0.00')).toBe(0);
	});

	it('refuses a value that a JSON number cannot carry exactly, and a quantity of 0 with an amount', () => {
		expect(() => toJsonNumber('12345678901234567.89')).toThrow(/more than 15 significant digits/);
		expect(() => perUnit('5.00', '0')).toThrow(/quantity is 0/);
	});
});
