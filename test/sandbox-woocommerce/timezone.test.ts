import { startWooSandbox, type WooSandbox } from '../../sandbox/woocommerce';
import { dateQueryValue, naiveString, wpDates } from '../../sandbox/woocommerce/time';
import { get } from './helpers';

describe('time zone arithmetic (WP_Date_Query semantics)', () => {
	const v = (s: string, tz: string) => naiveString(dateQueryValue(s, tz));

	it('keeps naive values as site-local wall time and converts Z/offsets to site time (west of UTC, DST)', () => {
		expect(v('2025-06-01T00:00:00', 'America/New_York')).toBe('2025-06-01T00:00:00');
		expect(v('2025-06-01T00:00:00Z', 'America/New_York')).toBe('2025-05-31T20:00:00'); // EDT
		expect(v('2025-01-15T00:00:00Z', 'America/New_York')).toBe('2025-01-14T19:00:00'); // EST
		expect(v('2025-06-01T02:00:00+02:00', 'America/New_York')).toBe('2025-05-31T20:00:00');
	});

	it('converts to site time east of UTC (Stockholm, across the March DST change)', () => {
		expect(v('2025-03-30T00:30:00Z', 'Europe/Stockholm')).toBe('2025-03-30T01:30:00'); // CET
		expect(v('2025-03-30T01:30:00Z', 'Europe/Stockholm')).toBe('2025-03-30T03:30:00'); // CEST
	});

	it('moves a wall time inside the spring-forward gap forward like PHP', () => {
		expect(v('2025-03-09T02:30:00', 'America/New_York')).toBe('2025-03-09T03:30:00');
	});

	it('renders stored dates as site-local + GMT, second precision, no offset', () => {
		expect(wpDates(Date.parse('2025-11-02T05:30:00.789Z'), 'America/New_York')).toEqual({ local: '2025-11-02T01:30:00', gmt: '2025-11-02T05:30:00' });
		expect(wpDates(Date.parse('2025-11-02T06:30:00Z'), 'America/New_York')).toEqual({ local: '2025-11-02T01:30:00', gmt: '2025-11-02T06:30:00' });
	});
});

describe.each([
	['America/New_York', '2025-07-10T12:00:00Z', '2025-07-10T08:00:00', -4],
	['Europe/Stockholm', '2025-07-10T12:00:00Z', '2025-07-10T14:00:00', 2],
	['Europe/Stockholm', '2025-01-10T12:00:00Z', '2025-01-10T13:00:00', 1],
])('modified_after in %s (record modified %s)', (timeZone, utc, local, offsetH) => {
	let woo: WooSandbox;
	let id: number;
	const count = async (q: string) => {
		const r = await get(`${woo.httpsUrl}/wp-json/wc/v3/orders?include=${id}&${q}`, woo.keys.readWrite);
		return Number(r.headers['x-wp-total']);
	};
	beforeAll(async () => {
		woo = await startWooSandbox({ timeZone, orders: 5, products: 10 });
		id = woo.store.orders()[0].id;
		woo.store.setModified('order', id, utc);
	});
	afterAll(() => woo.close());

	it('stores the site-local rendering', () => {
		const o = woo.store.orders().find((x) => x.id === id)!;
		expect([o.date_modified, o.date_modified_gmt]).toEqual([local, utc.slice(0, 19)]);
	});

	it('reads a naive value as site-local time', async () => {
		const before = new Date(Date.parse(`${local}Z`) - 1000).toISOString().slice(0, 19);
		expect(await count(`modified_after=${before}`)).toBe(1);
		expect(await count(`modified_after=${local}`)).toBe(0);
	});

	it('converts a Z value to site time and compares with local dates (correct without dates_are_gmt)', async () => {
		const justBefore = new Date(Date.parse(utc) - 1000).toISOString().slice(0, 19);
		expect(await count(`modified_after=${justBefore}Z`)).toBe(1);
		expect(await count(`modified_after=${utc}`)).toBe(0);
	});

	it('with dates_are_gmt=true reads naive values as UTC but still shifts Z values to site time (WooCommerce quirk)', async () => {
		const justBefore = new Date(Date.parse(utc) - 1000).toISOString().slice(0, 19);
		expect(await count(`modified_after=${justBefore}&dates_are_gmt=true`)).toBe(1);
		expect(await count(`modified_after=${utc.slice(0, 19)}&dates_are_gmt=true`)).toBe(0);
		// 'Z' value one second after the record: shifted by the site offset before being compared to GMT
		const after = new Date(Date.parse(utc) + 1000).toISOString().slice(0, 19);
		const expected = offsetH < 0 ? 1 : 0; // west: shifted earlier -> record included; east: later -> excluded
		expect(await count(`modified_after=${after}Z&dates_are_gmt=true`)).toBe(expected);
		const wayBefore = new Date(Date.parse(utc) - (Math.abs(offsetH) * 3600 - 60) * 1000).toISOString().slice(0, 19);
		expect(await count(`modified_after=${wayBefore}Z&dates_are_gmt=true`)).toBe(offsetH < 0 ? 1 : 0);
	});
});
