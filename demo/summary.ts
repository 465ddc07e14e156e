/**
 * What the demo prints about one run of a template: pure functions over the run's outputs and the
 * cursor saved before and after, so they can be tested without sandboxes.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

export type DemoResource = 'product' | 'order';

/** The push node's outcomes: skipped (an order status not sent) and cancelled (rows cancelled in Extend) included. */
export const OUTCOMES = ['created', 'updated', 'unchanged', 'skipped', 'cancelled', 'rejected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface RunSummary {
	/** e.g. 'products' or 'orders'. */
	label: string;
	resource: DemoResource;
	status: string;
	/** The error message of a failed run. */
	error?: string;
	/** Items the fetch node returned (a variable product is one item). */
	fetched: number;
	/** Variations carried by the fetched variable products. */
	variations: number;
	created: number;
	updated: number;
	unchanged: number;
	skipped: number;
	cancelled: number;
	/** Records on the push node's Rejected records output, plus any on Results with outcome "rejected". */
	rejected: number;
	/** Why records were rejected: the reason of each item on Rejected records. */
	rejections: string[];
	ms: number;
	/** The cursor saved in the sync table before the run (null: never synced). */
	cursorBefore: string | null;
	/** The cursor saved after the run. */
	cursorAfter: string | null;
	/** Where a first sync starts: Order Start for orders, the beginning for products. */
	firstStart: string;
}

export interface RunOutputs {
	status: string;
	error?: { message?: string } | null;
	/** Items of the fetch node's output. */
	fetched: INodeExecutionData[];
	/** Items of the push node's main (success) output. */
	pushed: INodeExecutionData[];
	/** Items of the push node's Rejected records output. */
	errorBranch: INodeExecutionData[];
}

/** Counts the outcomes of the push node's main output; an item without a known outcome counts for nothing. */
export function countOutcomes(items: INodeExecutionData[]): Record<Outcome, number> {
	const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
	for (const item of items) {
		const outcome = item.json?.outcome;
		if (typeof outcome === 'string' && (OUTCOMES as readonly string[]).includes(outcome)) counts[outcome as Outcome] += 1;
	}
	return counts;
}

/** Variations the fetched items carry as arrays ("As Array on the Parent"), or as separate items. */
export function countVariations(items: INodeExecutionData[]): number {
	let count = 0;
	for (const item of items) {
		const variations = (item.json as IDataObject).variations;
		if (Array.isArray(variations)) count += variations.filter((v) => typeof v === 'object' && v !== null).length;
	}
	return count;
}

/** The reason a rejected item gives: its reason, its error line, its message, or the reason inside its error object. */
export function rejectionReason(json: IDataObject): string {
	if (typeof json.reason === 'string') {
		const record = typeof json.record === 'string' ? json.record : '';
		return record && !json.reason.startsWith(record) ? `${record}: ${json.reason}` : json.reason;
	}
	if (typeof json.error === 'string') return json.error;
	if (typeof json.message === 'string') return json.message;
	const inner = json.error as IDataObject | undefined;
	if (inner && typeof inner === 'object') {
		const text = inner.reason ?? inner.message;
		if (typeof text === 'string') return text;
	}
	return JSON.stringify(json);
}

export function summarizeRun(
	outputs: RunOutputs,
	context: { label: string; resource: DemoResource; ms: number; cursorBefore: string | null; cursorAfter: string | null; firstStart: string },
): RunSummary {
	const counts = countOutcomes(outputs.pushed);
	return {
		...context,
		status: outputs.status,
		...(outputs.error ? { error: String(outputs.error.message ?? 'failed') } : {}),
		fetched: outputs.fetched.length,
		variations: countVariations(outputs.fetched),
		created: counts.created,
		updated: counts.updated,
		unchanged: counts.unchanged,
		skipped: counts.skipped,
		cancelled: counts.cancelled,
		rejected: counts.rejected + outputs.errorBranch.length,
		rejections: outputs.errorBranch.map((item) => rejectionReason(item.json ?? {})),
	};
}

/** "start → end" of the window the run covered, as the saved cursors tell it. */
export function formatWindow(summary: Pick<RunSummary, 'cursorBefore' | 'cursorAfter' | 'firstStart'>): string {
	const start = summary.cursorBefore ?? summary.firstStart;
	if (summary.cursorAfter === null || summary.cursorAfter === summary.cursorBefore) return `${start} → (not saved)`;
	return `${start} → ${summary.cursorAfter}`;
}

export function formatDuration(ms: number): string {
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One line per run, aligned for a table. */
export function formatSummary(summary: RunSummary): string {
	const fetched = summary.resource === 'product' ? `${summary.fetched} (+${summary.variations} variations)` : String(summary.fetched);
	const cells = [
		summary.label.padEnd(9),
		`fetched ${fetched}`.padEnd(33),
		`created ${summary.created}`.padEnd(13),
		`updated ${summary.updated}`.padEnd(12),
		`unchanged ${summary.unchanged}`.padEnd(15),
		`skipped ${summary.skipped}`.padEnd(12),
		`cancelled ${summary.cancelled}`.padEnd(13),
		`rejected ${summary.rejected}`.padEnd(12),
		formatDuration(summary.ms).padStart(8),
		`  window ${formatWindow(summary)}`,
	];
	const line = cells.join(' ');
	return summary.status === 'success' ? line : `${summary.label.padEnd(9)} FAILED (${summary.status}): ${summary.error ?? 'no error message'}`;
}

/** Totals over several runs' summaries, for the closing line. */
export function totals(summaries: RunSummary[]): Record<Outcome | 'fetched', number> {
	const sum = Object.fromEntries(['fetched', ...OUTCOMES].map((key) => [key, 0])) as Record<Outcome | 'fetched', number>;
	for (const s of summaries) for (const key of ['fetched', ...OUTCOMES] as const) sum[key] += s[key];
	return sum;
}
