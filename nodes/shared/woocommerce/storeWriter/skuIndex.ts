import { mapWithConcurrency } from '../../concurrency';
import type { WooClient, WooRecord } from '../client';
import { PAGE_SIZE } from '../pager';

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
 * The SKUs in groups for one `sku=` filter each, 50 at most. A SKU holding a comma cannot share a
 * filter: WooCommerce splits the filter at commas (and also tries the whole text).
 */
export function skuFilterChunks(skus: readonly string[]): string[][] {
	const chunks: string[][] = skus.filter((sku) => sku.includes(',')).map((sku) => [sku]);
	const plain = skus.filter((sku) => !sku.includes(','));
	for (let index = 0; index < plain.length; index += SKUS_PER_REQUEST) chunks.push(plain.slice(index, index + SKUS_PER_REQUEST));
	return chunks;
}

/**
 * Resolves SKUs to the products and variations that carry them, once per run, 50 SKUs a request.
 * WooCommerce's `sku` filter searches products and variations alike (captured from WooCommerce
 * 10.0.2: a variation SKU answers the variation itself, `type` "variation" with its `parent_id`),
 * so one pass finds both, and an SKU the store does not have costs nothing extra.
 */
export async function resolveSkus(store: WooClient, skus: readonly string[], concurrency: number): Promise<Map<string, StockTarget>> {
	const wanted = [...new Set(skus.filter((sku) => sku !== ''))];
	const found = new Map<string, StockTarget>();
	const lists = await mapWithConcurrency(skuFilterChunks(wanted), concurrency, async (chunk) => await allPages(store, 'products', { sku: chunk.join(','), _fields: PRODUCT_FIELDS }));
	// WooCommerce compares SKUs in MySQL without regard to case (and keeps them unique that way), so "abc-1" finds "ABC-1".
	const byKey = new Map<string, string[]>();
	for (const sku of wanted) byKey.set(sku.toLowerCase(), [...(byKey.get(sku.toLowerCase()) ?? []), sku]);
	for (const record of lists.flat()) {
		// A variation is written through its parent's variations batch; products/batch refuses it.
		const parentId = record.type === 'variation' ? Number(record.parent_id) || 0 : 0;
		for (const sku of byKey.get(String(record.sku ?? '').toLowerCase()) ?? []) if (!found.has(sku)) found.set(sku, targetOf(record, parentId));
	}
	return found;
}
