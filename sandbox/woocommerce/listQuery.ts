/**
 * Collection queries: parameter validation (WordPress `rest_validate_value_from_schema` messages),
 * sanitising, filtering, ordering, paging (LIMIT/OFFSET over the live data) and the pagination
 * headers (`X-WP-Total`, `X-WP-TotalPages`, `Link`).
 */
import { addQueryArg, type PhpArray, type PhpValue } from './phpQuery';
import { queryIndex, type ModifiedBounds, type RowRange } from './modifiedIndex';
import type { Collection, Row } from './store';
import { dateQueryValue, isValidRestDate } from './time';
import type { WooOrder, WooProduct } from './types';

type ParamType = 'integer' | 'string' | 'boolean' | 'date' | 'intArray' | 'enumArray' | 'enum';

interface ParamDef {
	name: string;
	type: ParamType;
	enum?: string[];
	min?: number;
	max?: number;
}

const DATE_PARAMS: ParamDef[] = [
	{ name: 'after', type: 'date' },
	{ name: 'before', type: 'date' },
	{ name: 'modified_after', type: 'date' },
	{ name: 'modified_before', type: 'date' },
	{ name: 'dates_are_gmt', type: 'boolean' },
];

const COMMON_HEAD: ParamDef[] = [
	{ name: 'context', type: 'enum', enum: ['view', 'edit'] },
	{ name: 'page', type: 'integer', min: 1 },
	{ name: 'per_page', type: 'integer', min: 1, max: 100 },
	{ name: 'search', type: 'string' },
];

const COMMON_MID: ParamDef[] = [
	{ name: 'exclude', type: 'intArray' },
	{ name: 'include', type: 'intArray' },
	{ name: 'offset', type: 'integer' },
	{ name: 'order', type: 'enum', enum: ['asc', 'desc'] },
];

export const PRODUCT_ORDERBY = ['date', 'id', 'include', 'title', 'slug', 'modified', 'price', 'popularity', 'rating', 'menu_order'];
export const ORDER_ORDERBY = ['date', 'id', 'include', 'title', 'slug', 'modified'];
export const PRODUCT_STATUSES = ['any', 'future', 'trash', 'draft', 'pending', 'private', 'publish'];
export const ORDER_STATUSES = ['any', 'trash', 'auto-draft', 'pending', 'processing', 'on-hold', 'completed', 'cancelled', 'refunded', 'failed', 'checkout-draft'];

export type ListKind = 'products' | 'variations' | 'orders';

export function paramDefs(kind: ListKind, legacyNoModified: boolean): ParamDef[] {
	// WooCommerce < 5.8 has no modified_after / modified_before / dates_are_gmt: unknown params are ignored.
	const dates = legacyNoModified ? DATE_PARAMS.filter((d) => d.name === 'after' || d.name === 'before') : DATE_PARAMS;
	const head = [...COMMON_HEAD, ...dates, ...COMMON_MID];
	if (kind === 'orders') {
		return [
			...head,
			{ name: 'orderby', type: 'enum', enum: ORDER_ORDERBY },
			{ name: 'parent', type: 'intArray' },
			{ name: 'parent_exclude', type: 'intArray' },
			{ name: 'status', type: 'enumArray', enum: ORDER_STATUSES },
			{ name: 'customer', type: 'integer' },
			{ name: 'product', type: 'integer' },
			{ name: 'dp', type: 'integer' },
			{ name: 'created_via', type: 'string' },
		];
	}
	return [
		...head,
		{ name: 'orderby', type: 'enum', enum: PRODUCT_ORDERBY },
		{ name: 'parent', type: 'intArray' },
		{ name: 'parent_exclude', type: 'intArray' },
		{ name: 'slug', type: 'string' },
		{ name: 'status', type: 'enum', enum: PRODUCT_STATUSES },
		...(kind === 'products' ? [{ name: 'type', type: 'enum', enum: ['simple', 'grouped', 'external', 'variable'] } as ParamDef] : []),
		{ name: 'sku', type: 'string' },
		...(kind === 'products'
			? ([
					{ name: 'featured', type: 'boolean' },
					{ name: 'category', type: 'string' },
					{ name: 'tag', type: 'string' },
				] as ParamDef[])
			: []),
		{ name: 'on_sale', type: 'boolean' },
		{ name: 'min_price', type: 'string' },
		{ name: 'max_price', type: 'string' },
		{ name: 'stock_status', type: 'enum', enum: ['instock', 'outofstock', 'onbackorder'] },
	];
}

export interface InvalidParams {
	params: Record<string, string>;
	details: Record<string, { code: string; message: string; data: null }>;
}

/** PHP `wp_sprintf('%l', ...)`: "a", "a and b", "a, b, and c". */
export function listJoin(items: string[]): string {
	if (items.length <= 1) return items.join('');
	if (items.length === 2) return `${items[0]} and ${items[1]}`;
	return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const isInteger = (v: string) => NUMERIC.test(v) && Number.isInteger(Number(v));
const isBoolean = (v: string) => ['true', 'false', '0', '1'].includes(v.toLowerCase());
export const toBool = (v: string | undefined) => v !== undefined && ['true', '1'].includes(String(v).toLowerCase());

/** WordPress `wp_parse_list()`: arrays pass through, strings split on commas/whitespace. */
export function parseList(v: PhpValue): string[] {
	if (v instanceof Map) return [...v.values()].map((x) => (x instanceof Map ? '' : x));
	return v.split(/[\s,]+/).filter((x) => x !== '');
}

function validateOne(def: ParamDef, value: PhpValue): { code: string; message: string } | null {
	const n = def.name;
	const notType = (t: string, name = n) => ({ code: 'rest_invalid_type', message: `${name} is not of type ${t}.` });
	if (def.type === 'intArray' || def.type === 'enumArray') {
		const items = parseList(value);
		for (let i = 0; i < items.length; i++) {
			if (def.type === 'intArray' && !isInteger(items[i])) return notType('integer', `${n}[${i}]`);
			if (def.type === 'enumArray' && !def.enum!.includes(items[i])) return { code: 'rest_not_in_enum', message: `${n}[${i}] is not one of ${listJoin(def.enum!)}.` };
		}
		return null;
	}
	if (value instanceof Map) return notType(def.type === 'integer' ? 'integer' : def.type === 'boolean' ? 'boolean' : 'string');
	switch (def.type) {
		case 'integer': {
			if (!isInteger(value)) return notType('integer');
			const x = Number(value);
			if (def.min !== undefined && def.max !== undefined && (x < def.min || x > def.max)) {
				return { code: 'rest_out_of_bounds', message: `${n} must be between ${def.min} (inclusive) and ${def.max} (inclusive)` };
			}
			if (def.min !== undefined && x < def.min) return { code: 'rest_out_of_bounds', message: `${n} must be greater than or equal to ${def.min}` };
			return null;
		}
		case 'boolean':
			return isBoolean(value) ? null : notType('boolean');
		case 'date':
			return isValidRestDate(value) ? null : { code: 'rest_invalid_date', message: 'Invalid date.' };
		case 'enum':
			return def.enum!.includes(value) ? null : { code: 'rest_not_in_enum', message: `${n} is not one of ${listJoin(def.enum!)}.` };
		default:
			return null;
	}
}

/** Validate every registered parameter present in the request, in registration order. */
export function validateParams(defs: ParamDef[], q: PhpArray): InvalidParams | null {
	const out: InvalidParams = { params: {}, details: {} };
	let bad = false;
	for (const d of defs) {
		const v = q.get(d.name);
		if (v === undefined) continue;
		const err = validateOne(d, v);
		if (err) {
			bad = true;
			out.params[d.name] = err.message;
			out.details[d.name] = { code: err.code, message: err.message, data: null };
		}
	}
	return bad ? out : null;
}

/**
 * Sanitise the query in place the way `WP_REST_Request::sanitize_params()` rewrites `$_GET`
 * (integers normalised, id lists and the orders `status` list become arrays, booleans 1/0).
 * The rewritten query is what WooCommerce echoes in the pagination Link header.
 */
export function sanitizeParams(defs: ParamDef[], q: PhpArray): void {
	for (const d of defs) {
		const v = q.get(d.name);
		if (v === undefined) continue;
		if (d.type === 'integer' && typeof v === 'string') q.set(d.name, String(Math.trunc(Number(v))));
		else if (d.type === 'boolean' && typeof v === 'string') q.set(d.name, toBool(v) ? '1' : '0');
		else if (d.type === 'intArray') q.set(d.name, arrayOf([...new Set(parseList(v).map((x) => String(Math.abs(Math.trunc(Number(x))))))]));
		else if (d.type === 'enumArray') q.set(d.name, arrayOf(parseList(v)));
	}
}

export function arrayOf(items: string[]): PhpArray {
	return new Map(items.map((x, i) => [String(i), x]));
}

const str = (q: PhpArray, k: string): string | undefined => {
	const v = q.get(k);
	return typeof v === 'string' ? v : undefined;
};
const ids = (q: PhpArray, k: string): number[] | undefined => {
	const v = q.get(k);
	return v === undefined ? undefined : parseList(v).map(Number);
};

export interface ListRequest {
	kind: ListKind;
	q: PhpArray;
	timeZone: string;
	/** WooCommerce < 5.8: modified_after/modified_before/dates_are_gmt are not registered, so ignored */
	legacyNoModified?: boolean;
}

export interface ListResult {
	rows: Row[];
	total: number;
	totalPages: number;
	page: number;
	perPage: number;
}

type Pred = (r: Row) => boolean;

/** The modified bounds of a query, when it has any and the store honours them. */
function modifiedBounds(req: ListRequest): ModifiedBounds | undefined {
	if (req.legacyNoModified === true) return undefined;
	const value = (name: string) => {
		const v = str(req.q, name);
		return v === undefined || v === '' ? undefined : dateQueryValue(v, req.timeZone);
	};
	const after = value('modified_after');
	const before = value('modified_before');
	if (after === undefined && before === undefined) return undefined;
	const gmt = toBool(str(req.q, 'dates_are_gmt'));
	return { after, before, gmt, column: gmt ? (r: Row) => r.modifiedUtc : (r: Row) => r.modifiedLocal };
}

/** `withoutModified`: leave the modified bounds to the caller (see modifiedRange.ts). */
function buildPredicates(req: ListRequest, withoutModified = false): Pred[] {
	const { q, kind } = req;
	const preds: Pred[] = [];
	const legacy = req.legacyNoModified === true;
	const gmt = !legacy && toBool(str(q, 'dates_are_gmt'));
	const bound = (name: string, created: boolean, after: boolean) => {
		const v = str(q, name);
		if (v === undefined || v === '') return;
		const t = dateQueryValue(v, req.timeZone);
		// the value is compared with the column dates_are_gmt selects (see time.ts)
		const col = created ? (gmt ? (r: Row) => r.createdUtc : (r: Row) => r.createdLocal) : gmt ? (r: Row) => r.modifiedUtc : (r: Row) => r.modifiedLocal;
		preds.push(after ? (r) => col(r) > t : (r) => col(r) < t);
	};
	bound('after', true, true);
	bound('before', true, false);
	if (!legacy && !withoutModified) {
		bound('modified_after', false, true);
		bound('modified_before', false, false);
	}
	const inc = ids(q, 'include');
	if (inc && inc.length) {
		const s = new Set(inc);
		preds.push((r) => s.has(r.id));
	}
	const exc = ids(q, 'exclude');
	if (exc && exc.length) {
		const s = new Set(exc);
		preds.push((r) => !s.has(r.id));
	}
	const par = ids(q, 'parent');
	if (par && par.length) {
		const s = new Set(par);
		preds.push((r) => s.has(Number(r.obj.parent_id)));
	}
	const parEx = ids(q, 'parent_exclude');
	if (parEx && parEx.length) {
		const s = new Set(parEx);
		preds.push((r) => !s.has(Number(r.obj.parent_id)));
	}
	const search = str(q, 'search');
	if (search) {
		const needle = search.toLowerCase();
		if (kind === 'orders') {
			preds.push((r) => {
				const o = r.obj as WooOrder;
				return [o.billing.first_name, o.billing.last_name, o.billing.email ?? '', o.number].some((x) => x.toLowerCase().includes(needle));
			});
		} else preds.push((r) => String(r.obj.name ?? '').toLowerCase().includes(needle));
	}
	if (kind === 'orders') {
		const st = q.get('status');
		const list = st === undefined ? ['any'] : (parseList(st) as string[]);
		const set = new Set(list);
		const any = set.has('any');
		// status=any: every status that shows in "All" (not trash, auto-draft or checkout-draft)
		preds.push((r) => {
			const s = r.obj.status as string;
			if (set.has(s)) return true;
			return any && s !== 'trash' && s !== 'auto-draft' && s !== 'checkout-draft';
		});
		const customer = str(q, 'customer');
		if (customer !== undefined && customer !== '') preds.push((r) => r.obj.customer_id === Number(customer));
		const product = str(q, 'product');
		if (product !== undefined && product !== '' && Number(product) > 0) {
			const pid = Number(product);
			preds.push((r) => (r.obj as WooOrder).line_items.some((li) => li.product_id === pid || li.variation_id === pid));
		}
		const via = str(q, 'created_via');
		if (via) {
			const s = new Set(via.split(','));
			preds.push((r) => s.has(String(r.obj.created_via)));
		}
		return preds;
	}
	// products / variations
	const status = str(q, 'status') ?? 'any';
	// WP_Query post_status=any: everything except statuses excluded from search (trash, auto-draft)
	if (status === 'any') preds.push((r) => r.obj.status !== 'trash' && r.obj.status !== 'auto-draft');
	else preds.push((r) => r.obj.status === status);
	const type = str(q, 'type');
	if (type) preds.push((r) => r.obj.type === type);
	const sku = str(q, 'sku');
	if (sku) {
		// MySQL compares the `_sku` meta without regard to letter case (captured: wctb-v-006-1 finds WCTB-V-006-1).
		const s = new Set([...sku.split(','), sku].map((one) => one.toLowerCase()));
		preds.push((r) => s.has(String(r.obj.sku).toLowerCase()));
	}
	const slug = str(q, 'slug');
	if (slug) preds.push((r) => r.obj.slug === slug);
	const featured = str(q, 'featured');
	if (featured !== undefined) preds.push((r) => r.obj.featured === toBool(featured));
	const category = str(q, 'category');
	if (category) {
		const s = new Set(category.split(',').map(Number));
		preds.push((r) => (r.obj as WooProduct).categories?.some((c) => s.has(c.id)) ?? false);
	}
	const onSale = str(q, 'on_sale');
	if (onSale !== undefined) preds.push((r) => r.obj.on_sale === toBool(onSale));
	const minP = str(q, 'min_price');
	if (minP) preds.push((r) => Number(r.obj.price || 0) >= Number(minP));
	const maxP = str(q, 'max_price');
	if (maxP) preds.push((r) => Number(r.obj.price || 0) <= Number(maxP));
	const stock = str(q, 'stock_status');
	if (stock) preds.push((r) => r.obj.stock_status === stock);
	return preds;
}

function sortValue(kind: ListKind, orderby: string): [string, (r: Row) => number | string] {
	const utc = kind === 'orders'; // HPOS sorts on the GMT columns; WP_Query on post_date/post_modified
	switch (orderby) {
		case 'modified':
			return ['modified', utc ? (r) => r.modifiedUtc : (r) => r.modifiedLocal];
		case 'id':
		case 'include':
			return ['id', (r) => r.id];
		case 'title':
			return ['title', (r) => String(r.obj.name ?? '').toLowerCase()];
		case 'slug':
			return ['slug', (r) => String(r.obj.slug ?? '')];
		case 'price':
			return ['price', (r) => Number(r.obj.price || 0)];
		case 'popularity':
			return ['popularity', (r) => Number(r.obj.total_sales || 0)];
		case 'rating':
			return ['rating', (r) => Number(r.obj.average_rating || 0)];
		case 'menu_order':
			return ['menu_order', (r) => Number(r.obj.menu_order || 0)];
		default:
			return ['date', utc ? (r) => r.createdUtc : (r) => r.createdLocal];
	}
}

function phpValueKey(v: PhpValue): string {
	if (typeof v === 'string') return JSON.stringify(v);
	return `{${[...v].map(([k, x]) => `${JSON.stringify(k)}:${phpValueKey(x)}`).join(',')}}`;
}

/** Paging parameters select a slice of the result, not the result: they are left out. */
const PAGING_PARAMS = new Set(['page', 'per_page', 'offset']);

/** Everything that decides which rows a query matches and in which order. */
function querySignature(req: ListRequest): string {
	const parts: string[] = [req.kind, req.timeZone, req.legacyNoModified === true ? 'legacy' : ''];
	for (const [k, v] of req.q) if (!PAGING_PARAMS.has(k)) parts.push(`${JSON.stringify(k)}=${phpValueKey(v)}`);
	return parts.join('&');
}

const MODIFIED_BOUNDS = new Set(['modified_after', 'modified_before', 'dates_are_gmt']);

/** Oldest-first by modified date with modified bounds: answered from the modified index (modifiedIndex.ts). */
function listByModified(req: ListRequest, coll: Collection, bounds: ModifiedBounds): RowRange {
	const [, value] = sortValue(req.kind, 'modified');
	const parts: string[] = [req.kind, req.timeZone, 'by-modified'];
	for (const [k, v] of req.q) if (!PAGING_PARAMS.has(k) && !MODIFIED_BOUNDS.has(k)) parts.push(`${JSON.stringify(k)}=${phpValueKey(v)}`);
	const preds = buildPredicates(req, true);
	const sortName = req.kind === 'orders' ? 'utc' : 'local';
	const result = queryIndex(coll, {
		sortName,
		sortValue: value as (r: Row) => number,
		filterName: parts.join('&'),
		passes: (r) => preds.every((p) => p(r)),
		after: bounds.after,
		before: bounds.before,
		columnName: bounds.gmt ? 'utc' : 'local',
		column: bounds.column,
	});
	return { length: result.total, slice: (from, to) => result.page(from, to - from) };
}

/** Run the query: filter + order + LIMIT/OFFSET, with WooCommerce's totals semantics. */
export function runList(req: ListRequest, coll: Collection, subset?: Row[]): ListResult {
	const { q, kind } = req;
	const perPage = Number(str(q, 'per_page') ?? 10);
	const page = Number(str(q, 'page') ?? 1);
	const offsetParam = str(q, 'offset');
	const skip = offsetParam !== undefined && offsetParam !== '' ? Math.abs(Number(offsetParam)) : (page - 1) * perPage;
	const orderby = str(q, 'orderby') ?? 'date';
	const desc = (str(q, 'order') ?? 'desc') === 'desc';
	const bounds = !subset && orderby === 'modified' && !desc ? modifiedBounds(req) : undefined;
	const preds = buildPredicates(req);
	const test = (r: Row) => {
		for (const p of preds) if (!p(r)) return false;
		return true;
	};
	const [key, value] = sortValue(kind, orderby);
	const compute = (): Row[] => {
		let source: Row[];
		if (subset) {
			source = [...subset].sort((a, b) => {
				const va = value(a);
				const vb = value(b);
				return va < vb ? -1 : va > vb ? 1 : a.id - b.id;
			});
		} else source = coll.sorted(key, value);
		if (orderby === 'include') {
			const inc = ids(q, 'include') ?? [];
			const pos = new Map(inc.map((id, i) => [id, i]));
			const included = source.filter(test).sort((a, b) => (pos.get(a.id) ?? 0) - (pos.get(b.id) ?? 0));
			if (desc) included.reverse();
			return included;
		}
		const out: Row[] = [];
		const n = source.length;
		for (let i = 0; i < n; i++) {
			const r = source[desc ? n - 1 - i : i];
			if (test(r)) out.push(r);
		}
		return out;
	};
	// A subset (one product's variations) is small and not a collection view: computed each time.
	const matched: RowRange = subset ? compute() : bounds ? listByModified(req, coll, bounds) : coll.matching(querySignature(req), compute);
	let total = matched.length;
	const rows = matched.slice(skip, skip + perPage);
	// Totals past the end, as captured. Orders (HPOS query) only count when the page has rows: 0/0.
	// Products and variations (WP_Query): an empty page gives found_posts 0, but WooCommerce re-runs
	// the query without `paged` when page > 1, so the total survives (unless an explicit offset is
	// what emptied the page: the recount keeps the offset and is empty too).
	if (rows.length === 0) {
		if (kind === 'orders' || offsetParam !== undefined || page <= 1) total = 0;
	}
	return { rows, total, totalPages: Math.ceil(total / perPage), page, perPage };
}

/**
 * The pagination Link header, built like WooCommerce: `add_query_arg( $request->get_query_params(),
 * rest_url( route ) )`, then `add_query_arg( 'page', N, $base )` for prev/next.
 */
export function linkHeader(restUrl: string, q: PhpArray, page: number, totalPages: number): string | null {
	const base = addQueryArg(q, restUrl);
	const links: string[] = [];
	if (page > 1) {
		const prev = Math.min(page - 1, totalPages);
		links.push(`<${addQueryArg(new Map([['page', String(prev)]]), base)}>; rel="prev"`);
	}
	if (totalPages > page) links.push(`<${addQueryArg(new Map([['page', String(page + 1)]]), base)}>; rel="next"`);
	return links.length ? links.join(', ') : null;
}
