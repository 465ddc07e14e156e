import { fillPath, type ExtendAssumptions } from './assumptions';
import type { ExtendClient } from './client';
import { sameProduct, type ExtendProduct } from '../mapping/extendProduct';

export type ProductWrite = 'created' | 'updated' | 'unchanged';

type FieldNames = ExtendAssumptions['product']['fields'];

/** The document in the tenant's field names (the package's name where none is adjusted). */
export function inTenantNames(document: ExtendProduct, names: FieldNames): Record<string, unknown> {
	return Object.fromEntries(Object.entries(document).map(([field, value]) => [(names as Record<string, string>)[field] ?? field, value]));
}

/** Extend's copy in the package's field names, so it compares with what the package sends. */
function inPackageNames(held: unknown, names: FieldNames): unknown {
	if (held === null || typeof held !== 'object' || Array.isArray(held)) return held;
	const record = held as Record<string, unknown>;
	const renamed: Record<string, unknown> = { ...record };
	for (const [field, tenantName] of Object.entries(names)) {
		if (tenantName !== field) renamed[field] = record[tenantName];
	}
	return renamed;
}

/**
 * Writes one product document to the ASSUMED product resource (`Products/{productNumber}` unless
 * adjusted; GET → 200 or 404; PUT creates or replaces) only when Extend's copy differs: GET
 * first, compare the fields this package sends, and write nothing when they are equal.
 */
export async function writeProduct(client: ExtendClient, document: ExtendProduct): Promise<ProductWrite> {
	const { path: template, fields } = client.assumptions.product;
	const path = fillPath(template, '{productNumber}', document.productNumber);
	const held = await client.getIfExists(path);
	if (held !== undefined && sameProduct(document, inPackageNames(held, fields))) return 'unchanged';
	await client.put(path, inTenantNames(document, fields));
	return held === undefined ? 'created' : 'updated';
}
