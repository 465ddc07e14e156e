import { mapWithConcurrency } from '../concurrency';
import type { WooPage } from './client';
import { modifiedSeconds } from './filterEvidence';
import type { SyncWindow } from './window';

/** The record at `rank` (0-based) of a window in modified order, from one single-record request. */
export type RankProbe = (window: SyncWindow, rank: number) => Promise<WooPage>;

/** Cuts a window at the given instants (those outside it, repeated or unknown are dropped). */
export function cutAt(window: SyncWindow, boundaries: Array<number | undefined>): SyncWindow[] {
	const inside = [...new Set(boundaries.filter((at): at is number => at !== undefined && at > window.start && at < window.end))].sort((a, b) => a - b);
	const cuts = [window.start, ...inside, window.end];
	return cuts.slice(1).map((end, index) => ({ start: cuts[index], end }));
}

/**
 * Where to cut a window into slices of about `recordsPerSlice` records each, at most `maxSlices`,
 * so that date-ordered reads (each a chain of pages) can run side by side. `total` is the
 * window's count (from its first page); one request per boundary fetches the record at that rank
 * in modified order, whose date becomes the boundary. Only the balance depends on these answers:
 * a record changed in between gives a boundary after the window, which `cutAt` drops, and every
 * slice is read completely anyway.
 */
export async function sliceBoundaries(probe: RankProbe, window: SyncWindow, total: number, recordsPerSlice: number, maxSlices: number, concurrency: number): Promise<Array<number | undefined>> {
	const parts = Math.max(1, Math.min(maxSlices, Math.ceil(total / recordsPerSlice)));
	const ranks = Array.from({ length: parts - 1 }, (_, index) => Math.floor(((index + 1) * total) / parts));
	return await mapWithConcurrency(ranks, concurrency, async (rank) => {
		const page = await probe(window, rank);
		return page.records.length > 0 ? modifiedSeconds(page.records[0]) : undefined;
	});
}
