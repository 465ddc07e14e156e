/**
 * A product or variation moved to WooCommerce's trash: marked inactive in Extend under its SKU
 * (the product resource is ASSUMED, see EXTEND_PATHS.product). Stock stays Extend's: only the
 * document this package sends is written, with `active: false`.
 */
import { EXTEND_PATHS } from '../../shared/extend-commerce/api';
import type { ExtendClient } from '../../shared/extend-commerce/client';
import { isObject } from '../../shared/mapping/fields';
import type { ExtendProduct } from '../../shared/mapping/extendProduct';

export type Deactivation = 'deactivated' | 'unchanged' | 'skipped';

export async function deactivateProduct(client: ExtendClient, document: ExtendProduct): Promise<Deactivation> {
	const path = EXTEND_PATHS.product(document.productNumber);
	const held = await client.getIfExists(path);
	// Never sent: nothing in Extend to deactivate, and no reason to create it inactive.
	if (held === undefined) return 'skipped';
	if (isObject(held) && held.active === false) return 'unchanged';
	await client.put(path, { ...document, active: false });
	return 'deactivated';
}
