/**
 * A product or variation moved to WooCommerce's trash: marked inactive in Extend under its SKU
 * (the product resource is ASSUMED and adjustable: `product.path` and `product.fields` of API
 * Adjustments). Stock stays Extend's: only the document this package sends is written, with
 * `active: false`.
 */
import { fillPath } from '../../shared/extend-commerce/assumptions';
import type { ExtendClient } from '../../shared/extend-commerce/client';
import { inTenantNames } from '../../shared/extend-commerce/products';
import { isObject } from '../../shared/mapping/fields';
import type { ExtendProduct } from '../../shared/mapping/extendProduct';

export type Deactivation = 'deactivated' | 'unchanged' | 'skipped';

export async function deactivateProduct(client: ExtendClient, document: ExtendProduct): Promise<Deactivation> {
	const { path: template, fields } = client.assumptions.product;
	const path = fillPath(template, '{productNumber}', document.productNumber);
	const held = await client.getIfExists(path);
	// Never sent: nothing in Extend to deactivate, and no reason to create it inactive.
	if (held === undefined) return 'skipped';
	if (isObject(held) && held[fields.active] === false) return 'unchanged';
	await client.put(path, inTenantNames({ ...document, active: false }, fields));
	return 'deactivated';
}
