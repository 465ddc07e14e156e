import type { StockResult } from './stockPlan';

/** What one Product Stock → Set run did, in one item (the reconciliation template's report). */
export interface StockSummary {
	[key: string]: number | string[] | Array<{ sku: string; message: string }>;
	skus: number;
	/** Written because the store's quantity differed: divergences fixed. */
	updated: number;
	alreadyRight: number;
	repeated: number;
	notInStore: number;
	failed: number;
	notInStoreSkus: string[];
	failures: Array<{ sku: string; message: string }>;
}

/** Lists in the summary stop here; the counts stay exact. */
const LISTED = 100;

/**
 * Failures someone must act on: the store refused a write, a quantity could not be read, stock
 * management is off. An SKU the store does not have is not one of them: Extend often holds
 * products the shop does not sell, and nothing written later would change it.
 */
export function failuresToActOn(results: readonly StockResult[], notInStore: ReadonlySet<number>): StockResult[] {
	return results.filter((result) => result.outcome === 'failed' && !notInStore.has(result.itemIndex));
}

export function summarise(results: readonly StockResult[], notInStore: ReadonlySet<number>): StockSummary {
	const mustAct = failuresToActOn(results, notInStore);
	const missing = results.filter((result) => notInStore.has(result.itemIndex));
	return {
		skus: results.length,
		updated: results.filter((result) => result.outcome === 'updated').length,
		alreadyRight: results.filter((result) => result.outcome === 'unchanged').length,
		repeated: results.filter((result) => result.outcome === 'skipped').length,
		notInStore: missing.length,
		failed: mustAct.length,
		notInStoreSkus: missing.slice(0, LISTED).map((result) => result.sku),
		failures: mustAct.slice(0, LISTED).map((result) => ({ sku: result.sku, message: result.error?.message ?? '' })),
	};
}

/** The run's error when a write needs the user: names the first failures; the other SKUs were written. */
export function failureReport(mustAct: readonly StockResult[], total: number): { message: string; description: string } {
	const first = mustAct.slice(0, 3).map((result) => `SKU "${result.sku}": ${result.error?.message ?? 'failed'}`);
	const more = mustAct.length > first.length ? ` (and ${mustAct.length - first.length} more)` : '';
	return {
		message: `${mustAct.length} of ${total} stock values were not written — ${first.join('; ')}${more}`,
		description:
			'Every other SKU was written. The run is marked failed so that nothing moves on as if the stock were right (the polling template keeps its cursor, a webhook is answered with an error so Extend Commerce delivers it again). Stock is set to absolute values, so running again is safe. To list such SKUs without failing the run, set this node\'s Settings → On Error to "Continue (using error output)".',
	};
}
