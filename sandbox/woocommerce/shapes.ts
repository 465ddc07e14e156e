/**
 * Record builders: every WooCommerce object is built here with the exact key order and defaults of
 * a WooCommerce 10.0.2 REST response (product simple/variable, variation, order), so the generator,
 * the store's insert/edit helpers and the REST writes all produce the same shape.
 * Host-dependent strings (permalinks, image URLs, payment URLs) use the store's canonical origin;
 * the server rewrites them to the origin the client called. `_links` is added at serialisation.
 */
import type { WooAddress, WooImage, WooOrder, WooProduct, WooVariation } from './types';

export const money = (n: number): string => (Math.round(n * 100) / 100).toFixed(2);

const amountHtml = (v: string, hidden: boolean) =>
	`<span class="woocommerce-Price-amount amount"${hidden ? ' aria-hidden="true"' : ''}><bdi><span class="woocommerce-Price-currencySymbol">&#36;</span>${v}</bdi></span>`;

export function priceHtml(min: string, max: string, regular?: string, sale?: string): string {
	if (min === '') return '';
	if (min !== max) {
		return `${amountHtml(min, true)} <span aria-hidden="true">&ndash;</span> ${amountHtml(max, true)}<span class="screen-reader-text">Price range: &#36;${min} through &#36;${max}</span>`;
	}
	if (sale && regular && sale !== regular) {
		return `<del aria-hidden="true">${amountHtml(regular, false)}</del> <span class="screen-reader-text">Original price was: &#36;${regular}.</span><ins aria-hidden="true">${amountHtml(sale, false)}</ins><span class="screen-reader-text">Current price is: &#36;${sale}.</span>`;
	}
	return amountHtml(min, false);
}

export function slugify(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export interface DateSet {
	created: { local: string; gmt: string };
	modified: { local: string; gmt: string };
}

export function buildProduct(p: Partial<WooProduct> & { id: number; name: string }, d: DateSet, origin: string): WooProduct {
	const slug = p.slug ?? slugify(p.name);
	const type = p.type ?? 'simple';
	const regular = p.regular_price ?? (type === 'variable' ? '' : '10.00');
	const sale = p.sale_price ?? '';
	const price = p.price ?? (sale !== '' ? sale : regular);
	const out: WooProduct = {
		id: p.id,
		name: p.name,
		slug,
		permalink: p.permalink ?? `${origin}/product/${slug}/`,
		date_created: d.created.local,
		date_created_gmt: d.created.gmt,
		date_modified: d.modified.local,
		date_modified_gmt: d.modified.gmt,
		type,
		status: p.status ?? 'publish',
		featured: p.featured ?? false,
		catalog_visibility: 'visible',
		description: p.description ?? `<p>${p.name}: long description.</p>\n`,
		short_description: p.short_description ?? `<p>Short description of ${p.name}.</p>\n`,
		sku: p.sku ?? '',
		price,
		regular_price: regular,
		sale_price: sale,
		date_on_sale_from: null,
		date_on_sale_from_gmt: null,
		date_on_sale_to: null,
		date_on_sale_to_gmt: null,
		on_sale: sale !== '',
		purchasable: price !== '',
		total_sales: p.total_sales ?? 0,
		virtual: false,
		downloadable: false,
		downloads: [],
		download_limit: -1,
		download_expiry: -1,
		external_url: '',
		button_text: '',
		tax_status: 'taxable',
		tax_class: '',
		manage_stock: p.manage_stock ?? type !== 'variable',
		stock_quantity: p.stock_quantity !== undefined ? p.stock_quantity : type === 'variable' ? null : 10,
		backorders: 'no',
		backorders_allowed: false,
		backordered: false,
		low_stock_amount: null,
		sold_individually: false,
		weight: (p.weight as string) ?? '',
		dimensions: (p.dimensions as object) ?? { length: '', width: '', height: '' },
		shipping_required: true,
		shipping_taxable: true,
		shipping_class: '',
		shipping_class_id: 0,
		reviews_allowed: true,
		average_rating: p.average_rating ?? '0.00',
		rating_count: (p.rating_count as number) ?? 0,
		upsell_ids: [],
		cross_sell_ids: [],
		parent_id: p.parent_id ?? 0,
		purchase_note: '',
		categories: p.categories ?? [],
		brands: [],
		tags: (p.tags as unknown[]) ?? [],
		images: (p.images as unknown[]) ?? [],
		attributes: p.attributes ?? [],
		default_attributes: (p.default_attributes as unknown[]) ?? [],
		variations: p.variations ?? [],
		grouped_products: [],
		menu_order: p.menu_order ?? 0,
		price_html: (p.price_html as string) ?? priceHtml(price, price, regular, sale),
		related_ids: (p.related_ids as number[]) ?? [],
		meta_data: p.meta_data ?? [],
		stock_status: p.stock_status ?? 'instock',
		has_options: type === 'variable',
		post_password: '',
		global_unique_id: '',
	};
	return out;
}

export function buildVariation(
	v: Partial<WooVariation> & { id: number; parent_id: number },
	parent: { slug: string; name: string },
	d: DateSet,
	origin: string,
	image: WooImage | null,
): WooVariation {
	const attrs = v.attributes ?? [];
	const qs = attrs
		.map((a) => `attribute_${a.slug && a.slug.startsWith('pa_') ? a.slug : slugify(a.name)}=${a.slug && a.slug.startsWith('pa_') ? slugify(a.option) : encodeURIComponent(a.option).replace(/%20/g, '+')}`)
		.join('&');
	const regular = v.regular_price ?? '10.00';
	const sale = v.sale_price ?? '';
	const price = v.price ?? (sale !== '' ? sale : regular);
	return {
		id: v.id,
		type: 'variation',
		date_created: d.created.local,
		date_created_gmt: d.created.gmt,
		date_modified: d.modified.local,
		date_modified_gmt: d.modified.gmt,
		description: (v.description as string) ?? `<p>Variation ${attrs.map((a) => a.option.toLowerCase()).join(' / ')}</p>\n`,
		permalink: v.permalink ?? `${origin}/product/${parent.slug}/${qs ? `?${qs}` : ''}`,
		sku: v.sku ?? '',
		global_unique_id: '',
		price,
		regular_price: regular,
		sale_price: sale,
		date_on_sale_from: null,
		date_on_sale_from_gmt: null,
		date_on_sale_to: null,
		date_on_sale_to_gmt: null,
		on_sale: sale !== '',
		status: v.status ?? 'publish',
		purchasable: price !== '',
		virtual: false,
		downloadable: false,
		downloads: [],
		download_limit: -1,
		download_expiry: -1,
		tax_status: 'taxable',
		tax_class: '',
		manage_stock: v.manage_stock ?? true,
		stock_quantity: v.stock_quantity !== undefined ? v.stock_quantity : 5,
		stock_status: v.stock_status ?? 'instock',
		backorders: 'no',
		backorders_allowed: false,
		backordered: false,
		low_stock_amount: null,
		weight: (v.weight as string) ?? '',
		dimensions: { length: '', width: '', height: '' },
		shipping_class: '',
		shipping_class_id: 0,
		image,
		attributes: attrs,
		menu_order: v.menu_order ?? 0,
		meta_data: v.meta_data ?? [],
		name: v.name ?? attrs.map((a) => a.option).join(', '),
		parent_id: v.parent_id,
	};
}

export const emptyAddress = (withEmail: boolean): WooAddress => ({
	first_name: '',
	last_name: '',
	company: '',
	address_1: '',
	address_2: '',
	city: '',
	state: '',
	postcode: '',
	country: '',
	...(withEmail ? { email: '' } : {}),
	phone: '',
});

export interface OrderDates {
	created: { local: string; gmt: string };
	modified: { local: string; gmt: string };
	completed: { local: string; gmt: string } | null;
	paid: { local: string; gmt: string } | null;
}

const PAYMENT_TITLES: Record<string, string> = {
	bacs: 'Direct bank transfer',
	cheque: 'Check payments',
	cod: 'Cash on delivery',
	'': '',
};

export function buildOrder(o: Partial<WooOrder> & { id: number }, d: OrderDates, origin: string, version: string): WooOrder {
	const status = o.status ?? 'pending';
	const key = o.order_key ?? `wc_order_${o.id.toString(36).padStart(13, 'x')}`;
	const total = o.total ?? '0.00';
	const pm = o.payment_method ?? '';
	const lineItems = o.line_items ?? [];
	return {
		id: o.id,
		parent_id: o.parent_id ?? 0,
		status,
		currency: o.currency ?? 'USD',
		version: o.version ?? version,
		prices_include_tax: false,
		date_created: d.created.local,
		date_modified: d.modified.local,
		discount_total: o.discount_total ?? '0.00',
		discount_tax: o.discount_tax ?? '0.00',
		shipping_total: o.shipping_total ?? '0.00',
		shipping_tax: o.shipping_tax ?? '0.00',
		cart_tax: o.cart_tax ?? '0.00',
		total,
		total_tax: o.total_tax ?? '0.00',
		customer_id: o.customer_id ?? 0,
		order_key: key,
		billing: o.billing ?? emptyAddress(true),
		shipping: o.shipping ?? emptyAddress(false),
		payment_method: pm,
		payment_method_title: (o.payment_method_title as string) ?? PAYMENT_TITLES[pm] ?? pm,
		transaction_id: (o.transaction_id as string) ?? '',
		customer_ip_address: '',
		customer_user_agent: '',
		created_via: (o.created_via as string) ?? 'rest-api',
		customer_note: (o.customer_note as string) ?? '',
		date_completed: d.completed?.local ?? null,
		date_paid: d.paid?.local ?? null,
		cart_hash: '',
		number: String(o.id),
		meta_data: o.meta_data ?? [],
		line_items: lineItems,
		tax_lines: o.tax_lines ?? [],
		shipping_lines: o.shipping_lines ?? [],
		fee_lines: o.fee_lines ?? [],
		coupon_lines: o.coupon_lines ?? [],
		refunds: o.refunds ?? [],
		payment_url: `${origin}/checkout/order-pay/${o.id}/?pay_for_order=true&key=${key}`,
		is_editable: ['pending', 'on-hold', 'auto-draft'].includes(status),
		needs_payment: ['pending', 'failed'].includes(status) && Number(total) > 0,
		needs_processing: lineItems.length > 0,
		date_created_gmt: d.created.gmt,
		date_modified_gmt: d.modified.gmt,
		date_completed_gmt: d.completed?.gmt ?? null,
		date_paid_gmt: d.paid?.gmt ?? null,
		currency_symbol: '$',
	};
}
