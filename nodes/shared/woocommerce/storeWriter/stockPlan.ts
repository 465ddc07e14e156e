import type { StockTarget } from './skuIndex';

/** WooCommerce's batch limit (`woocommerce_rest_batch_items_limit`). */
export const BATCH_LIMIT = 100;

/** One stock balance to set, from one input item. */
export interface StockRecord {
	itemIndex: number;
	sku: string;
	quantity: unknown;
}

export type StockOutcome = 'updated' | 'unchanged' | 'skipped' | 'failed';

export interface StockResult {
	itemIndex: number;
	sku: string;
	outcome: StockOutcome;
	quantity?: number;
	previousQuantity?: number | null;
	productId?: number;
	/** Set for a variation: the variable product it belongs to. */
	parentId?: number;
	error?: { field: string; message: string };
}

export interface StockWrite {
	record: StockRecord;
	target: StockTarget;
	quantity: number;
}

export interface StockBatch {
	/** `products/batch` or `products/{parent}/variations/batch`. */
	route: string;
	writes: StockWrite[];
	body: { update: Array<{ id: number; stock_quantity: number; manage_stock?: true }> };
}

export interface StockPlan {
	/** Records decided without a write: unchanged, skipped, failed. */
	decided: StockResult[];
	batches: StockBatch[];
}

/**
 * WooCommerce counts stock in whole units (`wc_stock_amount`); a fractional balance is rounded
 * down, so the shop never offers more than Extend holds.
 */
export function wholeUnits(value: unknown): { ok: true; quantity: number } | { ok: false; message: string } {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
	if (!Number.isFinite(number)) return { ok: false, message: `Quantity ${JSON.stringify(value ?? null)} is not a number; map the available balance (e.g. {{ $json.availableBalance }}) into Quantity` };
	return { ok: true, quantity: Math.floor(number) };
}

export interface PlanOptions {
	/** Turn stock management on where it is off (otherwise WooCommerce ignores the quantity). */
	enableStockManagement: boolean;
	batchSize?: number;
}

/**
 * Decides, per record, what to write: unknown SKUs and unreadable quantities fail, values the
 * store already has are left alone, and the rest become batch updates of at most 100 objects —
 * products through `products/batch`, variations through their parent's variations batch.
 */
export function planStock(records: readonly StockRecord[], targets: ReadonlyMap<string, StockTarget>, options: PlanOptions): StockPlan {
	const batchSize = Math.min(BATCH_LIMIT, Math.max(1, options.batchSize ?? BATCH_LIMIT));
	const decided: StockResult[] = [];
	const lastIndexOfSku = new Map<string, number>();
	records.forEach((record, position) => lastIndexOfSku.set(record.sku, position));
	const writesByRoute = new Map<string, StockWrite[]>();

	records.forEach((record, position) => {
		const base = { itemIndex: record.itemIndex, sku: record.sku };
		if (record.sku === '') {
			decided.push({ ...base, outcome: 'failed', error: { field: 'sku', message: 'SKU is empty; map the product number (e.g. {{ $json.productNumber }}) into SKU' } });
			return;
		}
		const parsed = wholeUnits(record.quantity);
		if (!parsed.ok) {
			decided.push({ ...base, outcome: 'failed', error: { field: 'quantity', message: parsed.message } });
			return;
		}
		const target = targets.get(record.sku);
		if (!target) {
			decided.push({ ...base, outcome: 'failed', quantity: parsed.quantity, error: { field: 'sku', message: `No product or variation in the store has SKU "${record.sku}"` } });
			return;
		}
		const where = { productId: target.id, ...(target.parentId ? { parentId: target.parentId } : {}) };
		if (lastIndexOfSku.get(record.sku) !== position) {
			decided.push({ ...base, ...where, outcome: 'skipped', quantity: parsed.quantity, error: { field: 'sku', message: 'A later item of this run sets the same SKU; that one is written' } });
			return;
		}
		if (!target.managesStock && !options.enableStockManagement) {
			decided.push({ ...base, ...where, outcome: 'failed', quantity: parsed.quantity, error: { field: 'sku', message: `SKU "${record.sku}" does not manage its own stock in WooCommerce; turn on Manage Stock for it, or the option Enable Stock Management` } });
			return;
		}
		if (target.managesStock && target.stockQuantity === parsed.quantity) {
			decided.push({ ...base, ...where, outcome: 'unchanged', quantity: parsed.quantity, previousQuantity: target.stockQuantity });
			return;
		}
		const route = target.parentId ? `products/${target.parentId}/variations/batch` : 'products/batch';
		const list = writesByRoute.get(route) ?? [];
		list.push({ record, target, quantity: parsed.quantity });
		writesByRoute.set(route, list);
	});

	const batches: StockBatch[] = [];
	for (const [route, writes] of writesByRoute) {
		for (let index = 0; index < writes.length; index += batchSize) {
			const chunk = writes.slice(index, index + batchSize);
			batches.push({
				route,
				writes: chunk,
				body: { update: chunk.map((write) => ({ id: write.target.id, stock_quantity: write.quantity, ...(write.target.managesStock ? {} : { manage_stock: true as const }) })) },
			});
		}
	}
	return { decided, batches };
}
