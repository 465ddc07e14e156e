import { mapWithConcurrency } from '../concurrency';
import type { WooClient, WooRecord } from './client';
import { PAGE_SIZE } from './pager';

/** Every variation of one variable product, all pages. */
async function variationsOfParent(client: WooClient, parentId: number): Promise<WooRecord[]> {
	const variations: WooRecord[] = [];
	for (let page = 1; ; page++) {
		const result = await client.list(`products/${parentId}/variations`, { per_page: PAGE_SIZE, page, orderby: 'id', order: 'asc' });
		variations.push(...result.records);
		const lastPage = result.totalPages !== undefined ? page >= result.totalPages : result.records.length < PAGE_SIZE;
		if (lastPage || result.records.length === 0) break;
	}
	return variations;
}

/** The store-wide listing, filtered by parent ids, where the store offers it; undefined where it does not. */
async function variationsStoreWide(client: WooClient, parentIds: number[], concurrency: number): Promise<WooRecord[] | undefined> {
	const chunks: number[][] = [];
	for (let index = 0; index < parentIds.length; index += PAGE_SIZE) chunks.push(parentIds.slice(index, index + PAGE_SIZE));
	const query = (ids: number[], page: number) => ({ parent: ids, per_page: PAGE_SIZE, page, orderby: 'id', order: 'asc' });
	const probe = await client.tryList('products/variations', query(chunks[0], 1));
	if (!probe.ok) {
		if (probe.error.status === 404) return undefined;
		throw probe.error;
	}
	const firstPage = probe.page;
	const perChunk = await mapWithConcurrency(chunks, concurrency, async (ids, chunkIndex) => {
		const records: WooRecord[] = [];
		let page = chunkIndex === 0 ? firstPage : await client.list('products/variations', query(ids, 1));
		records.push(...page.records);
		for (let next = 2; page.totalPages !== undefined ? next <= page.totalPages : page.records.length === PAGE_SIZE; next++) {
			page = await client.list('products/variations', query(ids, next));
			records.push(...page.records);
		}
		return records;
	});
	return perChunk.flat();
}

/**
 * Variations of the given variable products, grouped by parent id. Editing a variation bumps its
 * parent's modified date, so a changed parent's full variation list is what changed.
 */
export async function fetchVariations(client: WooClient, parents: WooRecord[], concurrency: number): Promise<Map<number, WooRecord[]>> {
	const byParent = new Map<number, WooRecord[]>();
	const variable = parents.filter((product) => product.type === 'variable');
	if (variable.length === 0) return byParent;
	for (const parent of variable) byParent.set(parent.id, []);
	const storeWide = await variationsStoreWide(client, variable.map((parent) => parent.id), concurrency);
	if (storeWide) {
		for (const variation of storeWide) byParent.get(Number(variation.parent_id))?.push(variation);
		return byParent;
	}
	const lists = await mapWithConcurrency(variable, concurrency, async (parent) => await variationsOfParent(client, parent.id));
	variable.forEach((parent, index) => byParent.set(parent.id, lists[index]));
	return byParent;
}
