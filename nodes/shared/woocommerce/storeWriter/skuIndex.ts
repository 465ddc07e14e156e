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
 * Resolves SKUs to the products and variations that carry them, once per run: products by the
 * `sku` filter, 50 SKUs a request; SKUs still missing are looked for among the variations of the
 * variable products (WooCommerce's products `sku` filter does not search variations), likely
 * parents first, until all are found — an SKU the store does not have costs a full pass.
 */
export async function resolveSkus(store: WooClient, skus: readonly string[], concurrency: number): Promise<Map<string, StockTarget>> {
	const wanted = [...new Set(skus.filter((sku) => sku !== ''))];
	const found = new Map<string, StockTarget>();
	// A SKU holding a comma cannot share a filter: WooCommerce splits at commas (and also tries the whole text).
	const chunks: string[][] = wanted.filter((sku) => sku.includes(',')).map((sku) => [sku]);
	const plain = wanted.filter((sku) => !sku.includes(','));
	for (let index = 0; index < plain.length; index += SKUS_PER_REQUEST) chunks.push(plain.slice(index, index + SKUS_PER_REQUEST));
	const lists = await mapWithConcurrency(chunks, concurrency, async (chunk) => await allPages(store, 'products', { sku: chunk.join(','), _fields: PRODUCT_FIELDS }));
	// WooCommerce compares SKUs in MySQL without regard to case (and keeps them unique that way), so "abc-1" finds "ABC-1".
	const byKey = new Map<string, string[]>();
	for (const sku of wanted) byKey.set(sku.toLowerCase(), [...(byKey.get(sku.toLowerCase()) ?? []), sku]);
	const claim = (record: WooRecord, parentId: number) => {
		for (const sku of byKey.get(String(record.sku ?? '').toLowerCase()) ?? []) if (!found.has(sku)) found.set(sku, targetOf(record, parentId));
	};
	for (const record of lists.flat()) claim(record, 0);

	const missing = new Set(wanted.filter((sku) => !found.has(sku)));
	if (missing.size === 0) return found;
	const parents = await allPages(store, 'products', { type: 'variable', _fields: 'id,sku' });
	const { likely, others } = likelyParents(parents, new Set([...missing].map((sku) => sku.toLowerCase())));
	const step = Math.max(1, concurrency);
	// The likely parents first, all at once; the others a few at a time, until every SKU is found.
	const groups = [likely];
	for (let index = 0; index < others.length; index += step) groups.push(others.slice(index, index + step));
	for (const group of groups) {
		if (found.size === wanted.length) break;
		const lists = await mapWithConcurrency(group, step, async (parent) => await allPages(store, `products/${parent.id}/variations`, { _fields: 'id,sku,parent_id,stock_quantity,manage_stock' }));
		group.forEach((parent, position) => {
			for (const variation of lists[position]) claim(variation, parent.id);
		});
	}
	return found;
}

/**
 * Splits the variable products into those whose SKU begins a wanted SKU and the rest: variation
 * SKUs are usually the parent's plus a suffix (TB-V-003 → TB-V-003-RED-S), so the likely parents
 * mostly hold them all.
 */
export function likelyParents(parents: readonly WooRecord[], wanted: ReadonlySet<string>): { likely: WooRecord[]; others: WooRecord[] } {
	const skus = [...wanted];
	const likely: WooRecord[] = [];
	const others: WooRecord[] = [];
	for (const parent of parents) {
		const sku = String(parent.sku ?? '').toLowerCase();
		(sku !== '' && skus.some((candidate) => candidate.toLowerCase().startsWith(sku)) ? likely : others).push(parent);
	}
	return { likely, others };
}
