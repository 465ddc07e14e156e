/**
 * The write endpoints the reverse flow uses, answering like WooCommerce 10.0.2 (captures
 * write_products_batch.json, write_variation_update.json, write_order_update_status.json):
 *
 * - `POST|PUT|PATCH products/batch` and `products/{id}/variations/batch`: create / update / delete,
 *   at most 100 objects per request (413 above), a 200 answer whose failed objects carry
 *   `{ id, error: { code, message, data: { status } } }` in place.
 * - `POST orders/{id}/notes` and `GET orders/{id}/notes`.
 *
 * Every write moves `date_modified` (WooCommerce records each save, even one that changes
 * nothing), and a variation write moves its parent's too (store.ts). Stock follows WooCommerce:
 * `stock_quantity` only counts on an object that manages stock, and it sets `stock_status`.
 */
import type { RestRequest, RestResponse, RouteDef, RouteEnv } from './routes';
import { editExtras, err, parentOf, pickFields, PRODUCT_WRITABLE, skuTaken } from './routes';
import { phpJson, serializeRow, swapOrigin } from './serialize';
import type { Row, Store } from './store';
import { wpDates } from './time';
import type { SandboxStore, WooProduct, WooVariation } from './types';

/** WooCommerce's `woocommerce_rest_batch_items_limit`. */
export const BATCH_LIMIT = 100;

const BATCH_METHODS = ['POST', 'PUT', 'PATCH'];

type ItemResult = { ok: true; json: string } | { ok: false; id: number | undefined; code: string; message: string; status: number; data?: Record<string, unknown> };

function itemError(result: Extract<ItemResult, { ok: false }>): string {
	return phpJson({ id: result.id ?? 0, error: { code: result.code, message: result.message, data: { status: result.status, ...(result.data ?? {}) } } });
}

/** Stock as WooCommerce saves it: a quantity needs managed stock and decides the stock status. */
function withStockRules(current: WooProduct | WooVariation, changes: Record<string, unknown>): Record<string, unknown> {
	const out = { ...changes };
	const managed = out.manage_stock !== undefined ? out.manage_stock === true || out.manage_stock === 'true' || out.manage_stock === 'parent' : current.manage_stock === true;
	if (out.manage_stock !== undefined) out.manage_stock = managed;
	if (!managed) {
		delete out.stock_quantity;
		return out;
	}
	if (out.stock_quantity !== undefined) {
		const quantity = Math.trunc(Number(out.stock_quantity));
		out.stock_quantity = Number.isFinite(quantity) ? quantity : current.stock_quantity;
		if (out.stock_status === undefined) {
			const backorders = (current as { backorders?: string }).backorders ?? 'no';
			out.stock_status = (out.stock_quantity as number) > 0 ? 'instock' : backorders !== 'no' ? 'onbackorder' : 'outofstock';
		}
	}
	return out;
}

function batchItems(body: Record<string, unknown> | null): { create: unknown[]; update: unknown[]; delete: unknown[]; present: string[] } {
	const list = (key: string) => (Array.isArray(body?.[key]) ? (body?.[key] as unknown[]) : []);
	const present = ['create', 'update', 'delete'].filter((key) => Array.isArray(body?.[key]));
	return { create: list('create'), update: list('update'), delete: list('delete'), present };
}

function batchAnswer(req: RestRequest, groups: Record<string, ItemResult[]>): RestResponse {
	const parts = Object.entries(groups).map(([key, results]) => `${phpJson(key)}:[${results.map((r) => (r.ok ? r.json : itemError(r))).join(',')}]`);
	return { status: 200, body: swapOrigin(`{${parts.join(',')}}`, req.ser), headers: [] };
}

function tooMany(count: number): RestResponse | undefined {
	if (count <= BATCH_LIMIT) return undefined;
	return err(413, 'woocommerce_rest_request_entity_too_large', `Unable to accept more than ${BATCH_LIMIT} items for this request.`);
}

function productBatch(req: RestRequest, env: RouteEnv): RestResponse {
	const items = batchItems(req.body);
	const limited = tooMany(items.create.length + items.update.length + items.delete.length);
	if (limited) return limited;
	const groups: Record<string, ItemResult[]> = {};
	if (items.present.includes('create')) {
		groups.create = items.create.map((raw): ItemResult => {
			const body = (raw ?? {}) as Record<string, unknown>;
			if (skuTaken(env, body.sku)) return { ok: false, id: 0, code: 'product_invalid_sku', message: 'Invalid or duplicated SKU.', status: 400, data: { resource_id: env.store.nextId, unique_sku: `${String(body.sku)}-1` } };
			const created = env.store.insertProduct(pickFields(body, [...PRODUCT_WRITABLE, 'type']) as Parameters<Store['insertProduct']>[0]);
			const row = env.store.productRows.rows.get(created.id) as Row;
			return { ok: true, json: serializeRow(row, req.ser, parentOf(env), editExtras(req, row)) };
		});
	}
	if (items.present.includes('update')) {
		groups.update = items.update.map((raw): ItemResult => {
			const body = (raw ?? {}) as Record<string, unknown>;
			const id = Number(body.id);
			const row = env.store.productRows.rows.get(id);
			// Captured error_variation_in_products_batch.json: a variation is refused in place, the rest is written.
			if (!row && env.store.variationRows.rows.has(id)) return { ok: false, id, code: 'woocommerce_rest_invalid_product_id', message: 'To manipulate product variations you should use the /products/&lt;product_id&gt;/variations/&lt;id&gt; endpoint.', status: 404 };
			if (!row) return { ok: false, id: Number.isFinite(id) ? id : undefined, code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', status: 400 };
			if (skuTaken(env, body.sku, id)) return { ok: false, id, code: 'product_invalid_sku', message: 'Invalid or duplicated SKU.', status: 400, data: { resource_id: id, unique_sku: `${String(body.sku)}-1` } };
			env.store.editProduct(id, withStockRules(row.obj as WooProduct, pickFields(body, PRODUCT_WRITABLE)) as Partial<WooProduct>);
			return { ok: true, json: serializeRow(row, req.ser, parentOf(env), editExtras(req, row)) };
		});
	}
	if (items.present.includes('delete')) {
		groups.delete = items.delete.map((raw): ItemResult => {
			const id = Number(raw);
			const row = env.store.productRows.rows.get(id);
			if (!row) return { ok: false, id, code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', status: 404 };
			const json = serializeRow(row, req.ser, parentOf(env), editExtras(req, row));
			env.store.deleteProduct(id);
			return { ok: true, json };
		});
	}
	return batchAnswer(req, groups);
}

function variationBatch(req: RestRequest, env: RouteEnv): RestResponse {
	const parentId = Number(req.params.product_id);
	const parent = env.store.productRows.rows.get(parentId);
	if (!parent) return err(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
	const items = batchItems(req.body);
	const limited = tooMany(items.create.length + items.update.length + items.delete.length);
	if (limited) return limited;
	const groups: Record<string, ItemResult[]> = {};
	// Captured error_variation_of_other_parent_in_batch.json: 404, also for a variation of another parent.
	const invalid = (id: number | undefined): ItemResult => ({ ok: false, id, code: 'woocommerce_rest_product_variation_invalid_id', message: 'Invalid ID.', status: 404 });
	if (items.present.includes('create')) {
		// Creating variations is not part of the reverse flow; say so the way WooCommerce refuses a field it cannot take.
		groups.create = items.create.map((): ItemResult => ({ ok: false, id: 0, code: 'sandbox_not_modelled', message: 'Creating variations is not modelled by the sandbox.', status: 400 }));
	}
	if (items.present.includes('update')) {
		groups.update = items.update.map((raw): ItemResult => {
			const body = (raw ?? {}) as Record<string, unknown>;
			const id = Number(body.id);
			const row = env.store.variationRows.rows.get(id);
			if (!row || row.parentId !== parentId) return invalid(Number.isFinite(id) ? id : undefined);
			if (skuTaken(env, body.sku, id)) return { ok: false, id, code: 'product_invalid_sku', message: 'Invalid or duplicated SKU.', status: 400, data: { resource_id: id, unique_sku: `${String(body.sku)}-1` } };
			env.store.editVariation(parentId, id, withStockRules(row.obj as WooVariation, pickFields(body, PRODUCT_WRITABLE)) as Partial<WooVariation>);
			return { ok: true, json: serializeRow(row, req.ser, parentOf(env)) };
		});
	}
	if (items.present.includes('delete')) {
		groups.delete = items.delete.map((raw): ItemResult => {
			const id = Number(raw);
			const row = env.store.variationRows.rows.get(id);
			if (!row || row.parentId !== parentId) return invalid(id);
			const json = serializeRow(row, req.ser, parentOf(env));
			env.store.deleteVariation(parentId, id);
			return { ok: true, json };
		});
	}
	return batchAnswer(req, groups);
}

// ---- order notes ------------------------------------------------------------------------------

export interface OrderNote {
	id: number;
	author: string;
	date_created: string;
	date_created_gmt: string;
	note: string;
	customer_note: boolean;
}

const notesByStore = new WeakMap<Store, { nextId: number; byOrder: Map<number, OrderNote[]> }>();

function notesOf(store: Store): { nextId: number; byOrder: Map<number, OrderNote[]> } {
	let notes = notesByStore.get(store);
	if (!notes) {
		notes = { nextId: 1, byOrder: new Map() };
		notesByStore.set(store, notes);
	}
	return notes;
}

/** The notes of an order, newest first as WooCommerce lists them (test and demo helper). */
export function orderNotes(store: Store | SandboxStore, orderId: number): OrderNote[] {
	return [...(notesOf(store as Store).byOrder.get(orderId) ?? [])].reverse();
}

function noteJson(req: RestRequest, orderId: number, note: OrderNote): string {
	const self = req.restUrl(`/wc/v3/orders/${orderId}/notes/${note.id}`);
	return phpJson({
		...note,
		_links: {
			self: [{ href: self, targetHints: { allow: ['GET', 'DELETE'] } }],
			collection: [{ href: req.restUrl(`/wc/v3/orders/${orderId}/notes`) }],
			up: [{ href: req.restUrl(`/wc/v3/orders/${orderId}`) }],
		},
	});
}

function addNote(req: RestRequest, env: RouteEnv): RestResponse {
	const orderId = Number(req.params.id);
	if (!env.store.orderRows.rows.has(orderId)) return err(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
	const text = typeof req.body?.note === 'string' ? req.body.note : '';
	if (text === '') return err(400, 'rest_missing_callback_param', 'Missing parameter(s): note', { params: ['note'] });
	const notes = notesOf(env.store);
	const dates = wpDates(env.nowMs(), env.options.timeZone);
	const note: OrderNote = {
		id: notes.nextId++,
		// WooCommerce names the system as author unless the note is added "by user".
		author: req.body?.added_by_user === true ? 'admin' : 'WooCommerce',
		date_created: dates.local,
		date_created_gmt: dates.gmt,
		note: text,
		customer_note: req.body?.customer_note === true,
	};
	const list = notes.byOrder.get(orderId) ?? [];
	list.push(note);
	notes.byOrder.set(orderId, list);
	return { status: 201, body: noteJson(req, orderId, note), headers: [['Location', req.restUrl(`/wc/v3/orders/${orderId}/notes/${note.id}`)]] };
}

function listNotes(req: RestRequest, env: RouteEnv): RestResponse {
	const orderId = Number(req.params.id);
	if (!env.store.orderRows.rows.has(orderId)) return err(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
	const body = `[${orderNotes(env.store, orderId).map((note) => noteJson(req, orderId, note)).join(',')}]`;
	return { status: 200, body, headers: [] };
}

export function writeRoutes(): RouteDef[] {
	return [
		{
			pattern: /^\/wc\/v3\/products\/batch$/i,
			names: [],
			allow: BATCH_METHODS,
			handlers: [{ methods: BATCH_METHODS, action: 'edit', handle: productBatch }],
		},
		{
			pattern: /^\/wc\/v3\/products\/(\d+)\/variations\/batch$/i,
			names: ['product_id'],
			allow: BATCH_METHODS,
			handlers: [{ methods: BATCH_METHODS, action: 'edit', handle: variationBatch }],
		},
		{
			pattern: /^\/wc\/v3\/orders\/(\d+)\/notes$/i,
			names: ['id'],
			allow: ['GET', 'POST'],
			handlers: [
				{ methods: ['GET'], action: 'list', handle: listNotes },
				{ methods: ['POST'], action: 'create', handle: addNote },
			],
		},
	];
}

