import { mapWithConcurrency } from '../../concurrency';
import { TransportError } from '../../transport/errors';
import type { WooClient } from '../client';
import type { StockBatch, StockResult } from './stockPlan';

interface BatchAnswerItem {
	id?: number;
	stock_quantity?: number | null;
	error?: { code?: string; message?: string; data?: { status?: number } };
}

/** Names the batch in a failure; stock is absolute, so the advice is simply to run again. */
function inBatch(error: unknown, where: string): unknown {
	if (!(error instanceof TransportError)) return error;
	return new TransportError(error.kind, `${error.message} — while setting stock (${where})`, `${error.description} Stock is set to absolute values, so running the workflow again is safe.`, error.status, error.code);
}

/** Sends the planned batches; every write gets a result, matched by id from WooCommerce's answer. */
export async function writeStock(store: WooClient, batches: readonly StockBatch[], concurrency: number): Promise<StockResult[]> {
	const perBatch = await mapWithConcurrency(batches, concurrency, async (batch, index) => {
		const where = `batch ${index + 1} of ${batches.length}, ${batch.writes.length} SKUs, ${batch.route}`;
		const answer = (
			await store.http.json<{ update?: BatchAnswerItem[] }>({ method: 'POST', url: store.url(batch.route), body: batch.body }).catch(async (error: unknown) => await Promise.reject(inBatch(error, where)))
		).body;
		const answered = Array.isArray(answer?.update) ? answer.update : [];
		return batch.writes.map((write, position): StockResult => {
			const base = { itemIndex: write.record.itemIndex, sku: write.record.sku, quantity: write.quantity, previousQuantity: write.target.stockQuantity, productId: write.target.id, ...(write.target.parentId ? { parentId: write.target.parentId } : {}) };
			// WooCommerce answers in request order; the id check guards against a plugin that reorders.
			const item = answered[position]?.id === write.target.id ? answered[position] : answered.find((candidate) => candidate?.id === write.target.id);
			if (!item) return { ...base, outcome: 'failed', error: { field: 'sku', message: `The store's batch answer has no result for product ${write.target.id}` } };
			if (item.error) {
				const code = item.error.code ? ` (${item.error.code})` : '';
				return { ...base, outcome: 'failed', error: { field: 'sku', message: `The store refused stock ${write.quantity} for SKU "${write.record.sku}": ${item.error.message ?? 'no reason given'}${code}` } };
			}
			if (item.stock_quantity !== undefined && item.stock_quantity !== write.quantity) {
				return { ...base, outcome: 'failed', error: { field: 'quantity', message: `The store kept stock ${String(item.stock_quantity)} for SKU "${write.record.sku}" instead of ${write.quantity}; check that the product manages stock` } };
			}
			return { ...base, outcome: 'updated' };
		});
	});
	return perBatch.flat();
}
