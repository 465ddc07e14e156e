/**
 * Date-ordered reads ask for "modified after X, oldest first" with a new X on every page. A real
 * store answers that from an index on the modified column; the sandbox keeps, per collection
 * version, the rows matching everything but the modified bounds, sorted by modified date, and
 * finds the bounds by binary search — so such a page costs about what an offset page costs.
 * The sort column (orders: UTC; products: site-local) may differ from the column the bounds
 * apply to (dates_are_gmt): the search is widened by the spread between the two columns and
 * the rows in that range are then tested exactly.
 */
import type { Row } from './store';

export interface ModifiedBounds {
	/** Strict lower bound on `column`, if any. */
	after?: number;
	/** Strict upper bound on `column`, if any. */
	before?: number;
	column(row: Row): number;
}

interface Spread {
	min: number;
	max: number;
}

const spreads = new WeakMap<Row[], Spread>();

function spreadOf(rows: Row[], sortValue: (row: Row) => number, column: (row: Row) => number): Spread {
	let spread = spreads.get(rows);
	if (!spread) {
		spread = { min: 0, max: 0 };
		for (const row of rows) {
			const delta = sortValue(row) - column(row);
			if (delta < spread.min) spread.min = delta;
			if (delta > spread.max) spread.max = delta;
		}
		spreads.set(rows, spread);
	}
	return spread;
}

/** The first index whose sort value is at least `at` (`strict`: greater than `at`). */
function firstIndex(rows: Row[], sortValue: (row: Row) => number, at: number, strict: boolean): number {
	let low = 0;
	let high = rows.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		const value = sortValue(rows[middle]);
		if (strict ? value <= at : value < at) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** A list of rows that is only materialised where it is read. */
export interface RowRange {
	length: number;
	slice(start: number, end: number): Row[];
}

/**
 * The rows of `sorted` (ascending by `sortValue`) whose `bounds.column` lies strictly between the
 * bounds, in order. Only the rows near either bound, where the two columns' spread makes the sort
 * value ambiguous, are tested; the rows between are taken as a range without copying.
 */
export function withinModified(sorted: Row[], sortValue: (row: Row) => number, bounds: ModifiedBounds): RowRange {
	const spread = spreadOf(sorted, sortValue, bounds.column);
	const inBounds = (row: Row) => {
		const value = bounds.column(row);
		return (bounds.after === undefined || value > bounds.after) && (bounds.before === undefined || value < bounds.before);
	};
	const start = bounds.after === undefined ? 0 : firstIndex(sorted, sortValue, bounds.after + spread.min, true);
	const end = bounds.before === undefined ? sorted.length : Math.max(start, firstIndex(sorted, sortValue, bounds.before + spread.max, false));
	// Beyond these, every row is surely inside the bounds.
	const sureFrom = Math.min(end, bounds.after === undefined ? start : Math.max(start, firstIndex(sorted, sortValue, bounds.after + spread.max, true)));
	const sureTo = Math.max(sureFrom, bounds.before === undefined ? end : Math.min(end, firstIndex(sorted, sortValue, bounds.before + spread.min, false)));
	const head = sorted.slice(start, sureFrom).filter(inBounds);
	const tail = sorted.slice(sureTo, end).filter(inBounds);
	const middle = sureTo - sureFrom;
	return {
		length: head.length + middle + tail.length,
		slice: (from, to) => {
			const out: Row[] = [];
			for (let index = Math.max(0, from); index < to && index < head.length + middle + tail.length; index++) {
				if (index < head.length) out.push(head[index]);
				else if (index < head.length + middle) out.push(sorted[sureFrom + index - head.length]);
				else out.push(tail[index - head.length - middle]);
			}
			return out;
		},
	};
}
