import { TransportError } from '../transport/errors';
import type { WooRecord } from './client';
import { parseUtc, toWooDate, type SyncWindow } from './window';

/**
 * Sorting what a windowed list returned. WooCommerce picks a page's ids with the date filter and
 * loads each record afterwards, so a record edited in between comes back with its new
 * date_modified, after the window's end: a change during the read, never an error. It is left to
 * the next window (whose start is this window's end), so the window's end stays what it was.
 * A record dated before the window's start cannot come from a change (edits only move dates
 * forward): that is evidence that the store ignores the filter.
 */
export interface SortedRecords {
	inWindow: WooRecord[];
	/** Changed while the page was built: read again by the next window. */
	changedDuringRead: number;
	/** Dated before the window: the store did not apply modified_after. */
	beforeWindow: WooRecord | undefined;
	/** The greatest date_modified_gmt (epoch seconds) among `inWindow`, or undefined. */
	latest: number | undefined;
}

const WOO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** Epoch seconds of a date_modified_gmt; WooCommerce's own naive UTC form is parsed without a regex per field. */
export function modifiedSeconds(record: WooRecord): number | undefined {
	const text = record.date_modified_gmt;
	if (typeof text === 'string' && text.length === 19 && WOO_DATE.test(text)) return Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10), +text.slice(11, 13), +text.slice(14, 16), +text.slice(17, 19)) / 1000;
	return parseUtc(text);
}

export function sortByWindow(records: WooRecord[], window: SyncWindow): SortedRecords {
	const inWindow: WooRecord[] = [];
	let changedDuringRead = 0;
	let beforeWindow: WooRecord | undefined;
	let latest: number | undefined;
	for (const record of records) {
		const modified = modifiedSeconds(record);
		if (modified === undefined || modified < window.start) {
			beforeWindow ??= record;
		} else if (modified >= window.end) {
			changedDuringRead++;
		} else {
			inWindow.push(record);
			if (latest === undefined || modified > latest) latest = modified;
		}
	}
	return { inWindow, changedDuringRead, beforeWindow, latest };
}

export function ignoresFilterError(route: string, record: WooRecord, window: SyncWindow): TransportError {
	return new TransportError(
		'http',
		`The store ignores the changed-since filter (WooCommerce older than 5.8?): it returned ${route.replace(/s$/, '')} ${record.id} modified at ${record.date_modified_gmt ?? 'an unknown time'} for ${toWooDate(window.start)}–${toWooDate(window.end)} UTC`,
		'The store ignores modified_after/modified_before, which WooCommerce supports from version 5.8 on. Update WooCommerce; until then changed-since syncing cannot work for this store.',
	);
}
