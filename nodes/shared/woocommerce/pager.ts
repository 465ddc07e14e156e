import { mapWithConcurrency } from '../concurrency';
import { TransportError } from '../transport/errors';
import type { QueryValue } from '../transport/query';
import type { WooClient, WooPage, WooRecord } from './client';
import { splitWindow, toWooDate, windowChecker, windowQuery, type SyncWindow } from './window';

export const PAGE_SIZE = 100;

export interface PagerOptions {
	concurrency: number;
	/** Whole re-reads of a window whose totals shifted before it is split in two. */
	rereads?: number;
	/** How often a window may be halved while the store keeps changing. */
	maxSplitDepth?: number;
	onEvent?: (event: PagerEvent) => void;
}

export type PagerEvent =
	| { kind: 'page'; window: SyncWindow; page: number; records: number; total: number | undefined }
	| { kind: 'shifted'; window: SyncWindow; totals: Array<number | undefined>; received: number }
	| { kind: 'split'; window: SyncWindow };

function listQuery(base: Record<string, QueryValue>, window: SyncWindow, page: number, perPage: number): Record<string, QueryValue> {
	return { ...base, ...windowQuery(window), orderby: 'id', order: 'asc', per_page: perPage, page };
}

function assertInWindow(records: WooRecord[], window: SyncWindow, route: string): void {
	const inWindow = windowChecker(window);
	for (const record of records) {
		if (!inWindow(record.date_modified_gmt)) {
			throw new TransportError(
				'http',
				`The store ignores the changed-since filter (WooCommerce older than 5.8?): it returned ${route.replace(/s$/, '')} ${record.id} modified at ${record.date_modified_gmt ?? 'an unknown time'} for ${toWooDate(window.start)}–${toWooDate(window.end)} UTC`,
				'The store ignores modified_after/modified_before, which WooCommerce supports from version 5.8 on. Update WooCommerce; until then changed-since syncing cannot work for this store.',
			);
		}
	}
}

interface WindowRead {
	records: WooRecord[];
	consistent: boolean;
}

/**
 * Lists every record modified in a window with offset paging ordered by id, pages in parallel.
 * A read is complete only if every page reported the same total and the pages hold exactly that
 * many distinct records: a record leaving the window mid-read shifts the offsets and would hide
 * a neighbour, so such a read is repeated, then split into smaller windows until reads hold.
 */
export class WindowPager {
	constructor(
		private readonly client: WooClient,
		private readonly route: string,
		private readonly baseQuery: Record<string, QueryValue>,
		private readonly options: PagerOptions,
	) {}

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
			assertInWindow(result.records, window, this.route);
			records.push(...result.records);
			if (result.records.length === 0 || (result.totalPages !== undefined && page >= result.totalPages)) break;
		}
		return records.slice(0, limit);
	}

	/** Every record of the window, verified complete. */
	async readAll(window: SyncWindow, depth = 0): Promise<WooRecord[]> {
		const rereads = this.options.rereads ?? 1;
		for (let attempt = 0; attempt <= rereads; attempt++) {
			const read = await this.readOnce(window);
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
		return [...(await this.readAll(first, depth + 1)), ...(await this.readAll(second, depth + 1))];
	}

	private async readOnce(window: SyncWindow): Promise<WindowRead> {
		const first = await this.page(window, 1);
		if (first.total === undefined) return this.readWithoutTotals(window, first);
		const pageCount = Math.ceil(first.total / PAGE_SIZE);
		const pageNumbers = Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => index + 2);
		const rest = await mapWithConcurrency(pageNumbers, this.options.concurrency, async (page) => await this.page(window, page));
		const pages = [first, ...rest];
		const records = pages.flatMap((page) => page.records);
		const totals = pages.map((page) => page.total);
		const ids = new Set<number>();
		for (const record of records) ids.add(record.id);
		const distinct = ids.size;
		const consistent = totals.every((total) => total === first.total) && records.length === first.total && distinct === records.length;
		if (!consistent) this.options.onEvent?.({ kind: 'shifted', window, totals, received: records.length });
		return { records, consistent };
	}

	/** A store or proxy that drops X-WP-Total: page until a short page; ids must keep rising. */
	private async readWithoutTotals(window: SyncWindow, first: WooPage): Promise<WindowRead> {
		const records = [...first.records];
		let last = first;
		for (let page = 2; last.records.length === PAGE_SIZE; page++) {
			last = await this.page(window, page);
			records.push(...last.records);
		}
		const ascending = records.every((record, index) => index === 0 || record.id > records[index - 1].id);
		return { records, consistent: ascending };
	}

	private async page(window: SyncWindow, page: number): Promise<WooPage> {
		const result = await this.client.list(this.route, listQuery(this.baseQuery, window, page, PAGE_SIZE));
		assertInWindow(result.records, window, this.route);
		this.options.onEvent?.({ kind: 'page', window, page, records: result.records.length, total: result.total });
		return result;
	}
}

/**
 * The largest window from `window.start` holding at most `cap` records, found by halving the
 * end with count requests. A single second holding more than `cap` records is taken whole.
 * `upperBound`, when known, is a count of at least the window's records and saves a request.
 */
export async function capWindow(pager: WindowPager, window: SyncWindow, cap: number, upperBound?: number): Promise<{ window: SyncWindow; capped: boolean }> {
	if (upperBound !== undefined && upperBound <= cap) return { window, capped: false };
	if ((await pager.count(window)) <= cap) return { window, capped: false };
	let fits = window.start + 1;
	let tooMany = window.end;
	if ((await pager.count({ start: window.start, end: fits })) > cap) return { window: { start: window.start, end: fits }, capped: true };
	while (tooMany - fits > 1) {
		const middle = fits + Math.floor((tooMany - fits) / 2);
		if ((await pager.count({ start: window.start, end: middle })) <= cap) fits = middle;
		else tooMany = middle;
	}
	return { window: { start: window.start, end: fits }, capped: true };
}
