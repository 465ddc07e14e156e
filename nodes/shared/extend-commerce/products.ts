import { EXTEND_PATHS } from './api';
import type { ExtendClient } from './client';
import { sameProduct, type ExtendProduct } from '../mapping/extendProduct';

export type ProductWrite = 'created' | 'updated' | 'unchanged';

/**
 * Writes one product document to the ASSUMED resource `Products/{productNumber}` (GET → 200 or
 * 404; PUT creates or replaces) only when Extend's copy differs: GET first, compare the fields
 * this package sends, and write nothing when they are equal.
 */
export async function writeProduct(client: ExtendClient, document: ExtendProduct): Promise<ProductWrite> {
	const path = EXTEND_PATHS.product(document.productNumber);
	const held = await client.getIfExists(path);
	if (held !== undefined && sameProduct(document, held)) return 'unchanged';
	await client.put(path, document);
	return held === undefined ? 'created' : 'updated';
}
