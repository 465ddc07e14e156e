import { mapWithConcurrency } from '../concurrency';
import { TransportError } from '../transport/errors';
import type { QueryValue } from '../transport/query';
import type { WooClient, WooPage, WooRecord } from './client';
import { ignoresFilterError, modifiedSeconds, sortByWindow, type SortedRecords } from './filterEvidence';
import { readByModified, type ModifiedOrderSource } from './keyset';
import { fallBackStretches, storeZone, type OffsetAt } from './siteClock';
import { cutAt, sliceBoundaries } from './slices';
import { BEGINNING_OF_TIME, splitWindow, toWooDate, windowChecker, windowContains, windowQuery, type SyncWindow } from './window';

export const PAGE_SIZE = 100;

/** Date-ordered slices are planned to hold about this many pages each, so parallel chains end close together. */
const PAGES_PER_SLICE = 4;

/** Slices per concurrent request: more, smaller slices balance the chains better, but each costs a probe and a part-filled last page (CPU through n8n's HTTP stack). */
const SLICES_PER_WORKER = 1;

export interface PagerOptions {
	concurrency: number;
	/** Whole re-reads of a window whose totals shifted before it is split in two. */
	rereads?: number;
	/** How often a window may be halved while the store keeps changing. */
	maxSplitDepth?: number;
	/** `id`: today's offset paging in id order for every window (the date-ordered read's fallback). */
	strategy?: 'modified' | 'id';
	/** The store's time zone when another pager of the same run already asked for it (one request per run). */
	zone?: Promise<OffsetAt | 'fixed' | undefined>;
	onEvent?: (event: PagerEvent) => void;
}

export type PagerEvent =
	| { kind: 'page'; window: SyncWindow; page: number; records: number; total: number | undefined }
	| { kind: 'shifted'; window: SyncWindow; totals: Array<number | undefined>; received: number }
	| { kind: 'split'; window: SyncWindow }
	| { kind: 'changed-during-read'; window: SyncWindow; records: number }
	| { kind: 'unordered'; window: SyncWindow }
	| { kind: 'plan'; window: SyncWindow; byModified: SyncWindow[]; byId: SyncWindow[] };

function listQuery(base: Record<string, QueryValue>, window: SyncWindow, page: number, perPage: number): Record<string, QueryValue> {
	return { ...base, ...windowQuery(window), orderby: 'id', order: 'asc', per_page: perPage, page };
}

function byModifiedQuery(base: Record<string, QueryValue>, window: SyncWindow): Record<string, QueryValue> {
	return { ...base, ...windowQuery(window), orderby: 'modified', order: 'asc', per_page: PAGE_SIZE };
}

/** Ids a request may exclude before its address gets too long for common server limits (~8 KB). */
const MAX_EXCLUDED_IDS = 600;

/** Requests for one second read by exclusion before the id-ordered read takes over. */
const MAX_EXCLUSION_REQUESTS = 20;

/** The quiet past: nothing is modified on the first second of 2000, so a store that answers with records ignores the filter. */
const QUIET_SECOND: SyncWindow = { start: BEGINNING_OF_TIME, end: BEGINNING_OF_TIME + 1 };

interface WindowRead {
	records: WooRecord[];
	consistent: boolean;
}

type Work = { window: SyncWindow; order: 'modified' | 'id'; prefetched?: WooPage };

/**
 * Lists every record modified in a window. The window is cut into slices of about equal counts,
 * each read oldest first from the last modified time seen (keyset.ts), slices side by side: a
 * record changed during the read moves past the window's end and shifts nothing, so changes cost
 * nothing. WooCommerce sorts orders (HPOS) on the UTC column and products (WP_Query) on the local
 * one, which agree except where the site's clock falls back: those stretches, any slice whose
 * pages do not come oldest first, and every window of a store whose time zone cannot be learnt
 * are read by offset paging in id order with a completeness check instead — a record leaving the
 * window mid-read shifts the offsets and would hide a neighbour, so such a read is repeated, then
 * split until reads hold.
 */
export class WindowPager {
	private zone: Promise<OffsetAt | 'fixed' | undefined> | undefined;

	private filterConfirmed: Promise<void> | undefined;

	constructor(
		private readonly client: WooClient,
		private readonly route: string,
		private readonly baseQuery: Record<string, QueryValue>,
		private readonly options: PagerOptions,
	) {
		// Asked at once, so the answer is there by the time the window is planned.
		if (options.strategy !== 'id') this.zone = options.zone ?? storeZone(client);
	}

	/** The number of records in a window, from one single-record request. */
	async count(window: SyncWindow): Promise<number> {
		const page = await this.client.list(this.route, listQuery(this.baseQuery, window, 1, 1));
		return page.total ?? page.records.length;
	}

	/** The first `limit` records of a window (no completeness check: used by Limit runs, which commit nothing). */
	async readFirst(window: SyncWindow, limit: number): Promise<WooRecord[]> {
		const records: WooRecord[] = [];
		for (let page = 1; records.length < limit; page++) {
			const result = await this.client.list(this.route, listQuery(this.baseQuery, window, page, Math.min(PAGE_SIZE, Math.max(limit, 1))));
			records.push(...(await this.inWindow(result.records, window)));
			if (result.records.length === 0 || (result.totalPages !== undefined && page >= result.totalPages)) break;
		}
		return records.slice(0, limit);
	}

	/** Every record of the window, verified complete, in id order. */
	async readAll(window: SyncWindow): Promise<WooRecord[]> {
		const work = await this.plan(window);
		const concurrency = this.options.concurrency;
		// One chain per worker: an id-ordered read inside the queue pages one request at a time.
		const parts = work.length === 1 && work[0].order === 'id'
			? [await this.readAllById(window, concurrency)]
			: await mapWithConcurrency(work, concurrency, async (item) => (item.order === 'id' ? await this.readAllById(item.window, 1) : await readByModified(this.modifiedSource(), item.window, item.prefetched)));
		const records = parts.flat();
		records.sort((a, b) => a.id - b.id);
		return records;
	}

	/** Today's read: offset paging in id order, repeated and split while the store keeps changing. */
	async readAllById(window: SyncWindow, concurrency = this.options.concurrency, depth = 0): Promise<WooRecord[]> {
		const rereads = this.options.rereads ?? 1;
		for (let attempt = 0; attempt <= rereads; attempt++) {
			const read = await this.readOnce(window, concurrency);
			if (read.consistent) return read.records;
		}
		if (window.end - window.start <= 1 || depth >= (this.options.maxSplitDepth ?? 12)) {
			throw new TransportError(
				'http',
				`The store kept changing while ${this.route} modified ${toWooDate(window.start)}–${toWooDate(window.end)} UTC were read`,
				'Records were edited or deleted during every read, so a complete list could not be taken. Nothing was committed; the next run tries again.',
			);
		}
		this.options.onEvent?.({ kind: 'split', window });
		const [first, second] = splitWindow(window);
		return [...(await this.readAllById(first, concurrency, depth + 1)), ...(await this.readAllById(second, concurrency, depth + 1))];
	}

	/** Which stretches are read by modified date and which in id order, the first cut into slices. */
	private async plan(window: SyncWindow): Promise<Work[]> {
		if (this.options.strategy === 'id') return [{ window, order: 'id' }];
		this.zone ??= storeZone(this.client);
		const zone = await this.zone;
		if (zone === undefined) return [{ window, order: 'id' }];
		// The window's first page in modified order counts it and starts its first slice.
		const first = await this.modifiedSource().firstPage(window);
		const complete = first.total !== undefined ? first.total <= PAGE_SIZE : first.records.length < PAGE_SIZE;
		// A page holding the whole window needs no order at all.
		if (complete) return [{ window, order: 'modified', prefetched: first }];
		const byId = zone === 'fixed' ? [] : fallBackStretches(zone, { start: oldestPossible(first, window), end: window.end });
		const concurrency = this.options.concurrency;
		const probe = async (part: SyncWindow, rank: number) => await this.client.list(this.route, { ...byModifiedQuery(this.baseQuery, part), per_page: 1, offset: rank, _fields: 'id,date_modified_gmt' });
		const boundaries = await sliceBoundaries(probe, window, first.total ?? 0, PAGE_SIZE * PAGES_PER_SLICE, concurrency * SLICES_PER_WORKER, concurrency);
		const work: Work[] = cutAt(window, [...boundaries, ...byId.flatMap((stretch) => [stretch.start, stretch.end])]).map((slice) => ({
			window: slice,
			order: byId.some((stretch) => stretch.start <= slice.start && slice.end <= stretch.end) ? 'id' : 'modified',
		}));
		if (work[0].order === 'modified') {
			const beyondFirst = windowChecker({ start: work[0].window.end, end: window.end });
			work[0].prefetched = { ...first, records: first.records.filter((record) => !beyondFirst(record.date_modified_gmt)) };
		}
		this.options.onEvent?.({ kind: 'plan', window, byModified: work.filter((item) => item.order === 'modified').map((item) => item.window), byId });
		return work;
	}

	private modifiedSource(): ModifiedOrderSource {
		return {
			pageSize: PAGE_SIZE,
			firstPage: async (window) => {
				const page = await this.client.list(this.route, byModifiedQuery(this.baseQuery, window));
				this.options.onEvent?.({ kind: 'page', window, page: 1, records: page.records.length, total: page.total });
				return page;
			},
			readSecond: async (window) => await this.readSecond(window),
			readUnordered: async (window) => {
				this.options.onEvent?.({ kind: 'unordered', window });
				return await this.readAllById(window, 1);
			},
			check: async (sorted, window) => await this.checkEvidence(sorted, window),
		};
	}

	/**
	 * A second holding more than a page (a bulk edit), read by exclusion: every request asks for the
	 * first page of the second's records not seen yet. No offsets, so a change cannot hide a
	 * neighbour, and no order is relied on. Past a few hundred ids the list would make the address
	 * too long for some servers: the rest of such a second is read in id order with the check.
	 */
	private async readSecond(window: SyncWindow): Promise<WooRecord[]> {
		const found = new Map<number, WooRecord>();
		const seen: number[] = [];
		for (let request = 0; request < MAX_EXCLUSION_REQUESTS; request++) {
			const page = await this.client.list(this.route, { ...listQuery(this.baseQuery, window, 1, PAGE_SIZE), exclude: seen.length > 0 ? seen : undefined });
			this.options.onEvent?.({ kind: 'page', window, page: 1, records: page.records.length, total: page.total });
			const sorted = sortByWindow(page.records, window);
			await this.checkEvidence(sorted, window);
			for (const record of sorted.inWindow) found.set(record.id, record);
			for (const record of page.records) seen.push(record.id);
			// Without X-WP-Total, only an empty page ends it: records vanishing while a page is built make it short.
			if (page.total !== undefined ? page.total <= PAGE_SIZE : page.records.length === 0) return [...found.values()];
			if (seen.length > MAX_EXCLUDED_IDS) break;
		}
		for (const record of await this.readAllById(window, 1)) found.set(record.id, record);
		return [...found.values()];
	}

	private async readOnce(window: SyncWindow, concurrency: number): Promise<WindowRead> {
		const first = await this.page(window, 1);
		if (first.total === undefined) return await this.readWithoutTotals(window, first);
		const pageCount = Math.ceil(first.total / PAGE_SIZE);
		const pageNumbers = Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => index + 2);
		const rest = await mapWithConcurrency(pageNumbers, concurrency, async (page) => await this.page(window, page));
		const pages = [first, ...rest];
		// A record changed while its page was built still took its place in the page: it counts for the check.
		const all = pages.flatMap((page) => page.records);
		const totals = pages.map((page) => page.total);
		const ids = new Set<number>();
		for (const record of all) ids.add(record.id);
		const consistent = totals.every((total) => total === first.total) && all.length === first.total && ids.size === all.length;
		if (!consistent) this.options.onEvent?.({ kind: 'shifted', window, totals, received: all.length });
		return { records: await this.inWindow(all, window), consistent };
	}

	/** A store or proxy that drops X-WP-Total: page until a short page; ids must keep rising. */
	private async readWithoutTotals(window: SyncWindow, first: WooPage): Promise<WindowRead> {
		const all = [...first.records];
		let last = first;
		for (let page = 2; last.records.length === PAGE_SIZE; page++) {
			last = await this.page(window, page);
			all.push(...last.records);
		}
		const ascending = all.every((record, index) => index === 0 || record.id > all[index - 1].id);
		return { records: await this.inWindow(all, window), consistent: ascending };
	}

	private async page(window: SyncWindow, page: number): Promise<WooPage> {
		const result = await this.client.list(this.route, listQuery(this.baseQuery, window, page, PAGE_SIZE));
		this.options.onEvent?.({ kind: 'page', window, page, records: result.records.length, total: result.total });
		return result;
	}

	/** The records that belong to the window; those changed while their page was built are left to the next window. */
	private async inWindow(records: WooRecord[], window: SyncWindow): Promise<WooRecord[]> {
		const sorted = sortByWindow(records, window);
		await this.checkEvidence(sorted, window);
		return sorted.inWindow;
	}

	/**
	 * Changes during a read explain records after the window, never records before it. Records
	 * after it also come from a store that ignores the filter altogether, so the first time they
	 * appear, a one-second window in the quiet past is asked (twice, should a record really be
	 * dated then): a store that honours the filter returns nothing there.
	 */
	private async checkEvidence(sorted: SortedRecords, window: SyncWindow): Promise<void> {
		if (sorted.beforeWindow) throw ignoresFilterError(this.route, sorted.beforeWindow, window);
		if (sorted.changedDuringRead === 0) return;
		this.options.onEvent?.({ kind: 'changed-during-read', window, records: sorted.changedDuringRead });
		this.filterConfirmed ??= this.confirmFilter();
		await this.filterConfirmed;
	}

	private async confirmFilter(): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			const page = await this.client.list(this.route, listQuery(this.baseQuery, QUIET_SECOND, 1, PAGE_SIZE));
			const stray = page.records.find((record) => !windowContains(QUIET_SECOND, record.date_modified_gmt));
			if (!stray) return;
			if (attempt >= 2) throw ignoresFilterError(this.route, stray, QUIET_SECOND);
		}
	}
}

/** Seconds a site's clock may jump at a change (two hours, the largest in use) plus a margin. */
const CLOCK_CHANGE_MARGIN = 3 * 3600;

/**
 * The earliest date a record of the window can have, from its first page in modified order: no
 * record sorts after the first page's records while being older than them by more than a clock
 * change, so fall-backs before that cannot reorder anything (a long window from 2000 on would
 * otherwise cut a stretch out of every autumn).
 */
function oldestPossible(first: WooPage, window: SyncWindow): number {
	let oldest: number | undefined;
	for (const record of sortByWindow(first.records, window).inWindow) {
		const modified = modifiedSeconds(record);
		if (modified !== undefined && (oldest === undefined || modified < oldest)) oldest = modified;
	}
	return oldest === undefined ? window.start : Math.max(window.start, oldest - CLOCK_CHANGE_MARGIN);
}

/**
 * The largest window from `window.start` holding at most `cap` records of all the given lists
 * together, found by halving the end with count requests. A single second holding more than
 * `cap` records is taken whole. `upperBound`, when known, is a count of at least the window's
 * records and saves a request.
 */
export async function capWindow(pagers: readonly WindowPager[], window: SyncWindow, cap: number, upperBound?: number): Promise<{ window: SyncWindow; capped: boolean }> {
	const count = async (part: SyncWindow) => (await Promise.all(pagers.map(async (pager) => await pager.count(part)))).reduce((sum, one) => sum + one, 0);
	if (upperBound !== undefined && upperBound <= cap) return { window, capped: false };
	if ((await count(window)) <= cap) return { window, capped: false };
	let fits = window.start + 1;
	let tooMany = window.end;
	if ((await count({ start: window.start, end: fits })) > cap) return { window: { start: window.start, end: fits }, capped: true };
	while (tooMany - fits > 1) {
		const middle = fits + Math.floor((tooMany - fits) / 2);
		if ((await count({ start: window.start, end: middle })) <= cap) fits = middle;
		else tooMany = middle;
	}
	return { window: { start: window.start, end: fits }, capped: true };
}
