import { mapWithConcurrency } from '../concurrency';
import type { WooClient, WooRecord } from './client';
import { PAGE_SIZE } from './pager';
import { toWooDate } from './window';

/**
 * Variations are listed twice: the store's default list leaves trashed ones out (WooCommerce 10.0.2
 * trashes a variation on DELETE, and every variation of a trashed product), and a trashed variation
 * must reach the push to be marked inactive in Extend. Trashing moves a variation's modified date
 * and its parent's (checked on WooCommerce 10.0.2), so only those trashed since the window's start
 * are listed: one trashed long ago was handed on with its parent then, and a store's trash is not
 * read again whole for every later change of the parent.
 */
function variationLists(trashedSince: number): ReadonlyArray<Record<string, string>> {
	return [{}, { status: 'trash', modified_after: toWooDate(trashedSince - 1), dates_are_gmt: 'true' }];
}

/** Every variation of one variable product, all pages, those trashed since `trashedSince` included. */
async function variationsOfParent(client: WooClient, parentId: number, lists: ReadonlyArray<Record<string, string>>): Promise<WooRecord[]> {
	// One after the other, so Concurrent Requests stays the cap.
	const variations: WooRecord[] = [];
	for (const status of lists) variations.push(...(await oneListOfParent(client, parentId, status)));
	return variations;
}

async function oneListOfParent(client: WooClient, parentId: number, status: Record<string, string>): Promise<WooRecord[]> {
	const variations: WooRecord[] = [];
	for (let page = 1; ; page++) {
		const result = await client.list(`products/${parentId}/variations`, { ...status, per_page: PAGE_SIZE, page, orderby: 'id', order: 'asc' });
		variations.push(...result.records);
		const lastPage = result.totalPages !== undefined ? page >= result.totalPages : result.records.length < PAGE_SIZE;
		if (lastPage || result.records.length === 0) break;
	}
	return variations;
}

/** The store-wide listing, filtered by parent ids, where the store offers it; undefined where it does not. */
async function variationsStoreWide(client: WooClient, parentIds: number[], concurrency: number, lists: ReadonlyArray<Record<string, string>>): Promise<WooRecord[] | undefined> {
	const chunks: number[][] = [];
	for (let index = 0; index < parentIds.length; index += PAGE_SIZE) chunks.push(parentIds.slice(index, index + PAGE_SIZE));
	const query = (ids: number[], page: number, status: Record<string, string>) => ({ ...status, parent: ids, per_page: PAGE_SIZE, page, orderby: 'id', order: 'asc' });
	const probe = await client.tryList('products/variations', query(chunks[0], 1, lists[0]));
	if (!probe.ok) {
		if (probe.error.status === 404) return undefined;
		throw probe.error;
	}
	const work = lists.flatMap((status, listIndex) => chunks.map((ids, chunkIndex) => ({ ids, status, prefetched: listIndex === 0 && chunkIndex === 0 ? probe.page : undefined })));
	const perChunk = await mapWithConcurrency(work, concurrency, async ({ ids, status, prefetched }) => {
		const records: WooRecord[] = [];
		let page = prefetched ?? (await client.list('products/variations', query(ids, 1, status)));
		records.push(...page.records);
		for (let next = 2; page.totalPages !== undefined ? next <= page.totalPages : page.records.length === PAGE_SIZE; next++) {
			page = await client.list('products/variations', query(ids, next, status));
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
export async function fetchVariations(client: WooClient, parents: WooRecord[], concurrency: number, trashedSince: number): Promise<Map<number, WooRecord[]>> {
	const lists = variationLists(trashedSince);
	const byParent = new Map<number, WooRecord[]>();
	const variable = parents.filter((product) => product.type === 'variable');
	if (variable.length === 0) return byParent;
	for (const parent of variable) byParent.set(parent.id, []);
	const storeWide = await variationsStoreWide(client, variable.map((parent) => parent.id), concurrency, lists);
	if (storeWide) {
		for (const variation of storeWide) byParent.get(Number(variation.parent_id))?.push(variation);
		return byParent;
	}
	const perParent = await mapWithConcurrency(variable, concurrency, async (parent) => await variationsOfParent(client, parent.id, lists));
	variable.forEach((parent, index) => byParent.set(parent.id, perParent[index]));
	return byParent;
}
