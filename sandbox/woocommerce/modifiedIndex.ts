/**
 * An index on the modified column, as a real store has one: rows sorted by their modified sort
 * value, repaired after changes instead of re-sorted (a shop taking several changes a second
 * would otherwise make the sandbox re-sort the whole collection for almost every page), and per
 * query a running count of the rows that pass its other filters, so a page and its X-WP-Total
 * come from binary searches.
 */
import type { Collection, Row } from './store';

/** A query's modified bounds. */
export interface ModifiedBounds {
	/** Strict lower bound on `column`, if any. */
	after?: number;
	/** Strict upper bound on `column`, if any. */
	before?: number;
	/** Whether the bounds apply to the UTC column (dates_are_gmt) or the local one. */
	gmt: boolean;
	column(row: Row): number;
}

/** A list of rows that is only materialised where it is read. */
export interface RowRange {
	length: number;
	slice(start: number, end: number): Row[];
}

interface Index {
	version: number;
	rows: Row[];
	/** The sort value of rows[i], as indexed. */
	keys: number[];
	members: WeakSet<Row>;
	counts: Map<string, Int32Array>;
	spreads: Map<string, { min: number; max: number }>;
}

const indexes = new WeakMap<Collection, Map<string, Index>>();

interface Entry {
	row: Row;
	key: number;
}

function byKey(a: Entry, b: Entry): number {
	return a.key - b.key || a.row.id - b.row.id;
}

function build(coll: Collection, sortValue: (row: Row) => number): Index {
	const entries = Array.from(coll.rows.values(), (row) => ({ row, key: sortValue(row) })).sort(byKey);
	return { version: coll.version, rows: entries.map((entry) => entry.row), keys: entries.map((entry) => entry.key), members: new WeakSet(coll.rows.values()), counts: new Map(), spreads: new Map() };
}

/** Rows sorted by `sortValue` (ties by id), kept up to date with the collection. */
function indexFor(coll: Collection, name: string, sortValue: (row: Row) => number): Index {
	let byName = indexes.get(coll);
	if (!byName) indexes.set(coll, (byName = new Map()));
	const index = byName.get(name);
	if (!index) {
		const built = build(coll, sortValue);
		byName.set(name, built);
		return built;
	}
	if (index.version === coll.version) return index;
	// Repair: keep the rows that neither left nor moved, then merge in the moved and the new ones.
	const moved: Entry[] = [];
	const keptRows: Row[] = [];
	const keptKeys: number[] = [];
	for (let position = 0; position < index.rows.length; position++) {
		const row = index.rows[position];
		if (coll.rows.get(row.id) !== row) {
			index.members.delete(row);
			continue;
		}
		const key = sortValue(row);
		if (key !== index.keys[position]) moved.push({ row, key });
		else {
			keptRows.push(row);
			keptKeys.push(key);
		}
	}
	if (coll.rows.size > keptRows.length + moved.length) {
		for (const row of coll.rows.values()) {
			if (index.members.has(row)) continue;
			index.members.add(row);
			moved.push({ row, key: sortValue(row) });
		}
	}
	moved.sort(byKey);
	const rows: Row[] = [];
	const keys: number[] = [];
	let next = 0;
	for (let position = 0; position < keptRows.length; position++) {
		const kept = { row: keptRows[position], key: keptKeys[position] };
		while (next < moved.length && byKey(moved[next], kept) < 0) {
			rows.push(moved[next].row);
			keys.push(moved[next++].key);
		}
		rows.push(kept.row);
		keys.push(kept.key);
	}
	for (; next < moved.length; next++) {
		rows.push(moved[next].row);
		keys.push(moved[next].key);
	}
	Object.assign(index, { rows, keys, version: coll.version });
	index.counts.clear();
	index.spreads.clear();
	return index;
}

/** The first index whose key is greater than `at` (`strict`) or at least `at`. */
function firstIndex(index: Index, at: number, strict: boolean): number {
	let low = 0;
	let high = index.rows.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const key = index.keys[middle];
		if (strict ? key <= at : key < at) low = middle + 1;
		else high = middle;
	}
	return low;
}

export interface IndexedQuery {
	/** Names the sort value (one index per collection and name). */
	sortName: string;
	sortValue(row: Row): number;
	/** Names the filters other than the modified bounds (one running count per query and version). */
	filterName: string;
	passes(row: Row): boolean;
	/** Strict bounds on `column` (named by `columnName`; the sort value's own column when the names match). */
	after?: number;
	before?: number;
	columnName: string;
	column(row: Row): number;
}

/** The smallest and largest (sort value − column) over the index: how far apart the two columns can be. */
function spreadOf(index: Index, query: IndexedQuery): { min: number; max: number } {
	if (query.columnName === query.sortName) return { min: 0, max: 0 };
	let spread = index.spreads.get(query.columnName);
	if (!spread) {
		spread = { min: 0, max: 0 };
		for (let position = 0; position < index.rows.length; position++) {
			const delta = index.keys[position] - query.column(index.rows[position]);
			if (delta < spread.min) spread.min = delta;
			if (delta > spread.max) spread.max = delta;
		}
		index.spreads.set(query.columnName, spread);
	}
	return spread;
}

export interface IndexedResult {
	total: number;
	page(skip: number, take: number): Row[];
}

export function queryIndex(coll: Collection, query: IndexedQuery): IndexedResult {
	const index = indexFor(coll, query.sortName, query.sortValue);
	let counts = index.counts.get(query.filterName);
	if (!counts) {
		counts = new Int32Array(index.rows.length + 1);
		for (let position = 0; position < index.rows.length; position++) counts[position + 1] = counts[position] + (query.passes(index.rows[position]) ? 1 : 0);
		index.counts.set(query.filterName, counts);
	}
	const spread = spreadOf(index, query);
	const inBounds = (row: Row) => {
		const value = query.column(row);
		return query.passes(row) && (query.after === undefined || value > query.after) && (query.before === undefined || value < query.before);
	};
	const start = query.after === undefined ? 0 : firstIndex(index, query.after + spread.min, true);
	const end = query.before === undefined ? index.rows.length : Math.max(start, firstIndex(index, query.before + spread.max, false));
	// Between these, every row is inside the bounds: only the filters decide, and the running count knows them.
	const sureFrom = Math.min(end, query.after === undefined ? start : Math.max(start, firstIndex(index, query.after + spread.max, true)));
	const sureTo = Math.max(sureFrom, query.before === undefined ? end : Math.min(end, firstIndex(index, query.before + spread.min, false)));
	const head = index.rows.slice(start, sureFrom).filter(inBounds);
	const tail = index.rows.slice(sureTo, end).filter(inBounds);
	const middle = (counts as Int32Array)[sureTo] - (counts as Int32Array)[sureFrom];
	const total = head.length + middle + tail.length;
	const nthInMiddle = (n: number): number => {
		// The position p in [sureFrom, sureTo) whose running count reaches counts[sureFrom] + n + 1.
		const target = (counts as Int32Array)[sureFrom] + n + 1;
		let low = sureFrom;
		let high = sureTo;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if ((counts as Int32Array)[mid + 1] < target) low = mid + 1;
			else high = mid;
		}
		return low;
	};
	return {
		total,
		page: (skip, take) => {
			const out: Row[] = [];
			let n = Math.max(0, skip);
			while (out.length < take && n < total) {
				if (n < head.length) out.push(head[n]);
				else if (n < head.length + middle) {
					let position = nthInMiddle(n - head.length);
					// Consecutive passing rows: walk on instead of searching again.
					while (out.length < take && n < head.length + middle && position < sureTo) {
						if (query.passes(index.rows[position])) {
							out.push(index.rows[position]);
							n++;
						}
						position++;
					}
					continue;
				} else out.push(tail[n - head.length - middle]);
				n++;
			}
			return out;
		},
	};
}
