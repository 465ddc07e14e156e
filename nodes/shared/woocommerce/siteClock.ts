import type { WooClient } from './client';
import type { SyncWindow } from './window';
import { withQuery } from '../transport/query';

/** Seconds east of UTC of a time zone at an instant (epoch seconds). */
export type OffsetAt = (seconds: number) => number;

/** An IANA zone's offset through Intl; undefined for a name Intl does not know. */
export function zoneOffsets(timeZone: string): OffsetAt | undefined {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
	} catch {
		return undefined;
	}
	return (seconds) => {
		const parts: Record<string, number> = {};
		for (const part of format.formatToParts(new Date(seconds * 1000))) parts[part.type] = Number(part.value);
		return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) / 1000 - seconds;
	};
}

const SAMPLE_STEP = 3 * 86400;

/**
 * The stretches of a window where the store's local wall time runs backwards. WordPress sorts
 * products (and orders kept as posts) on the local post_modified column, so where a clock falls
 * back by d seconds at F, local order and UTC order differ for records in [F − d, F + d). Those
 * stretches are read in id order instead. Offsets are sampled every few days (no zone changes
 * its clock twice that fast) and each fall-back is found to the second by bisection.
 */
export function fallBackStretches(offsetAt: OffsetAt, window: SyncWindow): SyncWindow[] {
	const stretches: SyncWindow[] = [];
	let before = window.start - SAMPLE_STEP;
	let offsetBefore = offsetAt(before);
	while (before < window.end) {
		const after = before + SAMPLE_STEP;
		const offsetAfter = offsetAt(after);
		if (offsetAfter < offsetBefore) {
			let low = before; // offset still the earlier one
			let high = after; // offset already the later one
			while (high - low > 1) {
				const middle = low + Math.floor((high - low) / 2);
				if (offsetAt(middle) === offsetBefore) low = middle;
				else high = middle;
			}
			const backwards = offsetBefore - offsetAfter;
			const start = Math.max(window.start, high - backwards);
			const end = Math.min(window.end, high + backwards);
			if (start < end) stretches.push({ start, end });
		}
		before = after;
		offsetBefore = offsetAfter;
	}
	return stretches;
}

/**
 * The store's clock from its time zone in the REST index: the zone's offsets, `fixed` for a site
 * set to a fixed UTC offset (no zone name: its clock never falls back), or undefined when the
 * zone cannot be learnt (the caller then reads in id order, which needs no knowledge of it).
 */
export async function storeZone(client: WooClient): Promise<OffsetAt | 'fixed' | undefined> {
	const answer = await client.http
		.tryJson<{ timezone_string?: unknown; gmt_offset?: unknown }>({ method: 'GET', url: withQuery(`${client.settings.storeUrl}/wp-json/`, { _fields: 'timezone_string,gmt_offset' }) })
		.catch(() => undefined);
	const body = answer?.ok ? answer.response.body : undefined;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	if (body.timezone_string === '' && body.gmt_offset !== undefined) return 'fixed';
	return typeof body.timezone_string === 'string' ? zoneOffsets(body.timezone_string) : undefined;
}
