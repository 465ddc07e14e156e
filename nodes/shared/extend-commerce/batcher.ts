import { mapWithConcurrency } from '../concurrency';

/** The back office takes at most this many records per batch request. */
export const MAX_BATCH_SIZE = 100;

/** Splits records into consecutive batches of at most `size` (clamped to 1–100), keeping their order. */
export function splitIntoBatches<T>(records: readonly T[], size: number): T[][] {
	const limit = clampBatchSize(size);
	const batches: T[][] = [];
	for (let start = 0; start < records.length; start += limit) batches.push(records.slice(start, start + limit));
	return batches;
}

export function clampBatchSize(size: number): number {
	if (!Number.isFinite(size)) return MAX_BATCH_SIZE;
	return Math.min(MAX_BATCH_SIZE, Math.max(1, Math.floor(size)));
}

export interface BatchInfo {
	/** 0-based position of the batch. */
	index: number;
	/** How many batches there are in all. */
	count: number;
	/** 0-based position of the batch's first record among all records. */
	firstRecord: number;
}

export interface RunBatchesOptions {
	batchSize: number;
	/** Batches in flight at the same time (at least 1). */
	concurrency: number;
}

/**
 * Sends records in batches, a few in flight, and returns each batch's answer in batch order.
 * After a batch fails no further batch is started; the batches already in flight are awaited
 * (so nothing keeps running after the node has finished), then the error of the earliest failed
 * batch is thrown.
 */
export async function runBatches<T, R>(
	records: readonly T[],
	options: RunBatchesOptions,
	send: (batch: T[], info: BatchInfo) => Promise<R>,
): Promise<R[]> {
	const size = clampBatchSize(options.batchSize);
	const batches = splitIntoBatches(records, size);
	const failures: Array<{ index: number; error: unknown }> = [];
	const answers = await mapWithConcurrency(batches, Math.max(1, Math.floor(options.concurrency) || 1), async (batch, index) => {
		if (failures.length > 0) return undefined;
		try {
			return await send(batch, { index, count: batches.length, firstRecord: index * size });
		} catch (error) {
			failures.push({ index, error });
			return undefined;
		}
	});
	if (failures.length > 0) {
		failures.sort((a, b) => a.index - b.index);
		throw failures[0].error;
	}
	return answers as R[];
}
