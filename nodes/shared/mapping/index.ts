/**
 * WooCommerce → Extend Commerce canonical mapping: pure functions, no I/O.
 *
 * `mapRecord(resource, json, options)` maps one item as the fetch node outputs it (WooCommerce
 * JSON, unchanged) to canonical records: always an array, because one variable product yields its
 * own record plus one per variation.
 */
import type { CanonicalOrder, CanonicalProduct, CanonicalResource } from './canonical';
import { mapOrder, type MapOrderOptions } from './order';
import { mapProduct, type MapProductOptions } from './product';

export * from './canonical';
export * from './decimal';
export { gmtToUtc, localToUtc, type DateOptions } from './dates';
export { MappingError } from './fields';
export {
	ORDER_STATUS_MAP,
	PRODUCT_STATUS_MAP,
	PRODUCT_TYPE_MAP,
	STOCK_STATUS_MAP,
	mapOrderStatus,
	mapProductStatus,
	mapProductType,
	mapStockStatus,
	type CanonicalStockStatus,
} from './status';
export { decodeTermName } from './text';
export { mapOrder, unitPrice, type MapOrderOptions } from './order';
export { mapProduct, type MapProductOptions } from './product';

/** Options for {@link mapRecord}: `currency` is required for products. */
export type MapRecordOptions = Partial<MapProductOptions> & MapOrderOptions;

export function mapRecord(resource: 'products', json: unknown, options: MapProductOptions & MapOrderOptions): CanonicalProduct[];
export function mapRecord(resource: 'orders', json: unknown, options?: MapRecordOptions): CanonicalOrder[];
export function mapRecord(
	resource: CanonicalResource,
	json: unknown,
	options?: MapRecordOptions,
): Array<CanonicalProduct | CanonicalOrder>;
export function mapRecord(
	resource: CanonicalResource,
	json: unknown,
	options: MapRecordOptions = {},
): Array<CanonicalProduct | CanonicalOrder> {
	switch (resource) {
		case 'products':
			// mapProduct refuses a missing currency with an explanatory error.
			return mapProduct(json, options as MapProductOptions);
		case 'orders':
			return [mapOrder(json, options)];
		default:
			throw new Error(`mapRecord: unknown resource ${JSON.stringify(resource)} (expected "products" or "orders")`);
	}
}
