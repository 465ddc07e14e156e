/**
 * WooCommerce dates → UTC ISO 8601 with a `Z`.
 *
 * WooCommerce REST v3 sends every date twice, both without a zone designator:
 * `date_modified` in the site's local time zone and `date_modified_gmt` in UTC
 * ("2025-03-14T00:58:42"). The `_gmt` one is authoritative: we append the `Z`.
 *
 * A record that has the local value but no `_gmt` one (older API versions, plugins that
 * build responses themselves, hand-edited items) cannot be converted by guessing: the REST
 * response does not state the site's time zone, and its offset changes with daylight saving
 * time (America/New_York is UTC-5 in March before the 9th and UTC-4 after). So:
 * - if the local value carries its own offset or `Z`, that offset is used;
 * - otherwise, if the caller passes the store's IANA time zone (`siteTimeZone`, e.g.
 *   "America/New_York", from WooCommerce's Settings → General or system_status), the local
 *   wall-clock time is converted with that zone's rules for that date;
 * - otherwise an error explains what is missing instead of silently shifting the time.
 */
import type { FieldReader } from './fields';

export interface DateOptions {
	/** The store's IANA time zone, used only for records that lack the `_gmt` date. */
	siteTimeZone?: string;
}

interface Parts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	fraction: string;
	/** Offset from UTC in minutes when the string states one, else null (naive). */
	offsetMinutes: number | null;
}

const DATE_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/i;

function parseParts(value: string): Parts | null {
	const match = DATE_PATTERN.exec(value.trim());
	if (!match) return null;
	const [, y, mo, d, h, mi, s, fraction = '', zone] = match;
	let offsetMinutes: number | null = null;
	if (zone !== undefined) {
		if (zone.toUpperCase() === 'Z') offsetMinutes = 0;
		else {
			const digits = zone.replace(':', '');
			const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
			offsetMinutes = digits.startsWith('-') ? -minutes : minutes;
		}
	}
	const parts: Parts = {
		year: Number(y),
		month: Number(mo),
		day: Number(d),
		hour: Number(h),
		minute: Number(mi),
		second: Number(s),
		fraction,
		offsetMinutes,
	};
	// Reject impossible calendar values (month 13, 31 February, hour 24, ...).
	const check = new Date(wallClockMillis(parts));
	if (
		check.getUTCFullYear() !== parts.year ||
		check.getUTCMonth() + 1 !== parts.month ||
		check.getUTCDate() !== parts.day ||
		check.getUTCHours() !== parts.hour ||
		check.getUTCMinutes() !== parts.minute ||
		check.getUTCSeconds() !== parts.second
	) {
		return null;
	}
	return parts;
}

/** The wall-clock reading as if it were UTC, in milliseconds since the epoch (whole seconds). */
function wallClockMillis(p: Pick<Parts, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>): number {
	const date = new Date(0);
	date.setUTCFullYear(p.year, p.month - 1, p.day);
	date.setUTCHours(p.hour, p.minute, p.second, 0);
	return date.getTime();
}

function pad(value: number, width = 2): string {
	return String(value).padStart(width, '0');
}

function formatUtc(millis: number, fraction: string): string {
	const d = new Date(millis);
	return (
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction}Z`
	);
}

/**
 * A WooCommerce `_gmt` date ("2025-03-04T04:11:35") as UTC ISO ("2025-03-04T04:11:35Z").
 * A value that already states a zone ("…Z", "…+02:00") is converted to UTC. Throws if the
 * value is not a valid date-time.
 */
export function gmtToUtc(value: string): string {
	const parts = typeof value === 'string' ? parseParts(value) : null;
	if (!parts) throw new Error(`Not a WooCommerce date-time: ${JSON.stringify(value)}`);
	return formatUtc(wallClockMillis(parts) - (parts.offsetMinutes ?? 0) * 60_000, parts.fraction);
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatterCache.get(timeZone);
	if (!formatter) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
			});
		} catch {
			formatter = undefined;
		}
		if (!formatter) {
			throw new Error(`Unknown time zone: ${JSON.stringify(timeZone)} (expected an IANA name such as "America/New_York")`);
		}
		formatterCache.set(timeZone, formatter);
	}
	return formatter;
}

/** The zone's offset from UTC (milliseconds, east positive) at the instant `utcMillis`. */
function zoneOffsetAt(timeZone: string, utcMillis: number): number {
	const fields: Record<string, number> = {};
	for (const part of zoneFormatter(timeZone).formatToParts(new Date(utcMillis))) {
		if (part.type !== 'literal') fields[part.type] = Number(part.value);
	}
	const wallClock = wallClockMillis({
		year: fields.year,
		month: fields.month,
		day: fields.day,
		hour: fields.hour,
		minute: fields.minute,
		second: fields.second,
	});
	return wallClock - Math.floor(utcMillis / 1000) * 1000;
}

/**
 * A local wall-clock date-time in `timeZone` as UTC ISO. In the hour a DST change repeats,
 * the earlier instant is chosen; a time skipped by a DST change is read with the offset that
 * applied just before it (so 02:30 on a spring-forward night in New York becomes 07:30Z).
 * A value that states its own zone is converted with that zone and `timeZone` is not used.
 */
export function localToUtc(value: string, timeZone: string): string {
	const parts = typeof value === 'string' ? parseParts(value) : null;
	if (!parts) throw new Error(`Not a WooCommerce date-time: ${JSON.stringify(value)}`);
	if (parts.offsetMinutes !== null) return gmtToUtc(value);
	const wallClock = wallClockMillis(parts);
	// Try the offsets in force a day either side; keep the candidates that read back correctly.
	const offsets = [zoneOffsetAt(timeZone, wallClock - 86_400_000), zoneOffsetAt(timeZone, wallClock + 86_400_000)];
	const candidates = offsets
		.map((offset) => wallClock - offset)
		.filter((utc) => utc + zoneOffsetAt(timeZone, utc) === wallClock)
		.sort((a, b) => a - b);
	const utc = candidates.length > 0 ? candidates[0] : wallClock - offsets[0];
	return formatUtc(utc, parts.fraction);
}

/**
 * Reads `<field>_gmt` (or, failing that, `<field>`) from a WooCommerce record as UTC ISO.
 * Returns null when both are absent or null and the date is optional; throws a MappingError
 * naming the field otherwise.
 */
export function readUtcDate(
	reader: FieldReader,
	field: string,
	options: DateOptions & { required: boolean },
): string | null {
	const gmtField = `${field}_gmt`;
	if (reader.has(gmtField)) {
		const value = reader.raw(gmtField);
		if (typeof value !== 'string' || parseParts(value) === null) {
			throw reader.fail(gmtField, `is ${JSON.stringify(value)}, expected a date-time such as "2025-03-14T00:58:42"`);
		}
		return gmtToUtc(value);
	}
	if (reader.has(field)) {
		const value = reader.raw(field);
		const parts = typeof value === 'string' ? parseParts(value) : null;
		if (typeof value !== 'string' || parts === null) {
			throw reader.fail(field, `is ${JSON.stringify(value)}, expected a date-time such as "2025-03-13T20:58:42"`);
		}
		if (parts.offsetMinutes !== null) return gmtToUtc(value);
		if (options.siteTimeZone) return localToUtc(value, options.siteTimeZone);
		throw reader.fail(
			gmtField,
			`is missing and ${field} (${value}) is in the store's local time zone, which the response does not state — ` +
				'pass the store time zone (siteTimeZone, e.g. "America/New_York") to convert it, or fetch the record from the REST API v3, which includes the _gmt dates',
		);
	}
	if (!options.required) return null;
	throw reader.fail(
		gmtField,
		`is missing — WooCommerce REST v3 always sends it; the record may be truncated or not a WooCommerce ${reader.record.split(' ')[0]}`,
	);
}
