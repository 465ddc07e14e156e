/**
 * The store: records plus mutations, with the indexes the list queries need.
 *
 * Each record is a `Row` holding the WooCommerce-shaped object and numeric copies of its dates:
 * the UTC instant and the naive site-local wall time as WordPress stored it when the record was
 * written (WordPress keeps `post_date` and `post_date_gmt` as two columns; changing the site time
 * zone later does not rewrite old rows, and neither do we). Rows cache their serialised JSON,
 * dropped on every mutation. Sorted views per collection are rebuilt lazily after a mutation.
 */
import { buildOrder, buildProduct, buildVariation, money, priceHtml } from './shapes';
import { localToUtc, naiveString, parseNaive, utcToLocal, wpDates } from './time';
import type { ProductInsert, SandboxStore, WooImage, WooOrder, WooProduct, WooVariation } from './types';

export type Kind = 'product' | 'variation' | 'order';

export interface Row<T = Record<string, unknown>> {
	kind: Kind;
	id: number;
	parentId: number;
	obj: T;
	createdUtc: number;
	createdLocal: number;
	modifiedUtc: number;
	modifiedLocal: number;
	/** cached PHP-style JSON of `obj` without its closing brace (see serialize.ts) */
	json: string | null;
	jsonKey: string;
	/** cached PHP-style JSON of the row's `_links` object, for `linksKey` (dropped with `json`) */
	links?: string | null;
	linksKey?: string;
}

export type ListHook = (info: { route: string; query: Record<string, string | string[]>; page: number }) => void;

export interface StoreContext {
	now(): number;
	timeZone(): string;
	origin: string;
	version(): string;
}

/** How many filtered result lists a collection keeps (a paged read asks the same query page after page). */
const QUERY_CACHE_SIZE = 16;

export class Collection {
	rows = new Map<number, Row>();
	version = 0;
	private sortedCache = new Map<string, { version: number; rows: Row[] }>();
	private queryCache = new Map<string, { version: number; rows: Row[] }>();

	touch(): void {
		this.version++;
	}

	/** Rows sorted ascending by `key`, ties by id ascending. */
	sorted(key: string, value: (r: Row) => number | string): Row[] {
		const c = this.sortedCache.get(key);
		if (c && c.version === this.version) return c.rows;
		let rows: Row[];
		if (key === 'id') {
			rows = [...this.rows.values()].sort((a, b) => a.id - b.id);
		} else {
			// decorate-sort-undecorate: each value is computed once, compared without lookups
			const decorated = Array.from(this.rows.values(), (r) => ({ r, v: value(r) }));
			decorated.sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : a.r.id - b.r.id));
			rows = decorated.map((d) => d.r);
		}
		this.sortedCache.set(key, { version: this.version, rows });
		return rows;
	}

	/**
	 * The rows a query matches, in result order, computed once per query signature and collection
	 * version: every mutation bumps the version, so a cached list never outlives a change.
	 */
	matching(signature: string, compute: () => Row[]): Row[] {
		const c = this.queryCache.get(signature);
		if (c && c.version === this.version) return c.rows;
		const rows = compute();
		this.queryCache.delete(signature);
		this.queryCache.set(signature, { version: this.version, rows });
		if (this.queryCache.size > QUERY_CACHE_SIZE) this.queryCache.delete(this.queryCache.keys().next().value as string);
		return rows;
	}
}

export class Store implements SandboxStore {
	readonly productRows = new Collection();
	readonly variationRows = new Collection();
	readonly orderRows = new Collection();
	readonly byParent = new Map<number, Row[]>();
	readonly byParentVersion = new Map<number, number>();
	listHook: ListHook | null = null;
	nextId = 14;
	nextItemId = 1;
	nextMetaId = 1;
	images: WooImage[] = [];

	constructor(readonly ctx: StoreContext) {}

	// ---- helpers -------------------------------------------------------------------------------

	private stamp(utc: number) {
		const tz = this.ctx.timeZone();
		const sec = Math.floor(utc / 1000) * 1000;
		return { utc: sec, local: utcToLocal(sec, tz), strings: wpDates(sec, tz) };
	}

	makeRow<T>(kind: Kind, obj: T & { id: number }, parentId: number, createdUtc: number, modifiedUtc: number): Row<T> {
		const c = this.stamp(createdUtc);
		const m = this.stamp(modifiedUtc);
		return {
			kind,
			id: obj.id,
			parentId,
			obj,
			createdUtc: c.utc,
			createdLocal: c.local,
			modifiedUtc: m.utc,
			modifiedLocal: m.local,
			json: null,
			jsonKey: '',
		};
	}

	collection(kind: Kind): Collection {
		return kind === 'product' ? this.productRows : kind === 'variation' ? this.variationRows : this.orderRows;
	}

	addRow(row: Row): void {
		this.collection(row.kind).rows.set(row.id, row);
		this.collection(row.kind).touch();
		if (row.kind === 'variation') {
			const list = this.byParent.get(row.parentId) ?? [];
			list.push(row);
			this.byParent.set(row.parentId, list);
		}
	}

	private setModifiedRow(row: Row, utc: number): void {
		const m = this.stamp(utc);
		row.modifiedUtc = m.utc;
		row.modifiedLocal = m.local;
		row.obj.date_modified = m.strings.local;
		row.obj.date_modified_gmt = m.strings.gmt;
		row.json = null;
		row.links = null;
		this.collection(row.kind).touch();
	}

	private must(kind: Kind, id: number): Row {
		const row = this.collection(kind).rows.get(id);
		if (!row) throw new Error(`sandbox store: no ${kind} ${id}`);
		return row;
	}

	private applyChanges(row: Row, changes: Record<string, unknown> | undefined): void {
		if (!changes) return;
		for (const [k, v] of Object.entries(changes)) {
			if (k === 'id' || k === 'variations' && row.kind === 'product' && typeof v === 'number') continue;
			row.obj[k] = v;
		}
		if (row.kind !== 'order' && ('regular_price' in changes || 'sale_price' in changes) && !('price' in changes)) {
			const o = row.obj as WooProduct;
			o.price = o.sale_price !== '' ? o.sale_price : o.regular_price;
			o.on_sale = o.sale_price !== '';
			if (row.kind === 'product' && o.type !== 'variable') o.price_html = priceHtml(o.price, o.price, o.regular_price, o.sale_price);
		}
	}

	allocId(): number {
		return this.nextId++;
	}

	// ---- SandboxStore --------------------------------------------------------------------------

	products(): WooProduct[] {
		return [...this.productRows.rows.values()].map((r) => r.obj as WooProduct);
	}

	orders(): WooOrder[] {
		return [...this.orderRows.rows.values()].map((r) => r.obj as WooOrder);
	}

	variations(parentId?: number): WooVariation[] {
		if (parentId !== undefined) return (this.byParent.get(parentId) ?? []).map((r) => r.obj as WooVariation);
		return [...this.variationRows.rows.values()].map((r) => r.obj as WooVariation);
	}

	insertProduct(partial: ProductInsert = {}): WooProduct {
		const now = this.ctx.now();
		const id = this.allocId();
		const nVar = typeof partial.variations === 'number' ? partial.variations : partial.type === 'variable' ? 3 : 0;
		const type = nVar > 0 ? 'variable' : (partial.type ?? 'simple');
		const { variations: _ignored, ...rest } = partial;
		void _ignored;
		const d = wpDates(now, this.ctx.timeZone());
		const name = partial.name ?? `Sandbox Product ${id}`;
		const attrs =
			type === 'variable'
				? [{ id: 0, name: 'Option', slug: 'Option', position: 0, visible: true, variation: true, options: Array.from({ length: nVar }, (_, i) => `Option ${i + 1}`) }]
				: [];
		const product = buildProduct(
			{
				...rest,
				id,
				name,
				type,
				sku: partial.sku ?? `SBX-${id}`,
				attributes: partial.attributes ?? attrs,
				regular_price: partial.regular_price ?? (type === 'variable' ? '' : '10.00'),
				price: partial.price ?? (type === 'variable' ? '10.00' : undefined),
			},
			{ created: d, modified: d },
			this.ctx.origin,
		);
		this.addRow(this.makeRow('product', product, 0, now, now) as Row);
		for (let i = 0; i < nVar; i++) {
			const vid = this.allocId();
			const v = buildVariation(
				{ id: vid, parent_id: id, sku: `${product.sku}-${i + 1}`, regular_price: '10.00', attributes: [{ id: 0, name: 'Option', slug: 'option', option: `Option ${i + 1}` }], menu_order: i + 1 },
				product,
				{ created: d, modified: d },
				this.ctx.origin,
				null,
			);
			this.addRow(this.makeRow('variation', v, id, now, now) as Row);
			product.variations.push(vid);
		}
		if (type === 'variable' && nVar > 0) product.price_html = priceHtml('10.00', '10.00');
		return product;
	}

	insertOrder(partial: Partial<WooOrder> = {}): WooOrder {
		const now = this.ctx.now();
		const id = this.allocId();
		const d = wpDates(now, this.ctx.timeZone());
		const status = partial.status ?? 'pending';
		let lineItems = partial.line_items;
		let total = partial.total;
		if (!lineItems) {
			const first = this.productRows.sorted('id', (r) => r.id).find((r) => (r.obj as WooProduct).type === 'simple');
			if (first) {
				const p = first.obj as WooProduct;
				const price = Number(p.price || '0');
				lineItems = [
					{
						id: this.nextItemId++,
						name: p.name,
						product_id: p.id,
						variation_id: 0,
						quantity: 1,
						tax_class: '',
						subtotal: money(price),
						subtotal_tax: '0.00',
						total: money(price),
						total_tax: '0.00',
						taxes: [],
						meta_data: [],
						sku: p.sku,
						price,
						image: { id: '', src: '' },
						parent_name: null,
					},
				];
				total = total ?? money(price);
			} else lineItems = [];
		}
		const order = buildOrder(
			{ ...partial, id, status, line_items: lineItems, total: total ?? '0.00' },
			{ created: d, modified: d, completed: status === 'completed' ? d : null, paid: ['processing', 'completed'].includes(status) ? d : null },
			this.ctx.origin,
			this.ctx.version(),
		);
		this.addRow(this.makeRow('order', order, 0, now, now) as Row);
		return order;
	}

	editProduct(id: number, changes?: Partial<WooProduct>): WooProduct {
		const row = this.must('product', id);
		this.applyChanges(row, changes as Record<string, unknown>);
		this.setModifiedRow(row, this.ctx.now());
		return row.obj as WooProduct;
	}

	editVariation(parentId: number, variationId: number, changes?: Partial<WooVariation>): WooVariation {
		const row = this.must('variation', variationId);
		if (row.parentId !== parentId) throw new Error(`sandbox store: variation ${variationId} is not a child of ${parentId}`);
		this.applyChanges(row, changes as Record<string, unknown>);
		const now = this.ctx.now();
		this.setModifiedRow(row, now);
		// WooCommerce syncs the parent when a variation is saved (price range, stock): the parent's
		// date_modified moves too, as captured.
		const parent = this.productRows.rows.get(parentId);
		if (parent) this.setModifiedRow(parent, now);
		return row.obj as WooVariation;
	}

	editOrder(id: number, changes?: Partial<WooOrder>): WooOrder {
		const row = this.must('order', id);
		this.applyChanges(row, changes as Record<string, unknown>);
		const o = row.obj as WooOrder;
		if (changes?.status) {
			o.is_editable = ['pending', 'on-hold', 'auto-draft'].includes(o.status);
			o.needs_payment = ['pending', 'failed'].includes(o.status) && Number(o.total) > 0;
			if (o.status === 'completed' && !o.date_completed) {
				const d = wpDates(this.ctx.now(), this.ctx.timeZone());
				o.date_completed = d.local;
				o.date_completed_gmt = d.gmt;
			}
		}
		this.setModifiedRow(row, this.ctx.now());
		return o;
	}

	/** As WooCommerce 10.0.2 does: a trashed product's variations go to the trash with it, and its `variations` list empties. */
	trashProduct(id: number): void {
		const row = this.must('product', id);
		const now = this.ctx.now();
		row.obj.status = 'trash';
		for (const variation of this.byParent.get(id) ?? []) {
			variation.obj.status = 'trash';
			this.setModifiedRow(variation, now);
		}
		if (Array.isArray((row.obj as WooProduct).variations)) (row.obj as WooProduct).variations = [];
		this.setModifiedRow(row, now);
	}

	/** DELETE without force on a variation (WooCommerce 10.0.2): trashed, left out of its parent's list; the parent's modified date moves. */
	trashVariation(parentId: number, id: number): void {
		const row = this.must('variation', id);
		const now = this.ctx.now();
		row.obj.status = 'trash';
		this.setModifiedRow(row, now);
		const parent = this.productRows.rows.get(parentId);
		if (!parent) return;
		(parent.obj as WooProduct).variations = (parent.obj as WooProduct).variations.filter((v) => v !== id);
		this.setModifiedRow(parent, now);
	}

	/**
	 * Gives an order its own number, as a sequential-numbers plugin does (REST `number` differs from
	 * `id`; the plugin writes it when the order is created, so the modified date stays). The order is
	 * then found by that number through `search`, and `GET orders/<number>` no longer answers it.
	 */
	renumberOrder(id: number, orderNumber: string): WooOrder {
		const row = this.must('order', id);
		row.obj.number = orderNumber;
		// The row's cached body holds the old number.
		row.json = null;
		this.orderRows.touch();
		return row.obj as WooOrder;
	}

	trashOrder(id: number): void {
		const row = this.must('order', id);
		row.obj.status = 'trash';
		this.setModifiedRow(row, this.ctx.now());
	}

	deleteProduct(id: number): void {
		this.must('product', id);
		this.productRows.rows.delete(id);
		this.productRows.touch();
		for (const v of this.byParent.get(id) ?? []) this.variationRows.rows.delete(v.id);
		this.byParent.delete(id);
		this.variationRows.touch();
	}

	deleteOrder(id: number): void {
		this.must('order', id);
		this.orderRows.rows.delete(id);
		this.orderRows.touch();
	}

	deleteVariation(parentId: number, id: number): void {
		this.variationRows.rows.delete(id);
		this.variationRows.touch();
		const list = this.byParent.get(parentId);
		if (list) this.byParent.set(parentId, list.filter((r) => r.id !== id));
		const parent = this.productRows.rows.get(parentId);
		if (parent) (parent.obj as WooProduct).variations = (parent.obj as WooProduct).variations.filter((v) => v !== id);
	}

	setModified(kind: 'product' | 'order' | 'variation', id: number, utc: string): void {
		const ms = Date.parse(utc);
		if (Number.isNaN(ms)) throw new Error(`sandbox store: bad date ${utc}`);
		this.setModifiedRow(this.must(kind, id), ms);
	}

	onAfterListPage(hook: ListHook | null): void {
		this.listHook = hook;
	}

	/** Test helper: naive local string of a UTC instant in the current site zone. */
	localOf(utcMs: number): string {
		return naiveString(utcToLocal(utcMs, this.ctx.timeZone()));
	}

	/** Test helper: UTC instant of a naive local string in the current site zone. */
	utcOfLocal(local: string): number {
		return localToUtc(parseNaive(local), this.ctx.timeZone());
	}
}
