/**
 * Deterministic data generator. Same seed + options = same store, field for field.
 *
 * With the defaults (30 products, 50 orders, 6 customers, 2025-01-01..2025-07-31, New York) the
 * data mirrors the captured WooCommerce 10.0.2 test store closely enough that every captured list
 * count is reproduced: 22 simple + 8 variable products (46 variations, one product with 16, one
 * with a custom "Capacity" attribute), 26 published, 20 modified after 2025-03-01 local, 13 whose
 * GMT modified date is after 2025-05-31 20:00 (the dates_are_gmt capture), 50 orders of which 22
 * are completed or refunded and 12 were modified after 2025-06-15 local. Modified dates are drawn
 * by stratified sampling through a piecewise-linear distribution anchored at those cut points (as
 * fractions of the date range), so the counts are exact for the default size and proportional for
 * other sizes.
 */
import { buildOrder, buildProduct, buildVariation, money, priceHtml, slugify } from './shapes';
import type { Row, Store } from './store';
import { wpDates } from './time';
import type { WooImage, WooMeta, WooProduct, WooSandboxOptions, WooVariation } from './types';

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Rng = () => number;
const pick = <T>(rng: Rng, a: readonly T[]): T => a[Math.floor(rng() * a.length)];
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

function shuffle<T>(rng: Rng, a: T[]): T[] {
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a;
}

const KEY_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEFAULT_SPAN = Date.parse('2025-07-31T00:00:00Z') - Date.parse('2025-01-01T00:00:00Z');

/** Stratified instants: n values, the k-th in quantile stratum k, mapped through the anchors. */
function stratified(rng: Rng, n: number, start: number, end: number, anchors: Array<[number, number]>): number[] {
	const pts: Array<[number, number]> = [[0, 0], ...anchors, [1, 1]];
	const span = end - start;
	const out: number[] = [];
	for (let k = 0; k < n; k++) {
		const q = (k + 0.1 + 0.8 * rng()) / n;
		let i = 1;
		while (i < pts.length - 1 && q > pts[i][0]) i++;
		const [q0, f0] = pts[i - 1];
		const [q1, f1] = pts[i];
		const f = f0 + ((q - q0) / (q1 - q0)) * (f1 - f0);
		out.push(start + Math.floor(f * span));
	}
	return shuffle(rng, out);
}

const frac = (ms: number) => ms / DEFAULT_SPAN;

export const CATEGORIES = [
	{ id: 16, name: 'Accessories', slug: 'accessories' },
	{ id: 17, name: 'T-Shirts', slug: 't-shirts' },
	{ id: 18, name: 'Hoodies', slug: 'hoodies' },
	{ id: 19, name: 'Sweaters', slug: 'sweaters' },
	{ id: 20, name: 'Home &amp; Kitchen', slug: 'home' },
	{ id: 21, name: 'Drinkware', slug: 'drinkware' },
];

const SIMPLE_NAMES = [
	'Café Crème Mug — 350 ml',
	'Water Bottle',
	'Canvas Tote',
	'Wool Beanie',
	'Leather Card Holder',
	'Espresso Cup Set',
	'Linen Tea Towel',
	'Bamboo Cutting Board',
	'Sunglasses',
	'Enamel Pin “Fika”',
	'Notebook A5',
	'Ceramic Bowl',
	'Scented Candle — Ørsted',
	'Cotton Socks',
	'Phone Stand',
	'Keyring',
	'Coaster Set',
	'Travel Pouch',
	'Wall Calendar 2026',
	'Lip Balm',
	'Umbrella',
	'Garden Gloves',
];
const VARIABLE_NAMES = ['Classic Tee', 'Heavyweight Hoodie', 'Everyday Tee', 'Zip Fleece', 'Rain Jacket', 'Enamel Mug', 'Knit Sweater', 'Track Pants'];
const COLORS = ['Red', 'Blue', 'Green', 'Black', 'White'];
const SIZES = ['S', 'M', 'L', 'XL'];

const CUSTOMER_TABLE = [
	{ first: 'Alice', last: 'Andersson', city: 'Jönköping', state: '', postcode: '553 20', country: 'SE', street: 'Storgatan 12' },
	{ first: 'Bob', last: 'Brown', city: 'New York', state: 'NY', postcode: '10001', country: 'US', street: '350 5th Ave' },
	{ first: 'Chloé', last: 'Dubois', city: 'Paris', state: '', postcode: '75002', country: 'FR', street: '8 Rue de la Paix' },
	{ first: 'Zoë', last: 'Müller', city: 'München', state: '', postcode: '80331', country: 'DE', street: 'Marienplatz 1' },
	{ first: 'Emi', last: 'Tanaka', city: 'Chicago', state: 'IL', postcode: '60601', country: 'US', street: '200 E Randolph St' },
	{ first: 'Frank', last: 'García', city: 'Austin', state: 'TX', postcode: '73301', country: 'US', street: '1100 Congress Ave' },
];

const ORDER_STATUS_MIX: Array<[string, number]> = [
	['completed', 18],
	['processing', 12],
	['on-hold', 5],
	['pending', 4],
	['cancelled', 4],
	['refunded', 4],
	['failed', 3],
];

interface Purchasable {
	productId: number;
	variationId: number;
	name: string;
	parentName: string | null;
	sku: string;
	price: number;
	image: { id: number | ''; src: string };
	attrs: Array<{ key: string; value: string; display_key: string; display_value: string }>;
}

export interface GeneratedCustomer {
	id: number;
	first: string;
	last: string;
	email: string;
	city: string;
	state: string;
	postcode: string;
	country: string;
	street: string;
	phone: string;
}

export function generate(store: Store, o: Required<WooSandboxOptions>): { customers: GeneratedCustomer[] } {
	const rng = mulberry32(o.seed);
	const tz = o.timeZone;
	const origin = store.ctx.origin;
	const start = Date.parse(o.dataStartUtc);
	const end = Date.parse(o.dataEndUtc);
	if (!(end > start)) throw new Error('sandbox: dataEndUtc must be after dataStartUtc');
	const meta = (key: string, value: unknown): WooMeta => ({ id: store.nextMetaId++, key, value });

	// images (ids below the first post id, like media uploaded before the products)
	const imgDate = wpDates(start, tz);
	const images: WooImage[] = ['red', 'blue', 'green'].map((c, i) => ({
		id: 10 + i,
		date_created: imgDate.local,
		date_created_gmt: imgDate.gmt,
		date_modified: imgDate.local,
		date_modified_gmt: imgDate.gmt,
		src: `${origin}/wp-content/uploads/sandbox/${c}.png`,
		name: `Sandbox ${c[0].toUpperCase()}${c.slice(1)}`,
		alt: `Sandbox ${c}`,
	}));
	store.images = images;

	// ---- products ------------------------------------------------------------------------------
	const n = Math.max(0, Math.floor(o.products));
	const nVariable = Math.min(n, Math.round(n * o.variableShare));
	const modified = stratified(rng, n, start, end, [
		[1 / 3, frac(59 * DAY + 5 * HOUR)],
		[17 / 30, frac(150 * DAY + 20 * HOUR)],
	]);
	const specs = modified.map((m, i) => {
		const created = start + Math.floor(rng() * 0.8 * (m - start));
		return { i, created, modified: m, variable: false };
	});
	// which products are variable: spread over the list
	for (let k = 0; k < nVariable; k++) specs[Math.floor(((k + 0.5) * n) / nVariable)].variable = true;
	const nonPublish = Math.round((n * 4) / 30);
	const statusOf = new Map<number, string>();
	const nonPublishStatuses = ['draft', 'private', 'pending', 'draft'];
	shuffle(rng, specs.map((s) => s.i))
		.slice(0, nonPublish)
		.forEach((i, k) => statusOf.set(i, nonPublishStatuses[k % nonPublishStatuses.length]));

	// ids follow creation order
	const ordered = [...specs].sort((a, b) => a.created - b.created || a.i - b.i);
	let simpleNo = 0;
	let variableNo = 0;
	const purchasable: Purchasable[] = [];
	const vpp = Math.max(1, Math.floor(o.variationsPerProduct));
	for (const s of ordered) {
		const id = store.allocId();
		const status = statusOf.get(s.i) ?? 'publish';
		const pd = { created: wpDates(s.created, tz), modified: wpDates(s.modified, tz) };
		if (!s.variable) {
			simpleNo++;
			const base = SIMPLE_NAMES[(simpleNo - 1) % SIMPLE_NAMES.length];
			const name = simpleNo > SIMPLE_NAMES.length ? `${base} #${Math.ceil(simpleNo / SIMPLE_NAMES.length)}` : base;
			const regular = money(int(rng, 5, 60) + pick(rng, [0, 0.5, 0.99]));
			const onSale = rng() < 0.15;
			const sale = onSale ? money(Number(regular) * 0.8) : '';
			const cat = pick(rng, CATEGORIES);
			const sku = `TB-S-${String(simpleNo).padStart(3, '0')}`;
			const p = buildProduct(
				{
					id,
					name,
					slug: simpleNo > SIMPLE_NAMES.length ? `${slugify(name)}` : undefined,
					status,
					sku,
					regular_price: regular,
					sale_price: sale,
					total_sales: int(rng, 0, 40),
					stock_quantity: int(rng, 0, 80),
					weight: money(rng() * 2).replace(/\.?0+$/, '') || '0.1',
					dimensions: { length: String(int(rng, 5, 40)), width: String(int(rng, 5, 30)), height: String(int(rng, 1, 20)) },
					categories: [cat],
					featured: rng() < 0.1,
					menu_order: 0,
					meta_data: [meta('sandbox_origin', 'seed')],
				},
				pd,
				origin,
			);
			if (p.stock_quantity === 0) p.stock_status = 'outofstock';
			store.addRow(store.makeRow('product', p, 0, s.created, s.modified) as Row);
			if (status === 'publish') {
				purchasable.push({ productId: id, variationId: 0, name, parentName: null, sku, price: Number(p.price), image: { id: '', src: '' }, attrs: [] });
			}
			continue;
		}
		variableNo++;
		const baseName = VARIABLE_NAMES[(variableNo - 1) % VARIABLE_NAMES.length];
		const sixteen = n >= 10 && variableNo === 3;
		const custom = n >= 10 && variableNo === 6;
		const name = sixteen ? `${baseName} (16 variations)` : variableNo > VARIABLE_NAMES.length ? `${baseName} #${Math.ceil(variableNo / VARIABLE_NAMES.length)}` : baseName;
		const sku = `TB-V-${String(variableNo).padStart(3, '0')}`;
		const image = images[variableNo % images.length];
		let combos: Array<Array<{ id: number; name: string; slug: string; option: string }>>;
		let attributes: Array<Record<string, unknown>>;
		if (custom) {
			const opts = ['250 ml', '350 ml', '500 ml'];
			attributes = [{ id: 0, name: 'Capacity', slug: 'Capacity', position: 0, visible: true, variation: true, options: opts }];
			combos = opts.map((op) => [{ id: 0, name: 'Capacity', slug: 'capacity', option: op }]);
		} else {
			const count = sixteen ? 16 : vpp >= 2 ? vpp - (variableNo % 2 === 1 ? 1 : 0) : vpp;
			const colors = sixteen ? COLORS.slice(0, 4) : COLORS;
			const all: typeof combos = [];
			for (const c of colors) for (const z of SIZES) all.push([{ id: 1, name: 'Color', slug: 'pa_color', option: c }, { id: 2, name: 'Size', slug: 'pa_size', option: z }]);
			while (all.length < count) {
				const k = all.length;
				all.push([{ id: 1, name: 'Color', slug: 'pa_color', option: `${COLORS[k % COLORS.length]} ${Math.floor(k / 20) + 1}` }, { id: 2, name: 'Size', slug: 'pa_size', option: SIZES[k % SIZES.length] }]);
			}
			combos = all.slice(0, count);
			const usedColors = [...new Set(combos.map((c) => c[0].option))];
			const usedSizes = [...new Set(combos.map((c) => c[1].option))];
			attributes = [
				{ id: 1, name: 'Color', slug: 'pa_color', position: 0, visible: true, variation: true, options: usedColors },
				{ id: 2, name: 'Size', slug: 'pa_size', position: 1, visible: true, variation: true, options: usedSizes },
			];
		}
		const basePrice = int(rng, 12, 70);
		const prices = combos.map((_, k) => basePrice + (k % 4 === 3 ? 3 : 0) + (custom ? k * 2 : 0));
		const min = money(Math.min(...prices));
		const max = money(Math.max(...prices));
		const parent = buildProduct(
			{
				id,
				name,
				status,
				sku,
				type: 'variable',
				regular_price: '',
				price: min,
				price_html: priceHtml(min, max),
				total_sales: int(rng, 0, 60),
				categories: [custom ? CATEGORIES[5] : pick(rng, CATEGORIES.slice(1, 4))],
				images: [image],
				attributes,
				default_attributes: custom ? [] : [{ id: 1, name: 'Color', option: slugify(combos[0][0].option) }],
				meta_data: [meta('sandbox_origin', 'seed')],
			},
			pd,
			origin,
		);
		store.addRow(store.makeRow('product', parent, 0, s.created, s.modified) as Row);
		combos.forEach((attrs, k) => {
			const vid = store.allocId();
			const vmod = Math.max(s.created, s.modified - (k === 0 ? 0 : int(rng, 0, 3)) * HOUR);
			const vsku = `${sku}-${attrs.map((a) => a.option.toUpperCase().replace(/\s+/g, '-')).join('-')}`;
			const v: WooVariation = buildVariation(
				{
					id: vid,
					parent_id: id,
					sku: vsku,
					regular_price: money(prices[k]),
					status: sixteen && k === 10 ? 'private' : 'publish',
					stock_quantity: int(rng, 0, 12),
					weight: custom ? '' : '0.3',
					attributes: custom ? attrs.map((a) => ({ id: a.id, name: a.name, slug: a.slug, option: a.option })) : attrs,
					meta_data: [meta('sandbox_origin', 'seed')],
				},
				parent,
				{ created: pd.created, modified: wpDates(vmod, tz) },
				origin,
				image,
			);
			if (v.stock_quantity === 0) v.stock_status = 'outofstock';
			store.addRow(store.makeRow('variation', v, id, s.created, vmod) as Row);
			parent.variations.push(vid);
			if (status === 'publish' && v.status === 'publish') {
				purchasable.push({
					productId: id,
					variationId: vid,
					name: `${name} - ${attrs.map((a) => a.option).join(', ')}`,
					parentName: name,
					sku: vsku,
					price: prices[k],
					image: { id: image.id, src: image.src },
					attrs: attrs.map((a) => ({ key: a.slug.startsWith('pa_') ? a.slug : slugify(a.name), value: a.slug.startsWith('pa_') ? slugify(a.option) : a.option, display_key: a.name, display_value: a.option })),
				});
			}
		});
	}
	// related ids: a few other products of the same category
	const allProducts = [...store.productRows.rows.values()].map((r) => r.obj as WooProduct);
	const byCategory = new Map<number, number[]>();
	for (const p of allProducts) {
		if (p.status !== 'publish') continue;
		const c = p.categories[0]?.id ?? 0;
		byCategory.set(c, [...(byCategory.get(c) ?? []), p.id].slice(-40));
	}
	for (const p of allProducts) {
		const same = (byCategory.get(p.categories[0]?.id ?? 0) ?? []).filter((id) => id !== p.id);
		p.related_ids = shuffle(rng, [...same]).slice(0, 5);
	}

	// ---- customers -----------------------------------------------------------------------------
	const customers: GeneratedCustomer[] = [];
	for (let k = 0; k < Math.max(0, Math.floor(o.customers)); k++) {
		const t = CUSTOMER_TABLE[k % CUSTOMER_TABLE.length];
		const suffix = k >= CUSTOMER_TABLE.length ? ` ${Math.floor(k / CUSTOMER_TABLE.length) + 1}` : '';
		customers.push({
			id: k + 2,
			first: t.first,
			last: `${t.last}${suffix}`,
			email: `${slugify(t.first)}${suffix ? suffix.trim() : ''}@example.test`,
			city: t.city,
			state: t.state,
			postcode: t.postcode,
			country: t.country,
			street: t.street,
			phone: `+1-555-${String(2000 + k).padStart(4, '0')}`,
		});
	}

	// ---- orders --------------------------------------------------------------------------------
	const m = Math.max(0, Math.floor(o.orders));
	const others: string[] = [];
	const totalWeight = ORDER_STATUS_MIX.reduce((s, [, w]) => s + w, 0);
	for (const [st, w] of ORDER_STATUS_MIX.slice(1)) for (let k = 0; k < Math.round((m * w) / totalWeight); k++) others.push(st);
	// The first status of the mix takes the rest, in front (built at once: unshifting one by one is quadratic).
	const statuses = new Array<string>(Math.max(0, m - others.length)).fill('completed').concat(others);
	statuses.length = m;
	shuffle(rng, statuses);
	const omod = stratified(rng, m, start, end, [[38 / 50, frac(165 * DAY + 4 * HOUR)]]);
	const ospecs = omod.map((mod, i) => {
		const gap = Math.floor(rng() * Math.min(mod - start, 40 * DAY));
		return { i, modified: mod, created: mod - gap, status: statuses[i] };
	});
	ospecs.sort((a, b) => a.created - b.created || a.i - b.i);
	const TAX_RATE = 0.0725;
	let guestNo = 0;
	for (const s of ospecs) {
		const id = store.allocId();
		const cust = customers.length > 0 && rng() < 0.6 ? pick(rng, customers) : null;
		const addr = cust
			? { first_name: cust.first, last_name: cust.last, company: '', address_1: cust.street, address_2: '', city: cust.city, state: cust.state, postcode: cust.postcode, country: cust.country }
			: { first_name: 'Guest', last_name: `Shopper ${guestNo}`, company: '', address_1: `${guestNo} Sunset Blvd`, address_2: '', city: 'Los Angeles', state: 'CA', postcode: '90001', country: 'US' };
		const email = cust ? cust.email : `guest${guestNo}@example.test`;
		const phone = cust ? cust.phone : `+1-555-${String(3000 + (guestNo % 1000)).padStart(4, '0')}`;
		if (!cust) guestNo++;
		const taxed = addr.state === 'CA' || addr.state === 'TX' ? rng() < 0.7 : false;
		const coupon = rng() < 0.18;
		const fee = rng() < 0.2;
		const reduced = ['processing', 'completed', 'on-hold', 'refunded'].includes(s.status);
		const nItems = purchasable.length ? int(rng, 1, 4) : 0;
		let itemsTotal = 0;
		let itemsSubtotal = 0;
		let cartTax = 0;
		let subtotalTax = 0;
		const lineItems = [] as Array<Record<string, unknown>>;
		for (let k = 0; k < nItems; k++) {
			const pr = pick(rng, purchasable);
			const qty = int(rng, 1, 3);
			const sub = pr.price * qty;
			const disc = coupon ? Math.round(sub * 10) / 100 : 0;
			const tot = sub - disc;
			const tax = taxed ? Math.round(tot * TAX_RATE * 100) / 100 : 0;
			const subTax = taxed ? Math.round(sub * TAX_RATE * 100) / 100 : 0;
			itemsTotal += tot;
			itemsSubtotal += sub;
			cartTax += tax;
			subtotalTax += subTax;
			const imeta: Array<Record<string, unknown>> = pr.attrs.map((a) => ({ id: store.nextMetaId++, ...a }));
			if (reduced) imeta.push({ id: store.nextMetaId++, key: '_reduced_stock', value: String(qty), display_key: '_reduced_stock', display_value: String(qty) });
			lineItems.push({
				id: store.nextItemId++,
				name: pr.name,
				product_id: pr.productId,
				variation_id: pr.variationId,
				quantity: qty,
				tax_class: '',
				subtotal: money(sub),
				subtotal_tax: money(subTax),
				total: money(tot),
				total_tax: money(tax),
				taxes: taxed ? [{ id: 1, total: money(tax), subtotal: money(subTax) }] : [],
				meta_data: imeta,
				sku: pr.sku,
				price: Math.round((tot / qty) * 100) / 100,
				image: pr.image,
				parent_name: pr.parentName,
			});
		}
		const freeShip = itemsSubtotal >= 150;
		const shipTotal = freeShip ? 0 : 5;
		const shipTax = taxed ? Math.round(shipTotal * TAX_RATE * 100) / 100 : 0;
		const shippingLines = [
			{
				id: store.nextItemId++,
				method_title: freeShip ? 'Free shipping' : 'Flat rate',
				method_id: freeShip ? 'free_shipping' : 'flat_rate',
				instance_id: freeShip ? '2' : '1',
				total: money(shipTotal),
				total_tax: money(shipTax),
				taxes: taxed ? [{ id: 1, total: money(shipTax), subtotal: '' }] : [],
				tax_status: 'taxable',
				meta_data: [] as unknown[],
			},
		];
		const feeLines = fee
			? [{ id: store.nextItemId++, name: 'Gift wrap', tax_class: '', tax_status: 'none', amount: '3.50', total: '3.50', total_tax: '0.00', taxes: [] as unknown[], meta_data: [] as unknown[] }]
			: [];
		const discount = itemsSubtotal - itemsTotal;
		const couponLines = coupon
			? [{ id: store.nextItemId++, code: 'sandbox10', discount: money(discount), discount_tax: money(subtotalTax - cartTax), discount_type: 'percent', nominal_amount: 10, free_shipping: false, meta_data: [] as unknown[] }]
			: [];
		const totalTax = cartTax + shipTax;
		const taxLines = taxed
			? [{ id: store.nextItemId++, rate_code: 'US-STATE TAX-1', rate_id: 1, label: 'State Tax', compound: false, tax_total: money(cartTax), shipping_tax_total: money(shipTax), rate_percent: 7.25, meta_data: [] as unknown[] }]
			: [];
		const total = itemsTotal + shipTotal + (fee ? 3.5 : 0) + totalTax;
		const paidAt = ['processing', 'completed', 'refunded'].includes(s.status) ? Math.min(s.created + 10 * 60_000, s.modified) : null;
		const completedAt = ['completed', 'refunded'].includes(s.status) ? Math.min(s.created + Math.floor((s.modified - s.created) * 0.5) + HOUR, s.modified) : null;
		const refunds: Array<{ id: number; reason: string; total: string }> = [];
		const order = buildOrder(
			{
				id,
				status: s.status,
				customer_id: cust ? cust.id : 0,
				order_key: `wc_order_${Array.from({ length: 13 }, () => pick(rng, KEY_CHARS)).join('')}`,
				billing: { ...addr, email, phone },
				shipping: { ...addr, phone: '' },
				payment_method: pick(rng, ['bacs', 'cheque', 'cod']),
				transaction_id: paidAt ? `SBTX${String(id).padStart(6, '0')}` : '',
				created_via: rng() < 0.85 ? 'checkout' : 'admin',
				customer_note: rng() < 0.1 ? 'Please leave the parcel at the door.' : '',
				discount_total: money(discount),
				discount_tax: money(subtotalTax - cartTax),
				shipping_total: money(shipTotal),
				shipping_tax: money(shipTax),
				cart_tax: money(cartTax),
				total: money(total),
				total_tax: money(totalTax),
				meta_data: [meta('_sandbox_seq', String(s.i)), meta('sales_channel', pick(rng, ['web', 'web', 'phone', 'pos']))],
				line_items: lineItems,
				tax_lines: taxLines,
				shipping_lines: shippingLines,
				fee_lines: feeLines,
				coupon_lines: couponLines,
				refunds,
			},
			{
				created: wpDates(s.created, tz),
				modified: wpDates(s.modified, tz),
				completed: completedAt !== null ? wpDates(completedAt, tz) : null,
				paid: paidAt !== null ? wpDates(paidAt, tz) : null,
			},
			origin,
			o.wooVersion,
		);
		store.addRow(store.makeRow('order', order, 0, s.created, s.modified) as Row);
		if (s.status === 'refunded') refunds.push({ id: store.allocId(), reason: 'Order fully refunded.', total: money(-total) });
		else if (s.status === 'completed' && shipTotal > 0 && rng() < 0.2) refunds.push({ id: store.allocId(), reason: 'Shipping refund', total: money(-shipTotal) });
	}
	return { customers };
}
