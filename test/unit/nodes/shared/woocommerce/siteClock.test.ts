import { fallBackStretches, zoneOffsets } from '../../../../../nodes/shared/woocommerce/siteClock';

const at = (iso: string) => Date.parse(iso) / 1000;
const year2025 = { start: at('2025-01-01T00:00:00Z'), end: at('2026-01-01T00:00:00Z') };

describe('a store clock that falls back', () => {
	it('knows a zone\'s offset in winter and summer', () => {
		const newYork = zoneOffsets('America/New_York')!;
		expect(newYork(at('2025-01-15T12:00:00Z'))).toBe(-5 * 3600);
		expect(newYork(at('2025-07-15T12:00:00Z'))).toBe(-4 * 3600);
		expect(zoneOffsets('Not/A_Zone')).toBeUndefined();
	});

	it.each([
		// zone, fall-back instant (UTC), as local clocks went back one hour
		['America/New_York', '2025-11-02T06:00:00Z'],
		['Europe/Stockholm', '2025-10-26T01:00:00Z'],
		['Australia/Sydney', '2025-04-05T16:00:00Z'],
	])('finds the hour either side of %s\'s fall-back, to the second', (zone, change) => {
		expect(fallBackStretches(zoneOffsets(zone)!, year2025)).toEqual([{ start: at(change) - 3600, end: at(change) + 3600 }]);
	});

	it('finds none for a zone without daylight saving time, or a window before the change', () => {
		expect(fallBackStretches(zoneOffsets('UTC')!, year2025)).toEqual([]);
		expect(fallBackStretches(zoneOffsets('Asia/Tokyo')!, year2025)).toEqual([]);
		expect(fallBackStretches(zoneOffsets('America/New_York')!, { start: year2025.start, end: at('2025-11-02T05:00:00Z') })).toEqual([]);
	});

	it('clips a stretch to the window', () => {
		const window = { start: at('2025-11-02T05:30:00Z'), end: at('2025-11-02T06:10:00Z') };
		expect(fallBackStretches(zoneOffsets('America/New_York')!, window)).toEqual([window]);
	});

	it('finds one stretch per autumn over years', () => {
		const stretches = fallBackStretches(zoneOffsets('Europe/Stockholm')!, { start: at('2000-01-01T00:00:00Z'), end: at('2026-01-01T00:00:00Z') });
		expect(stretches).toHaveLength(26);
		expect(stretches.every((stretch) => stretch.end - stretch.start === 7200)).toBe(true);
	});
});
