import { mapWithConcurrency } from '../../concurrency';
import type { WooClient, WooRecord } from '../client';
import { PAGE_SIZE } from '../pager';
import { fetchVariations } from '../variations';

/** Where one SKU's stock lives in the store. */
export interface StockTarget {
	sku: string;
	id: number;
	/** 0 for a product; the parent product's id for a variation (written through the parent's batch route). */
	parentId: number;
	stockQuantity: number | null;
	/** Whether the object keeps its own stock count (a variation may say 'parent': not its own). */
	managesStock: boolean;
}

/** SKUs per `sku=` filter: keeps the URL short (WooCommerce splits the filter at commas). */
const SKUS_PER_REQUEST = 50;
const PRODUCT_FIELDS = 'id,sku,type,parent_id,stock_quantity,manage_stock';

function targetOf(record: WooRecord, parentId: number): StockTarget {
	const quantity = record.stock_quantity;
	return {
		sku: String(record.sku ?? ''),
		id: record.id,
		parentId,
		stockQuantity: typeof quantity === 'number' ? quantity : quantity === null || quantity === undefined ? null : Number(quantity),
		managesStock: record.manage_stock === true,
	};
}

async function allPages(store: WooClient, route: string, query: Record<string, string | number>): Promise<WooRecord[]> {
	const records: WooRecord[] = [];
	for (let page = 1; ; page++) {
		const result = await store.list(route, { ...query, per_page: PAGE_SIZE, page });
		records.push(...result.records);
		const last = result.totalPages !== undefined ? page >= result.totalPages : result.records.length < PAGE_SIZE;
		if (last || result.records.length === 0) return records;
	}
}

/**
 * Resolves SKUs to the products and variations that carry them, once per run: products by the
 * `sku` filter, 50 SKUs a request; SKUs still missing are looked for among the variations of the
 * variable products (WooCommerce's products `sku` filter does not search variations).
 */
export async function resolveSkus(store: WooClient, skus: readonly string[], concurrency: number): Promise<Map<string, StockTarget>> {
	const wanted = [...new Set(skus.filter((sku) => sku !== ''))];
	const found = new Map<string, StockTarget>();
	// A SKU holding a comma cannot share a filter: WooCommerce splits at commas (and also tries the whole text).
	const chunks: string[][] = wanted.filter((sku) => sku.includes(',')).map((sku) => [sku]);
	const plain = wanted.filter((sku) => !sku.includes(','));
	for (let index = 0; index < plain.length; index += SKUS_PER_REQUEST) chunks.push(plain.slice(index, index + SKUS_PER_REQUEST));
	const lists = await mapWithConcurrency(chunks, concurrency, async (chunk) => await allPages(store, 'products', { sku: chunk.join(','), _fields: PRODUCT_FIELDS }));
	const wantedSet = new Set(wanted);
	for (const record of lists.flat()) {
		const sku = String(record.sku ?? '');
		if (wantedSet.has(sku)) found.set(sku, targetOf(record, 0));
	}

	const missing = wanted.filter((sku) => !found.has(sku));
	if (missing.length === 0) return found;
	const parents = await allPages(store, 'products', { type: 'variable', _fields: 'id,type' });
	const variations = await fetchVariations(store, parents, concurrency);
	const missingSet = new Set(missing);
	for (const [parentId, list] of variations) {
		for (const variation of list) {
			const sku = String(variation.sku ?? '');
			if (missingSet.has(sku) && !found.has(sku)) found.set(sku, targetOf(variation, parentId));
		}
	}
	return found;
}
