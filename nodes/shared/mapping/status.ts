/**
 * WooCommerce statuses → canonical statuses. Unknown values are refused rather than guessed:
 * a plugin's custom order status (e.g. "shipped") has no safe canonical meaning, so the caller
 * gets an error naming it and can supply an explicit mapping (`orderStatusMap`).
 */
import type { CanonicalOrderStatus, CanonicalProduct, CanonicalProductStatus, CanonicalProductType } from './canonical';

/** WooCommerce order status (REST v3 spelling, without "wc-") → canonical. */
export const ORDER_STATUS_MAP: Readonly<Record<string, CanonicalOrderStatus>> = Object.freeze({
	pending: 'pending_payment',
	processing: 'processing',
	'on-hold': 'on_hold',
	completed: 'completed',
	cancelled: 'cancelled',
	refunded: 'refunded',
	failed: 'failed',
	'checkout-draft': 'draft',
	trash: 'trashed',
});

/**
 * WooCommerce product / variation post status → canonical.
 * "future" (scheduled to publish) is not yet visible to customers, so it is a draft;
 * "trash" is archived; "auto-draft" is WordPress's placeholder for a product being created.
 */
export const PRODUCT_STATUS_MAP: Readonly<Record<string, CanonicalProductStatus>> = Object.freeze({
	publish: 'active',
	draft: 'draft',
	'auto-draft': 'draft',
	future: 'draft',
	pending: 'pending',
	private: 'private',
	trash: 'archived',
});

/** WooCommerce product type → canonical. A variation is a variant. */
export const PRODUCT_TYPE_MAP: Readonly<Record<string, CanonicalProductType>> = Object.freeze({
	simple: 'simple',
	variable: 'variable',
	variation: 'variant',
	grouped: 'grouped',
	external: 'external',
});

export type CanonicalStockStatus = CanonicalProduct['stock']['status'];

export const STOCK_STATUS_MAP: Readonly<Record<string, CanonicalStockStatus>> = Object.freeze({
	instock: 'in_stock',
	outofstock: 'out_of_stock',
	onbackorder: 'on_backorder',
});

function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
	return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

function known(table: Readonly<Record<string, unknown>>): string {
	return Object.keys(table).join(', ');
}

/**
 * The canonical order status for a WooCommerce one, or throws. `overrides` (checked first)
 * maps a store's custom statuses, e.g. { shipped: 'completed' }. A leading "wc-" (the
 * database spelling) is ignored.
 */
export function mapOrderStatus(
	status: string,
	overrides: Readonly<Record<string, CanonicalOrderStatus>> = {},
): CanonicalOrderStatus {
	const key = status.startsWith('wc-') ? status.slice(3) : status;
	const mapped = lookup(overrides, status) ?? lookup(overrides, key) ?? lookup(ORDER_STATUS_MAP, key);
	if (mapped === undefined) {
		throw new Error(
			`unknown order status ${JSON.stringify(status)} (known: ${known(ORDER_STATUS_MAP)}; map custom statuses with orderStatusMap)`,
		);
	}
	return mapped;
}

export function mapProductStatus(status: string): CanonicalProductStatus {
	const mapped = lookup(PRODUCT_STATUS_MAP, status);
	if (mapped === undefined) {
		throw new Error(`unknown product status ${JSON.stringify(status)} (known: ${known(PRODUCT_STATUS_MAP)})`);
	}
	return mapped;
}

export function mapProductType(type: string): CanonicalProductType {
	const mapped = lookup(PRODUCT_TYPE_MAP, type);
	if (mapped === undefined) {
		throw new Error(`unknown product type ${JSON.stringify(type)} (known: ${known(PRODUCT_TYPE_MAP)})`);
	}
	return mapped;
}

export function mapStockStatus(status: string): CanonicalStockStatus {
	const mapped = lookup(STOCK_STATUS_MAP, status);
	if (mapped === undefined) {
		throw new Error(`unknown stock status ${JSON.stringify(status)} (known: ${known(STOCK_STATUS_MAP)})`);
	}
	return mapped;
}
