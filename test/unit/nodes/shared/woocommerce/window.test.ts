import { parseUtc, planWindow, splitWindow, toIsoUtc, toWooDate, windowContains, windowQuery } from '../../../../../nodes/shared/woocommerce/window';

const at = (iso: string) => parseUtc(iso) as number;

describe('timestamps', () => {
	it.each([
		['2025-06-01T12:00:00Z', '2025-06-01T12:00:00Z'],
		['2025-06-01T12:00:00', '2025-06-01T12:00:00Z'],
		['2025-06-01T14:00:00+02:00', '2025-06-01T12:00:00Z'],
		['2025-06-01T07:00:00-0500', '2025-06-01T12:00:00Z'],
		['2025-06-01T12:00:00.999Z', '2025-06-01T12:00:00Z'],
		['2025-06-01', '2025-06-01T00:00:00Z'],
	])('reads %s as %s', (input, expected) => expect(toIsoUtc(at(input))).toBe(expected));

	it.each(['', 'yesterday', '2025-13-45T99:00:00Z'])('refuses %p', (input) => {
		const parsed = parseUtc(input);
		expect(parsed === undefined || Number.isNaN(parsed) || toIsoUtc(parsed) !== input).toBe(true);
	});

	it('writes WooCommerce dates as naive UTC with second precision', () => expect(toWooDate(at('2025-03-30T01:30:00Z'))).toBe('2025-03-30T01:30:00'));
});

describe('windows', () => {
	const window = { start: at('2025-06-01T00:00:00Z'), end: at('2025-06-02T00:00:00Z') };

	it('queries one second early because modified_after is strict, and ends exclusive', () => {
		expect(windowQuery(window)).toEqual({ modified_after: '2025-05-31T23:59:59', modified_before: '2025-06-02T00:00:00', dates_are_gmt: 'true' });
	});

	it('contains its start and not its end', () => {
		expect(windowContains(window, '2025-06-01T00:00:00')).toBe(true);
		expect(windowContains(window, '2025-06-01T23:59:59')).toBe(true);
		expect(windowContains(window, '2025-06-02T00:00:00')).toBe(false);
		expect(windowContains(window, '2025-05-31T23:59:59')).toBe(false);
		expect(windowContains(window, null)).toBe(false);
		expect(windowContains(window, '2025-06-01T02:00:00+02:00')).toBe(true);
		expect(windowContains(window, '2025-06-02T01:59:59+02:00')).toBe(true);
		expect(windowContains(window, '2025-06-02T02:00:00+02:00')).toBe(false);
	});

	it('splits into two halves that cover it exactly', () => {
		const [first, second] = splitWindow(window);
		expect(first.start).toBe(window.start);
		expect(first.end).toBe(second.start);
		expect(second.end).toBe(window.end);
	});

	it('ends at the store clock minus the settle time, and is empty when that is not after the start', () => {
		expect(planWindow({ start: 100, storeNow: 1000, settleSeconds: 30 })).toEqual({ start: 100, end: 970 });
		expect(planWindow({ start: 980, storeNow: 1000, settleSeconds: 30 })).toBeNull();
	});
});
