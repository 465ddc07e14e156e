/**
 * The REST routes the sandbox serves and their handlers. A handler gets the parsed request and
 * returns a `RestResponse`; the pipeline (server.ts) does auth, route matching, validation order,
 * permission checks and the WordPress header set.
 */
import type { WpError } from './auth';
import type { Churn } from './churn';
import { CATEGORIES } from './generator';
import { arrayOf, linkHeader, type ListKind, paramDefs, runList, sanitizeParams, validateParams } from './listQuery';
import { type PhpArray } from './phpQuery';
import { filterFields, parseFieldsParam, phpJson, type SerializeCtx, serializeRow, serializeRows, swapOrigin } from './serialize';
import type { Row, Store } from './store';
import { SYSTEM_STATUS_TEMPLATE } from './systemStatusTemplate';
import { gmtOffsetHours } from './time';
import type { WooOrder, WooProduct, WooSandboxOptions, WooVariation } from './types';
import { writeRoutes } from './writes';

export interface RestRequest {
	method: string;
	route: string;
	params: Record<string, string>;
	query: PhpArray;
	body: Record<string, unknown> | null;
	origin: string;
	ser: SerializeCtx;
	restUrl(route: string): string;
}

export interface RestResponse {
	status: number;
	body: string;
	headers: Array<[string, string]>;
	/** set for list pages: lets the server call the after-page hook */
	listPage?: number;
}

export type Action = 'list' | 'view' | 'create' | 'edit' | 'delete' | 'index';

export interface RouteHandler {
	methods: string[];
	action: Action;
	/** which collection-param schema validates the query (list routes) */
	list?: ListKind;
	handle(req: RestRequest, env: RouteEnv): RestResponse;
	/** nonexistent object: WooCommerce's permission callbacks let these through (then 404) */
	exists?(req: RestRequest, env: RouteEnv): boolean;
}

export interface RouteDef {
	pattern: RegExp;
	names: string[];
	/** Allow header of the whole route when the user may do everything */
	allow: string[];
	handlers: RouteHandler[];
	/** no authentication needed (index) */
	public?: boolean;
	enabled?(opts: Required<WooSandboxOptions>): boolean;
}

export interface RouteEnv {
	store: Store;
	options: Required<WooSandboxOptions>;
	nowMs(): number;
	churn?: Churn;
}

export const wpError = (e: WpError): string =>
	phpJson({ code: e.code, message: e.message, data: { status: e.status, ...(e.data ?? {}) } });

const json = (status: number, body: string, headers: Array<[string, string]> = []): RestResponse => ({ status, body, headers });
export const err = (status: number, code: string, message: string, data?: Record<string, unknown>) => json(status, wpError({ code, message, status, data }));

function applyFields(body: string, q: PhpArray): string {
	const f = q.get('_fields');
	const fields = parseFieldsParam(typeof f === 'string' ? f : f instanceof Map ? ([...f.values()] as string[]) : undefined);
	if (!fields) return body;
	return phpJson(filterFields(JSON.parse(body), fields));
}

export const parentOf = (env: RouteEnv) => (id: number) => env.store.productRows.rows.get(id);

function listResponse(req: RestRequest, env: RouteEnv, kind: ListKind, routeForLinks: string, subset?: Row[]): RestResponse {
	const store = env.store;
	const coll = kind === 'orders' ? store.orderRows : kind === 'products' ? store.productRows : store.variationRows;
	// A plugin that drops list filters (a fault knob): the list answers as if they were not sent.
	const ignored = env.options.ignoredListFilters ?? [];
	const q = ignored.length > 0 ? new Map([...req.query].filter(([name]) => !ignored.includes(name))) : req.query;
	env.churn?.beforeSelect();
	const result = runList({ kind, q, timeZone: env.options.timeZone, legacyNoModified: env.options.legacyNoModifiedFilter }, coll, subset);
	if (env.churn) {
		// The page's ids are chosen; its objects are built from the rows as they are now.
		env.churn.betweenSelectAndBuild(kind === 'orders' ? 'order' : kind === 'products' ? 'product' : undefined, result.rows);
		result.rows = result.rows.filter((row) => (row.kind === 'variation' ? store.variationRows : coll).rows.get(row.id) === row);
	}
	if (kind === 'orders') {
		// The orders controller writes `status` back into the request (added at the end when the
		// client sent none) and, while preparing each item, `dp` and `context`: WooCommerce then
		// echoes them in the Link header (captured: "...&status%5B0%5D=any&dp=2&context=view").
		if (!q.has('status')) q.set('status', arrayOf(['any']));
		if (result.rows.length > 0) {
			if (!q.has('dp')) q.set('dp', '2');
			if (!q.has('context')) q.set('context', 'view');
		}
	}
	const body = applyFields(serializeRows(result.rows, req.ser, parentOf(env)), q);
	const headers: Array<[string, string]> = [
		['X-WP-Total', String(result.total)],
		['X-WP-TotalPages', String(result.totalPages)],
	];
	const link = linkHeader(req.restUrl(routeForLinks), q, result.page, result.totalPages);
	if (link) headers.push(['Link', link]);
	return { status: 200, body, headers, listPage: result.page };
}

function single(req: RestRequest, env: RouteEnv, row: Row | undefined, code: string, extra?: Record<string, unknown>): RestResponse {
	if (!row) return err(404, code, 'Invalid ID.');
	return json(200, applyFields(serializeRow(row, req.ser, parentOf(env), extra), req.query));
}

const id = (req: RestRequest, k = 'id') => Number(req.params[k]);

/**
 * With `sku`, WooCommerce searches products and variations alike (post_type product and
 * product_variation; captured products_sku_variation.json): a variation SKU answers the variation
 * itself, `type` "variation" with its `parent_id`. Without `sku`, only products are listed.
 */
function skuSearchRows(req: RestRequest, env: RouteEnv): Row[] | undefined {
	const sku = req.query.get('sku');
	if (typeof sku !== 'string' || sku === '') return undefined;
	return [...env.store.productRows.rows.values(), ...env.store.variationRows.rows.values()];
}

// ---- writes (nice to have: enough for demos and write-permission tests) ---------------------------

export const PRODUCT_WRITABLE = ['name', 'slug', 'status', 'featured', 'description', 'short_description', 'sku', 'regular_price', 'sale_price', 'stock_quantity', 'manage_stock', 'stock_status', 'categories', 'menu_order', 'meta_data', 'weight'];
const ORDER_WRITABLE = ['status', 'customer_id', 'customer_note', 'billing', 'shipping', 'meta_data', 'transaction_id', 'payment_method'];

export function pickFields(body: Record<string, unknown> | null, allowed: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of allowed) if (body && body[k] !== undefined) out[k] = body[k];
	if (Array.isArray(out.categories)) {
		// categories are written as [{id}] and read back as [{id, name, slug}]
		out.categories = (out.categories as Array<{ id?: number }>).map((c) => CATEGORIES.find((x) => x.id === Number(c.id)) ?? { id: Number(c.id), name: '', slug: '' });
	}
	return out;
}

export function editExtras(req: RestRequest, row: Row): Record<string, unknown> {
	const slug = String(row.obj.slug ?? '');
	return { permalink_template: `${req.ser.canonical}/product/%pagename%/`, generated_slug: slug };
}

export function skuTaken(env: RouteEnv, sku: unknown, exceptId?: number): boolean {
	if (typeof sku !== 'string' || sku === '') return false;
	for (const r of env.store.productRows.rows.values()) if (r.id !== exceptId && r.obj.sku === sku) return true;
	for (const r of env.store.variationRows.rows.values()) if (r.id !== exceptId && r.obj.sku === sku) return true;
	return false;
}

// ---- route table ------------------------------------------------------------------------------

const SINGLE_ALLOW = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const EDIT = ['POST', 'PUT', 'PATCH'];

export function buildRoutes(): RouteDef[] {
	return [
		...writeRoutes(),
		{
			pattern: /^\/$/,
			names: [],
			allow: ['GET'],
			public: true,
			handlers: [{ methods: ['GET'], action: 'index', handle: indexHandler }],
		},
		{
			pattern: /^\/wc\/v3$/i,
			names: [],
			allow: ['GET'],
			public: true,
			handlers: [
				{
					methods: ['GET'],
					action: 'index',
					handle: (req) => json(200, applyFields(swapOrigin(phpJson({ namespace: 'wc/v3', routes: routeIndex(req), _links: { up: [{ href: req.ser.restUrl('/') }] } }), req.ser), req.query)),
				},
			],
		},
		{
			pattern: /^\/wc\/v3\/products$/i,
			names: [],
			allow: ['GET', 'POST'],
			handlers: [
				{ methods: ['GET'], action: 'list', list: 'products', handle: (req, env) => listResponse(req, env, 'products', '/wc/v3/products', skuSearchRows(req, env)) },
				{
					methods: ['POST'],
					action: 'create',
					handle: (req, env) => {
						const b = req.body ?? {};
						if (skuTaken(env, b.sku)) {
							return err(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', { resource_id: env.store.nextId, unique_sku: `${String(b.sku)}-1` });
						}
						const fields = pickFields(b, [...PRODUCT_WRITABLE, 'type']);
						const p = env.store.insertProduct(fields as Parameters<Store['insertProduct']>[0]);
						const row = env.store.productRows.rows.get(p.id)!;
						const r = single(req, env, row, '', editExtras(req, row));
						r.status = 201;
						r.headers.push(['Location', req.restUrl(`/wc/v3/products/${p.id}`)]);
						return r;
					},
				},
			],
		},
		{
			pattern: /^\/wc\/v3\/products\/variations$/i,
			names: [],
			allow: ['GET'],
			enabled: (o) => o.storeWideVariations,
			handlers: [{ methods: ['GET'], action: 'list', list: 'variations', handle: (req, env) => listResponse(req, env, 'variations', '/wc/v3/products/variations') }],
		},
		{
			pattern: /^\/wc\/v3\/products\/(\d+)$/i,
			names: ['id'],
			allow: SINGLE_ALLOW,
			handlers: [
				{
					methods: ['GET'],
					action: 'view',
					exists: (req, env) => env.store.productRows.rows.has(id(req)),
					handle: (req, env) => single(req, env, env.store.productRows.rows.get(id(req)), 'woocommerce_rest_product_invalid_id'),
				},
				{
					methods: EDIT,
					action: 'edit',
					exists: (req, env) => env.store.productRows.rows.has(id(req)),
					handle: (req, env) => {
						const row = env.store.productRows.rows.get(id(req));
						if (!row) return err(400, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
						if (skuTaken(env, req.body?.sku, row.id)) return err(400, 'product_invalid_sku', 'Invalid or duplicated SKU.', { resource_id: row.id, unique_sku: `${String(req.body?.sku)}-1` });
						env.store.editProduct(row.id, pickFields(req.body, PRODUCT_WRITABLE) as Partial<WooProduct>);
						return single(req, env, row, '', editExtras(req, row));
					},
				},
				{
					methods: ['DELETE'],
					action: 'delete',
					exists: (req, env) => env.store.productRows.rows.has(id(req)),
					handle: (req, env) => {
						const row = env.store.productRows.rows.get(id(req));
						if (!row) return err(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
						const force = ['1', 'true'].includes(String(req.query.get('force') ?? ''));
						// The answer is the record as it was before (captured: write_product_delete_trash.json shows status publish).
						const out = single(req, env, row, '', editExtras(req, row));
						if (force) env.store.deleteProduct(row.id);
						else env.store.trashProduct(row.id);
						return out;
					},
				},
			],
		},
		{
			pattern: /^\/wc\/v3\/products\/(\d+)\/variations$/i,
			names: ['product_id'],
			allow: ['GET', 'POST'],
			handlers: [
				{
					methods: ['GET'],
					action: 'list',
					list: 'variations',
					handle: (req, env) => {
						const pid = id(req, 'product_id');
						return listResponse(req, env, 'variations', `/wc/v3/products/${pid}/variations`, env.store.byParent.get(pid) ?? []);
					},
				},
			],
		},
		{
			pattern: /^\/wc\/v3\/products\/(\d+)\/variations\/(\d+)$/i,
			names: ['product_id', 'id'],
			allow: SINGLE_ALLOW,
			handlers: [
				{
					methods: ['GET'],
					action: 'view',
					exists: (req, env) => env.store.variationRows.rows.get(id(req))?.parentId === id(req, 'product_id'),
					handle: (req, env) => {
						const row = env.store.variationRows.rows.get(id(req));
						return single(req, env, row && row.parentId === id(req, 'product_id') ? row : undefined, 'woocommerce_rest_product_variation_invalid_id');
					},
				},
				{
					methods: EDIT,
					action: 'edit',
					handle: (req, env) => {
						const row = env.store.variationRows.rows.get(id(req));
						if (!row || row.parentId !== id(req, 'product_id')) return err(400, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
						env.store.editVariation(row.parentId, row.id, pickFields(req.body, PRODUCT_WRITABLE) as Partial<WooVariation>);
						return single(req, env, row, '');
					},
				},
				{
					methods: ['DELETE'],
					action: 'delete',
					handle: (req, env) => {
						const row = env.store.variationRows.rows.get(id(req));
						if (!row || row.parentId !== id(req, 'product_id')) return err(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
						const out = single(req, env, row, '');
						const force = ['1', 'true'].includes(String(req.query.get('force') ?? ''));
						if (force) env.store.deleteVariation(row.parentId, row.id);
						else env.store.trashVariation(row.parentId, row.id);
						return out;
					},
				},
			],
		},
		{
			pattern: /^\/wc\/v3\/orders$/i,
			names: [],
			allow: ['GET', 'POST'],
			handlers: [
				{ methods: ['GET'], action: 'list', list: 'orders', handle: (req, env) => listResponse(req, env, 'orders', '/wc/v3/orders') },
				{
					methods: ['POST'],
					action: 'create',
					handle: (req, env) => {
						const o = env.store.insertOrder(pickFields(req.body, ORDER_WRITABLE) as Partial<WooOrder>);
						const r = single(req, env, env.store.orderRows.rows.get(o.id), '');
						r.status = 201;
						r.headers.push(['Location', req.restUrl(`/wc/v3/orders/${o.id}`)]);
						return r;
					},
				},
			],
		},
		{
			pattern: /^\/wc\/v3\/orders\/(\d+)$/i,
			names: ['id'],
			allow: SINGLE_ALLOW,
			handlers: [
				{
					methods: ['GET'],
					action: 'view',
					exists: (req, env) => env.store.orderRows.rows.has(id(req)),
					handle: (req, env) => single(req, env, env.store.orderRows.rows.get(id(req)), 'woocommerce_rest_shop_order_invalid_id'),
				},
				{
					methods: EDIT,
					action: 'edit',
					exists: (req, env) => env.store.orderRows.rows.has(id(req)),
					handle: (req, env) => {
						const row = env.store.orderRows.rows.get(id(req));
						if (!row) return err(400, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
						env.store.editOrder(row.id, pickFields(req.body, ORDER_WRITABLE) as Partial<WooOrder>);
						return single(req, env, row, '');
					},
				},
				{
					methods: ['DELETE'],
					action: 'delete',
					exists: (req, env) => env.store.orderRows.rows.has(id(req)),
					handle: (req, env) => {
						const row = env.store.orderRows.rows.get(id(req));
						if (!row) return err(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
						const force = ['1', 'true'].includes(String(req.query.get('force') ?? ''));
						// As the real store: the order as it was before the trash (test/fixtures/…/trash-and-delete.md).
						const out = single(req, env, row, '');
						if (force) env.store.deleteOrder(row.id);
						else env.store.trashOrder(row.id);
						return out;
					},
				},
			],
		},
		{
			pattern: /^\/wc\/v3\/system_status$/i,
			names: [],
			allow: ['GET'],
			handlers: [{ methods: ['GET'], action: 'list', handle: systemStatusHandler }],
		},
	];
}

function routeIndex(req: RestRequest): Record<string, unknown> {
	const r = (methods: string[], route: string) => ({ namespace: 'wc/v3', methods, endpoints: [{ methods, args: {} }], _links: { self: [{ href: req.ser.restUrl(route) }] } });
	return {
		'/wc/v3': { namespace: 'wc/v3', methods: ['GET'], endpoints: [{ methods: ['GET'], args: {} }], _links: { self: [{ href: req.ser.restUrl('/wc/v3') }] } },
		'/wc/v3/products': r(['GET', 'POST'], '/wc/v3/products'),
		'/wc/v3/products/(?P<id>[\\d]+)': { ...r(SINGLE_ALLOW, '/wc/v3/products'), _links: undefined },
		'/wc/v3/products/(?P<product_id>[\\d]+)/variations': { ...r(['GET', 'POST'], '/wc/v3/products'), _links: undefined },
		'/wc/v3/products/(?P<product_id>[\\d]+)/variations/(?P<id>[\\d]+)': { ...r(SINGLE_ALLOW, '/wc/v3/products'), _links: undefined },
		'/wc/v3/orders': r(['GET', 'POST'], '/wc/v3/orders'),
		'/wc/v3/orders/(?P<id>[\\d]+)': { ...r(SINGLE_ALLOW, '/wc/v3/orders'), _links: undefined },
		'/wc/v3/system_status': r(['GET'], '/wc/v3/system_status'),
	};
}

function indexHandler(req: RestRequest, env: RouteEnv): RestResponse {
	const o = env.options;
	const canonical = req.ser.canonical;
	const body = {
		name: 'WooCommerce Sandbox',
		description: 'Just another WordPress site',
		url: canonical,
		home: canonical,
		gmt_offset: gmtOffsetHours(env.nowMs(), o.timeZone),
		timezone_string: o.timeZone,
		page_for_posts: 0,
		page_on_front: 0,
		show_on_front: 'posts',
		namespaces: ['oembed/1.0', 'wc/store', 'wc/store/v1', 'wc-admin', 'wc-analytics', 'wc/v1', 'wc/v2', 'wc/v3', 'wc-telemetry', 'wp/v2', 'wp-site-health/v1', 'wp-block-editor/v1'],
		authentication: [],
		routes: routeIndex(req),
		site_logo: 0,
		site_icon: 0,
		site_icon_url: '',
		_links: { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] },
	};
	return json(200, applyFields(swapOrigin(phpJson(body), req.ser), req.query));
}

function systemStatusHandler(req: RestRequest, env: RouteEnv): RestResponse {
	const s = JSON.stringify(SYSTEM_STATUS_TEMPLATE).split('__ORIGIN__').join(req.ser.canonical).split('__WC_VERSION__').join(env.options.wooVersion);
	const body = JSON.parse(s) as Record<string, Record<string, unknown>>;
	const orders = env.store.orderRows.rows.size;
	const refunds = [...env.store.orderRows.rows.values()].reduce((n, r) => n + (r.obj as WooOrder).refunds.length, 0);
	const counts: Array<[string, number]> = [
		['attachment', env.store.images.length],
		['page', 7],
		['post', 1],
		['product', env.store.productRows.rows.size],
		['product_variation', env.store.variationRows.rows.size],
		['shop_coupon', 1],
		['shop_order_placehold', orders + refunds],
	];
	body.post_type_counts = counts.map(([type, count]) => ({ type, count: String(count) })) as unknown as Record<string, unknown>;
	return json(200, applyFields(swapOrigin(phpJson(body), req.ser), req.query));
}

export { paramDefs, sanitizeParams, validateParams };
