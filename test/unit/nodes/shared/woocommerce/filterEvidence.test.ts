import { modifiedSeconds, sortByWindow } from '../../../../../nodes/shared/woocommerce/filterEvidence';

const at = (iso: string) => Date.parse(`${iso}Z`) / 1000;
const window = { start: at('2025-06-01T00:00:00'), end: at('2025-06-02T00:00:00') };

describe('sorting what a windowed list returned', () => {
	it('reads WooCommerce\'s naive UTC form and other ISO forms', () => {
		expect(modifiedSeconds({ id: 1, date_modified_gmt: '2025-06-01T12:00:00' })).toBe(at('2025-06-01T12:00:00'));
		expect(modifiedSeconds({ id: 1, date_modified_gmt: '2025-06-01T14:00:00+02:00' })).toBe(at('2025-06-01T12:00:00'));
		expect(modifiedSeconds({ id: 1, date_modified_gmt: null })).toBeUndefined();
	});

	it('keeps records in the window, counts those changed during the read, and names one dated before it', () => {
		const sorted = sortByWindow(
			[
				{ id: 1, date_modified_gmt: '2025-06-01T00:00:00' },
				{ id: 2, date_modified_gmt: '2025-06-01T23:59:59' },
				{ id: 3, date_modified_gmt: '2025-06-02T00:00:00' },
				{ id: 4, date_modified_gmt: '2026-11-29T04:18:32' },
				{ id: 5, date_modified_gmt: '2025-05-31T23:59:59' },
			],
			window,
		);
		expect(sorted.inWindow.map((record) => record.id)).toEqual([1, 2]);
		expect(sorted.changedDuringRead).toBe(2);
		expect(sorted.beforeWindow?.id).toBe(5);
		expect(sorted.latest).toBe(at('2025-06-01T23:59:59'));
	});

	it('takes a record without a date for evidence, never for a change', () => {
		expect(sortByWindow([{ id: 9 }], window).beforeWindow?.id).toBe(9);
	});
});
