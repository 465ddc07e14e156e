import { BEGINNING_OF_TIME } from '../../../../nodes/shared/woocommerce/window';
import { startOf, type StartInput } from '../../../../nodes/WooCommerceFetch/since';

const orderStart = Date.UTC(2025, 0, 1) / 1000;
const base: StartInput = { since: 'cursor', resource: 'orders', orderStart };
const at = (iso: string) => Date.parse(iso) / 1000;

describe('where a fetch starts', () => {
	it.each<[string, Partial<StartInput>, number]>([
		['an ISO cursor', { cursor: '2025-06-01T10:00:00Z' }, at('2025-06-01T10:00:00Z')],
		['a cursor with an offset', { cursor: '2025-06-01T12:00:00+02:00' }, at('2025-06-01T10:00:00Z')],
		['a cursor without a zone (UTC)', { cursor: '2025-06-01T10:00:00' }, at('2025-06-01T10:00:00Z')],
		['a cursor with milliseconds (cut to the second)', { cursor: '2025-06-01T10:00:00.900Z' }, at('2025-06-01T10:00:00Z')],
		['a Date from a date column', { cursor: new Date('2025-06-01T10:00:00Z') }, at('2025-06-01T10:00:00Z')],
		['a date-like value with toISO', { cursor: { toISO: () => '2025-06-01T10:00:00.000Z' } }, at('2025-06-01T10:00:00Z')],
		['an empty cursor for orders: Order Start', { cursor: '' }, orderStart],
		['a blank cursor for orders: Order Start', { cursor: '   ' }, orderStart],
		['no cursor for orders: Order Start', { cursor: undefined }, orderStart],
		['a null cursor for products: the beginning', { cursor: null, resource: 'products' }, BEGINNING_OF_TIME],
		['Order Start ignores the cursor', { since: 'orderStart', cursor: '2025-06-01T10:00:00Z' }, orderStart],
		['a given date', { since: 'date', sinceDate: '2025-03-01T00:00:00Z', cursor: '2025-06-01T10:00:00Z' }, at('2025-03-01T00:00:00Z')],
	])('%s', (_label, overrides, expected) => {
		expect(startOf({ ...base, ...overrides })).toBe(expected);
	});

	it('names the Cursor parameter and the fix when the cursor is not a date', () => {
		expect(() => startOf({ ...base, cursor: 'yesterday' })).toThrow('Cursor "yesterday" is not a date');
		try {
			startOf({ ...base, cursor: 42 });
		} catch (error) {
			expect((error as { description: string }).description).toMatch(/ISO 8601 date .* "cursor" column/);
		}
		expect.assertions(2);
	});

	it('names Since Date when the given date is not a date', () => {
		expect(() => startOf({ ...base, since: 'date', sinceDate: '' })).toThrow('Since Date "" is not a date');
	});
});
