import type { IDataObject } from 'n8n-workflow';

import type { RecordCounts } from '../../shared/sync/syncWindow';

/**
 * `updated`: an order's rows (or a product) brought up to date in Extend; `cancelled`: an order's
 * rows set Inactive (cancelled or trashed in WooCommerce); `deactivated`: a product trashed in
 * WooCommerce marked inactive in Extend; `locked` (a refusal): Extend has reserved the order, so
 * its change was not sent.
 */
export type Outcome = 'created' | 'updated' | 'unchanged' | 'cancelled' | 'deactivated' | 'skipped';

/** One record that Extend accepted, or that needed nothing. `keys` identify it in both systems. */
export interface Delivered {
	itemIndex: number;
	outcome: Outcome;
	keys: IDataObject;
}

/** One record refused (by Extend or because it cannot be mapped); the run goes on. */
export interface Refused {
	itemIndex: number;
	outcome: 'rejected' | 'locked';
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
	return result.outcome === 'rejected' || result.outcome === 'locked';
}

/** A text as one sentence: one final period, never two. */
export function asSentence(text: string): string {
	return `${text.trim().replace(/[.\s]+$/, '')}.`;
}

export function countOutcomes(results: readonly RecordResult[]): RecordCounts {
	const counts: RecordCounts = { created: 0, updated: 0, unchanged: 0, cancelled: 0, skipped: 0, rejected: 0 };
	// The Next Cursor item keeps its six counts: a deactivation is an update, a locked order a refusal.
	for (const result of results) counts[result.outcome === 'deactivated' ? 'updated' : result.outcome === 'locked' ? 'rejected' : result.outcome] += 1;
	return counts;
}
