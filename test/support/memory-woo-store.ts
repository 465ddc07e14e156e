import type { HttpRequest, HttpResponse } from '../../nodes/shared/transport/http';
import { WooClient } from '../../nodes/shared/woocommerce/client';
import { toWooDate } from '../../nodes/shared/woocommerce/window';

/** A record of the in-memory store: its UTC modified time and the site's UTC offset when it was written (seconds). */
export interface MemoryRecord {
	modified: number;
	offset: number;
}

export function seededRandom(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/**
 * A WooCommerce list endpoint in memory, for trials by the hundred: strict modified bounds on the
 * UTC column, exclude, orderby id or modified (on the UTC column like HPOS orders, or on the local column
 * like WP_Query products), ties in no defined order (shuffled per request, as MySQL may return
 * them), LIMIT/OFFSET over the live data, X-WP-Total counted when the ids are chosen, and a hook
 * between choosing a page's ids and building its records (WooCommerce's race). It also answers
 * the REST index with its time zone.
 */
export class MemoryWooStore {
	readonly records = new Map<number, MemoryRecord>();

	requests = 0;

	readonly urls: URL[] = [];

	now = 2_000_000_000;

	/** `ignored`: a plugin rewrites every list to id order. */
	sortColumn: 'utc' | 'local' | 'ignored' = 'utc';

	/** The REST index's timezone_string; undefined: the index is not there. */
	timeZone: string | undefined = 'UTC';

	/** A proxy that drops X-WP-Total and X-WP-TotalPages. */
	sendsTotals = true;

	/** WooCommerce before 5.8: modified_after/modified_before are not known, so ignored. */
	ignoresFilter = false;

	/** Called with a page's chosen ids before its records are built. */
	betweenSelectAndBuild: ((ids: number[]) => void) | undefined;

	/** Called after every list answer. */
	afterPage: (() => void) | undefined;

	private readonly tieRandom: () => number;

	constructor(seed = 1) {
		this.tieRandom = seededRandom(seed * 31 + 7);
	}

	client(): WooClient {
		return new WooClient(this.send, { storeUrl: 'https://shop.test', keys: { consumerKey: 'ck_x', consumerSecret: 'cs_y', authMode: 'basic' }, ignoreSslIssues: false });
	}

	/** The ids whose current modified time lies in [start, end). */
	idsIn(start: number, end: number): number[] {
		return [...this.records].filter(([, record]) => record.modified >= start && record.modified < end).map(([id]) => id);
	}

	send = async (request: HttpRequest): Promise<HttpResponse> => {
		this.requests++;
		const url = new URL(request.url);
		this.urls.push(url);
		if (url.pathname === '/wp-json/') {
			if (this.timeZone === undefined) return { status: 404, headers: { 'content-type': 'text/html' }, text: '<html></html>' };
			return { status: 200, headers: { 'content-type': 'application/json' }, text: JSON.stringify({ timezone_string: this.timeZone, gmt_offset: 0 }) };
		}
		const param = (name: string) => url.searchParams.get(name);
		const bound = (name: string) => (this.ignoresFilter || param(name) === null ? undefined : Date.parse(`${param(name)}Z`) / 1000);
		const after = bound('modified_after');
		const before = bound('modified_before');
		const perPage = Number(param('per_page') ?? 10);
		const skip = param('offset') !== null ? Number(param('offset')) : (Number(param('page') ?? 1) - 1) * perPage;
		const byModified = param('orderby') === 'modified' && this.sortColumn !== 'ignored';
		const excluded = new Set((param('exclude') ?? '').split(',').filter((id) => id !== '').map(Number));
		const keyOf = (record: MemoryRecord) => (this.sortColumn === 'utc' ? record.modified : record.modified + record.offset);
		const matching = [...this.records]
			.filter(([id, record]) => !excluded.has(id) && (after === undefined || record.modified > after) && (before === undefined || record.modified < before))
			.map(([id, record]) => ({ id, key: byModified ? keyOf(record) : id, tie: this.tieRandom() }))
			.sort((a, b) => a.key - b.key || a.tie - b.tie);
		const chosen = matching.slice(skip, skip + perPage).map((entry) => entry.id);
		this.betweenSelectAndBuild?.(chosen);
		const body = chosen
			.filter((id) => this.records.has(id))
			.map((id) => {
				const record = this.records.get(id) as MemoryRecord;
				return { id, date_modified_gmt: toWooDate(record.modified), date_modified: toWooDate(record.modified + record.offset) };
			});
		this.afterPage?.();
		const totals: Record<string, string> = this.sendsTotals ? { 'x-wp-total': String(matching.length), 'x-wp-totalpages': String(Math.ceil(matching.length / perPage)) } : {};
		return { status: 200, headers: { 'content-type': 'application/json', ...totals, date: new Date(this.now * 1000).toUTCString() }, text: JSON.stringify(body) };
	};
}
