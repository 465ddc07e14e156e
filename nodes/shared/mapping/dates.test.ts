import * as fs from 'fs';
import * as path from 'path';

import { gmtToUtc, localToUtc, readUtcDate } from './dates';
import { FieldReader } from './fields';

const CAPTURES = path.join(__dirname, '../../../test/fixtures/woocommerce/real-10.0.2');

describe('gmtToUtc', () => {
	test.each([
		['2025-03-04T04:11:35', '2025-03-04T04:11:35Z'],
		['2025-03-04 04:11:35', '2025-03-04T04:11:35Z'],
		['2025-03-04T04:11:35Z', '2025-03-04T04:11:35Z'],
		['2025-03-04T04:11:35+00:00', '2025-03-04T04:11:35Z'],
		['2025-03-04T04:11:35-05:00', '2025-03-04T09:11:35Z'],
		['2025-03-04T01:11:35+0530', '2025-03-03T19:41:35Z'],
		['2024-02-29T23:59:59', '2024-02-29T23:59:59Z'],
		['2025-03-04T04:11:35.123', '2025-03-04T04:11:35.123Z'],
	])('%j → %j', (input, expected) => {
		expect(gmtToUtc(input)).toBe(expected);
	});

	test.each(['', '2025-13-01T00:00:00', '2025-02-29T00:00:00', '2025-03-04T24:00:00', '2025-03-04', 'yesterday', '0000-00-00 00:00:00'])(
		'%j is refused',
		(input) => {
			expect(() => gmtToUtc(input)).toThrow(/Not a WooCommerce date-time/);
		},
	);
});

describe('localToUtc converts site-local wall-clock time with the zone rules of that date', () => {
	test.each([
		// America/New_York: EST (UTC-5) until 2025-03-09 02:00, then EDT (UTC-4); back on 2025-11-02.
		['2025-03-03T23:11:35', 'America/New_York', '2025-03-04T04:11:35Z'],
		['2025-03-13T20:58:42', 'America/New_York', '2025-03-14T00:58:42Z'],
		['2025-03-09T01:59:59', 'America/New_York', '2025-03-09T06:59:59Z'],
		['2025-03-09T03:00:00', 'America/New_York', '2025-03-09T07:00:00Z'],
		// 02:30 does not exist that night: read with the offset in force before the change.
		['2025-03-09T02:30:00', 'America/New_York', '2025-03-09T07:30:00Z'],
		// 01:30 happens twice on 2025-11-02: the earlier instant is chosen.
		['2025-11-02T01:30:00', 'America/New_York', '2025-11-02T05:30:00Z'],
		['2025-06-15T12:00:00', 'Asia/Kolkata', '2025-06-15T06:30:00Z'],
		['2025-06-15T12:00:00', 'UTC', '2025-06-15T12:00:00Z'],
		['2025-06-15T12:00:00+02:00', 'America/New_York', '2025-06-15T10:00:00Z'],
	])('%s in %s → %s', (local, zone, expected) => {
		expect(localToUtc(local, zone)).toBe(expected);
	});

	test('an unknown time zone is refused', () => {
		expect(() => localToUtc('2025-06-15T12:00:00', 'Mars/Olympus')).toThrow(/Unknown time zone/);
	});

	test('for every date in the real captures, converting the local value in the store zone gives the _gmt value', () => {
		// The capture store runs in America/New_York; this checks the converter against WooCommerce itself.
		let checked = 0;
		const visit = (value: unknown): void => {
			if (Array.isArray(value)) value.forEach(visit);
			else if (value && typeof value === 'object') {
				const record = value as Record<string, unknown>;
				for (const [key, gmt] of Object.entries(record)) {
					if (!key.endsWith('_gmt') || typeof gmt !== 'string') continue;
					const local = record[key.slice(0, -4)];
					if (typeof local !== 'string') continue;
					expect({ key, utc: localToUtc(local, 'America/New_York') }).toEqual({ key, utc: gmtToUtc(gmt) });
					checked++;
				}
				// Media (image) dates are skipped: in these captures WordPress wrote attachment dates whose
				// local and _gmt values are 10 hours apart, one more reason never to trust the local value.
				for (const [key, child] of Object.entries(record)) if (key !== 'images' && key !== 'image') visit(child);
			}
		};
		for (const file of fs.readdirSync(CAPTURES).filter((f) => f.endsWith('.json'))) {
			visit(JSON.parse(fs.readFileSync(path.join(CAPTURES, file), 'utf8')).body);
		}
		expect(checked).toBeGreaterThan(150);
	});
});

describe('readUtcDate prefers _gmt and explains what it cannot convert', () => {
	const reader = (json: Record<string, unknown>) => new FieldReader('order 106', json);

	test('uses the _gmt field, not the local one', () => {
		const r = reader({ date_modified: '2025-03-13T20:58:42', date_modified_gmt: '2025-03-14T00:58:42' });
		expect(readUtcDate(r, 'date_modified', { required: true })).toBe('2025-03-14T00:58:42Z');
	});

	test('a local-only date without a time zone is an error that says why and what to pass', () => {
		const r = reader({ date_modified: '2025-03-13T20:58:42' });
		expect(() => readUtcDate(r, 'date_modified', { required: true })).toThrow(
			/^order 106: date_modified_gmt is missing and date_modified \(2025-03-13T20:58:42\) is in the store's local time zone.*siteTimeZone/,
		);
	});

	test('a local-only date is converted when the store time zone is given', () => {
		const r = reader({ date_modified: '2025-03-13T20:58:42', date_modified_gmt: null });
		expect(readUtcDate(r, 'date_modified', { required: true, siteTimeZone: 'America/New_York' })).toBe(
			'2025-03-14T00:58:42Z',
		);
	});

	test('a local-only date that states its offset needs no time zone', () => {
		const r = reader({ date_modified: '2025-03-13T20:58:42-04:00' });
		expect(readUtcDate(r, 'date_modified', { required: true })).toBe('2025-03-14T00:58:42Z');
	});

	test('a missing optional date is null, a missing required one an error naming the field', () => {
		const r = reader({ date_paid: null, date_paid_gmt: null });
		expect(readUtcDate(r, 'date_paid', { required: false })).toBeNull();
		expect(() => readUtcDate(r, 'date_modified', { required: true })).toThrow(/^order 106: date_modified_gmt is missing — /);
	});

	test('a malformed _gmt date is an error naming the field', () => {
		const r = reader({ date_modified_gmt: '14/03/2025' });
		expect(() => readUtcDate(r, 'date_modified', { required: true })).toThrow(/^order 106: date_modified_gmt is "14\/03\/2025"/);
	});
});
