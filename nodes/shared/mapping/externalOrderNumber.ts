/**
 * The order number Extend Commerce holds for a WooCommerce order (`orderNumberExternal`): the
 * store's order `number` behind an optional prefix (one Extend tenant may serve several stores).
 * The push builds it with `withOrderNumberPrefix` (see extendOrder.ts), the way back reads it with `wooOrderNumberOf`.
 */
export function withOrderNumberPrefix(wooNumber: string | number, prefix = ''): string {
	return `${prefix}${String(wooNumber)}`;
}

/** The WooCommerce order number inside an external number; undefined when it is not one of this store's (other prefix). */
export function wooOrderNumberOf(external: string | number, prefix = ''): string | undefined {
	const text = String(external).trim();
	if (!text.startsWith(prefix)) return undefined;
	const number = text.slice(prefix.length).trim();
	return number === '' ? undefined : number;
}
