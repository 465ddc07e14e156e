/**
 * Site time zone arithmetic, the way WordPress/PHP does it.
 *
 * WordPress stores every post date twice: `post_date` (site-local wall time, no offset) and
 * `post_date_gmt`. WooCommerce's REST API prints both (`date_created` / `date_created_gmt`),
 * second precision, without an offset. We keep both as "naive milliseconds": the wall-clock
 * reading interpreted as if it were UTC, so that comparing two naive values is a plain number
 * comparison (exactly what MySQL does with DATETIME strings).
 */

const offsetCache = new Map<string, Map<number, number>>();
const formatters = new Map<string, Intl.DateTimeFormat>();
const HOUR = 3_600_000;

function formatter(tz: string): Intl.DateTimeFormat {
	let f = formatters.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: tz,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(tz, f);
	}
	return f;
}

/** Throws a RangeError for an unknown IANA zone. */
export function assertTimeZone(tz: string): void {
	formatter(tz);
}

function computeOffset(utcMs: number, tz: string): number {
	const parts = formatter(tz).formatToParts(new Date(utcMs));
	const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Offset (ms, local minus UTC) of `tz` at the instant `utcMs`. Cached per UTC hour (zones change offset on the hour). */
export function offsetAt(utcMs: number, tz: string): number {
	let cache = offsetCache.get(tz);
	if (!cache) {
		cache = new Map();
		offsetCache.set(tz, cache);
	}
	const hour = Math.floor(utcMs / HOUR);
	let off = cache.get(hour);
	if (off === undefined) {
		off = computeOffset(hour * HOUR, tz);
		cache.set(hour, off);
	}
	return off;
}

/** UTC instant -> naive site-local ms. */
export function utcToLocal(utcMs: number, tz: string): number {
	return utcMs + offsetAt(utcMs, tz);
}

/**
 * Naive site-local ms -> UTC instant, as PHP's `date_create('Y-m-d H:i:s', $site_tz)` resolves it:
 * an ambiguous wall time (the repeated hour when DST ends) takes the first (daylight) offset; a
 * wall time that does not exist (the skipped hour when DST starts) is moved forward by the gap.
 */
export function localToUtc(localMs: number, tz: string): number {
	const before = offsetAt(localMs - 14 * HOUR, tz);
	const after = offsetAt(localMs + 14 * HOUR, tz);
	const c1 = localMs - before;
	if (offsetAt(c1, tz) === before) return c1;
	const c2 = localMs - after;
	if (offsetAt(c2, tz) === after) return c2;
	return c1; // in the gap: PHP keeps the earlier offset, so the wall time moves forward
}

/** 'YYYY-MM-DDTHH:mm:ss' of a naive ms value. */
export function naiveString(naiveMs: number): string {
	return new Date(naiveMs).toISOString().slice(0, 19);
}

/** Parse 'YYYY-MM-DDTHH:mm:ss' (or with a space) as naive ms; NaN if malformed. */
export function parseNaive(s: string): number {
	const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})/.exec(s);
	if (!m) return NaN;
	return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

/** Both renderings WooCommerce prints for a stored instant. */
export function wpDates(utcMs: number, tz: string): { local: string; gmt: string } {
	const sec = Math.floor(utcMs / 1000) * 1000;
	return { local: naiveString(utcToLocal(sec, tz)), gmt: naiveString(sec) };
}

/** Current UTC offset in hours as WordPress prints `gmt_offset` (e.g. -4, 5.5). */
export function gmtOffsetHours(utcMs: number, tz: string): number {
	return offsetAt(utcMs, tz) / HOUR;
}

// ---------------------------------------------------------------------------------------------
// Date parameters
// ---------------------------------------------------------------------------------------------

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * WordPress `rest_parse_date()` as used by the `date-time` format validator: the string must match
 * its RFC 3339-ish regex (date-only values such as '2025-01-01' and bare numbers fail) and then
 * `strtotime()` must accept it (month 13 or hour 25 fail; a result of 0, i.e. the Unix epoch, is
 * falsy and therefore also "Invalid date." — a real WordPress quirk).
 */
export function isValidRestDate(value: string): boolean {
	const m = RFC3339.exec(value);
	if (!m) return false;
	const [mo, d, h, mi, s] = [+m[2], +m[3], +m[4], +m[5], +m[6]];
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return false;
	const utc = Date.UTC(+m[1], mo - 1, d, h, mi, s) - zoneOffsetMs(m[7]);
	return utc !== 0;
}

function zoneOffsetMs(z: string | undefined): number {
	if (!z || z === 'Z' || z === 'z') return 0;
	const sign = z[0] === '-' ? -1 : 1;
	const digits = z.slice(1).replace(':', '');
	const hh = +digits.slice(0, 2);
	const mm = digits.length > 2 ? +digits.slice(2, 4) : 0;
	return sign * (hh * 60 + mm) * 60_000;
}

/**
 * The value WordPress's `WP_Date_Query` compares against the date column, as naive ms.
 *
 * WooCommerce's `prepare_objects_query()` passes the raw parameter string (e.g. `modified_after`)
 * into `date_query` and only chooses the COLUMN from `dates_are_gmt` (`post_modified_gmt` when
 * true, `post_modified` otherwise). `WP_Date_Query::build_mysql_datetime()` then does
 * `date_create($value, wp_timezone())->setTimezone(wp_timezone())->format('Y-m-d H:i:s')`:
 *   - a naive value ('2025-06-01T00:00:00') is taken as site-local wall time and comes out unchanged
 *     (except inside a DST gap, where PHP moves it forward);
 *   - a value with 'Z' or an offset is converted to SITE-LOCAL wall time.
 * The resulting naive string is compared with whichever column `dates_are_gmt` picked, and the
 * comparison is strict (`>` for after, `<` for before; WooCommerce does not set `inclusive`).
 * So without dates_are_gmt, '2025-06-01T00:00:00Z' becomes '2025-05-31 20:00:00' (New York, EDT)
 * and is compared to local dates (correct); WITH dates_are_gmt=true the same '...Z' still becomes
 * '2025-05-31 20:00:00' but is compared to the GMT column: four hours too early (the quirk).
 * Fractional seconds are dropped by the format.
 */
export function dateQueryValue(value: string, tz: string): number {
	const m = RFC3339.exec(value);
	if (!m) return NaN;
	const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
	if (m[7]) {
		const utc = naive - zoneOffsetMs(m[7]);
		return utcToLocal(utc, tz);
	}
	return utcToLocal(localToUtc(naive, tz), tz);
}

/** RFC 7231 date, e.g. 'Fri, 27 Nov 2026 02:14:45 GMT'. */
export function httpDate(d: Date): string {
	return d.toUTCString();
}
