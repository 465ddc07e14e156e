import type { IDataObject } from 'n8n-workflow';

import type { RecordCounts } from '../../shared/sync/syncWindow';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'cancelled' | 'skipped';

/** One record that Extend accepted, or that needed nothing. `keys` identify it in both systems. */
export interface Delivered {
	itemIndex: number;
	outcome: Outcome;
	keys: IDataObject;
}

/** One record refused (by Extend or because it cannot be mapped); the run goes on. */
export interface Refused {
	itemIndex: number;
	outcome: 'rejected';
	/** e.g. "order 142", "variation 55 of product 53". */
	record: string;
	/** One sentence: what is wrong (Extend's own words when Extend refused). */
	reason: string;
	/** One sentence: what to do. */
	fix: string;
	keys: IDataObject;
	extendStatus?: number;
	extendMessage?: string;
}

export type RecordResult = Delivered | Refused;

export function isRefused(result: RecordResult): result is Refused {
	return result.outcome === 'rejected';
}

/** A text as one sentence: one final period, never two. */
export function asSentence(text: string): string {
	return `${text.trim().replace(/[.\s]+$/, '')}.`;
}

export function countOutcomes(results: readonly RecordResult[]): RecordCounts {
	const counts: RecordCounts = { created: 0, updated: 0, unchanged: 0, cancelled: 0, skipped: 0, rejected: 0 };
	for (const result of results) counts[result.outcome] += 1;
	return counts;
}
