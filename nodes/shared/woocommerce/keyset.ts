import { TransportError } from '../transport/errors';
import type { WooPage, WooRecord } from './client';
import { modifiedSeconds, sortByWindow, type SortedRecords } from './filterEvidence';
import { toWooDate, type SyncWindow } from './window';

/** What reading by modified date needs from the store. */
export interface ModifiedOrderSource {
	pageSize: number;
	/** The first page of the records modified in `window`, oldest first (orderby=modified, order=asc). */
	firstPage(window: SyncWindow): Promise<WooPage>;
	/** Every record of a one-second window, in id order with the completeness check. */
	readSecond(window: SyncWindow): Promise<WooRecord[]>;
	/** Throws when an answer proves that the store ignores the date filter. */
	check(sorted: SortedRecords, window: SyncWindow): Promise<void>;
	/** Every record of a window, relying on no order: for a store whose pages do not come oldest first. */
	readUnordered(window: SyncWindow): Promise<WooRecord[]>;
}

/** Whether a page's records in the window come oldest first, as asked (a plugin may rewrite the order). */
function oldestFirst(records: WooRecord[]): boolean {
	let previous: number | undefined;
	for (const record of records) {
		const modified = modifiedSeconds(record);
		if (modified === undefined || (previous !== undefined && modified < previous)) return false;
		previous = modified;
	}
	return true;
}

/** Pages in a row whose every record changed while it was built, before the read gives up. */
const MAX_VANISHED_PAGES = 50;

/**
 * Every record of a window whose stretch the store sorts in UTC order, read page by page from the
 * last modified time seen instead of by offset. A record that changes during the read moves past
 * the window's end and shifts nothing that is still to be read, so the cost does not grow with the
 * store's change rate. Each page holds every record dated before its newest in-window record (they
 * sort first), so the next page starts at that second, which it reads again: ties on a second are
 * returned in no defined order. A full page on a single second (a bulk edit) cannot move the
 * cursor: that second is read in id order, checked, and the read goes on after it.
 * `prefetched`, when given, is the slice's first page, already asked for. Without X-WP-Total (a
 * proxy dropped it) a short page may be short only because records vanished while it was built,
 * so the read ends at a short page that brings nothing new. A page that does not come oldest first
 * (a plugin rewriting the order, a site whose clock zone changed) hands the slice to a read that
 * relies on no order.
 */
export async function readByModified(source: ModifiedOrderSource, slice: SyncWindow, prefetched?: WooPage): Promise<WooRecord[]> {
	const found = new Map<number, WooRecord>();
	let cursor = slice.start;
	let vanished = 0;
	let next = prefetched;
	while (cursor < slice.end) {
		const window = { start: cursor, end: slice.end };
		const page = next ?? (await source.firstPage(window));
		next = undefined;
		const sorted = sortByWindow(page.records, window);
		await source.check(sorted, window);
		if (!oldestFirst(sorted.inWindow)) return await source.readUnordered(slice);
		const known = found.size;
		for (const record of sorted.inWindow) found.set(record.id, record);
		if (page.total !== undefined ? page.total <= source.pageSize : page.records.length < source.pageSize && found.size === known) break;
		if (sorted.latest === undefined) {
			// Every record of the page changed while it was built: they have left the window, so asking again moves on.
			if (++vanished > MAX_VANISHED_PAGES) throw keptChanging(slice);
			continue;
		}
		vanished = 0;
		if (sorted.latest > cursor) {
			cursor = sorted.latest;
			continue;
		}
		for (const record of await source.readSecond({ start: cursor, end: cursor + 1 })) found.set(record.id, record);
		cursor += 1;
	}
	return [...found.values()];
}

function keptChanging(window: SyncWindow): TransportError {
	return new TransportError(
		'http',
		`The store kept changing every record while ${toWooDate(window.start)}–${toWooDate(window.end)} UTC was read`,
		'Every record of page after page was edited while the store built it. Nothing was committed; the next run tries again.',
	);
}
