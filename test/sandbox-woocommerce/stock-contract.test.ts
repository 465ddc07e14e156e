/**
 * The reverse flow's questions, asked of the real WooCommerce 10.0.2 test bed (captures in
 * test/fixtures/woocommerce/real-10.0.2-stock, see its INDEX.md) and replayed against the sandbox
 * store: the `sku` filter finds variations (any letter case), a variation is refused by
 * `products/batch` and written through its parent's variations batch, 101 objects are refused.
 * The test bed's seed differs from the sandbox's, so SKUs and ids are mapped to sandbox objects
 * of the same kind (simple product, variations of one parent, a variation of another parent, two
 * processing orders). Every capture of the folder is replayed; where the sandbox does not model
 * what the real store did, the test says what is compared instead and why.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startWooSandbox, type WooSandbox } from '../../sandbox/woocommerce';
import { basic, request, type Reply, shapeDiff } from './helpers';

interface Fixture {
	request: { method: string; url: string; body: unknown };
	status: number;
	headers: Array<[string, string]>;
	body: unknown;
}

const DIR = path.resolve(__dirname, '../fixtures/woocommerce/real-10.0.2-stock');
const load = (name: string) => JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as Fixture;
const header = (f: Fixture, name: string) => f.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

interface Listed {
	id: number;
	sku: string;
	type: string;
	parent_id: number;
	stock_quantity: number | null;
	manage_stock: boolean;
}

describe('contract: the real store\'s answers for stock by SKU replay on the sandbox', () => {
	let woo: WooSandbox;
	/** Test bed SKU or id → the sandbox's object of the same kind. */
	const sku = new Map<string, string>();
	const id = new Map<number, number>();
	/** Test bed order id → a sandbox order in the same status (processing). */
	const orderId = new Map<number, number>();
	beforeAll(async () => {
		woo = await startWooSandbox();
		const [first, second] = woo.store.products().filter((p) => p.type === 'variable' && p.variations.length >= 3);
		const variation = (variationId: number) => woo.store.variations().find((v) => v.id === variationId)!;
		const simple = woo.store.products().find((p) => p.type === 'simple' && p.manage_stock)!;
		const [v1, v2, v3] = first.variations.map(variation);
		const other = variation(second.variations[0]);
		for (const [bed, ours] of [['WCTB-V-003-1', v1.sku], ['WCTB-V-003-3', v3.sku], ['WCTB-S-029', simple.sku], ['wctb-v-006-1', other.sku.toLowerCase()], ['NOPE-1', 'NOPE-1']] as const) sku.set(bed, ours);
		for (const [bed, ours] of [[12, first.id], [18, second.id], [13, v1.id], [14, v2.id], [15, v3.id], [19, other.id], [73, simple.id]] as const) id.set(bed, ours);
		const [cancelled, completed] = woo.store.orders().filter((order) => order.status === 'processing');
		orderId.set(122, cancelled.id).set(125, completed.id);
	});
	afterAll(() => woo.close());

	async function replay(f: Fixture): Promise<Reply> {
		const captured = new URL(f.request.url);
		const query = new URLSearchParams(captured.search);
		if (query.has('sku')) query.set('sku', query.get('sku')!.split(',').map((one) => sku.get(one) ?? one).join(','));
		const route = captured.pathname
			.replace(/\/(products|variations)\/(\d+)/g, (_, segment: string, n: string) => `/${segment}/${id.get(Number(n)) ?? n}`)
			.replace(/\/orders\/(\d+)/, (_, n: string) => `/orders/${orderId.get(Number(n)) ?? n}`);
		const qs = query.toString();
		const headers: Record<string, string> = { ...basic(woo.keys.readWrite) };
		let body: string | undefined;
		if (f.request.body) {
			const sent = f.request.body as { update?: Array<{ id: number }> };
			body = JSON.stringify(sent.update ? { update: sent.update.map((item) => ({ ...item, id: id.get(item.id) ?? item.id })) } : sent);
			headers['content-type'] = 'application/json';
		}
		return await request(`${woo.httpsUrl}${route}${qs ? `?${qs.replace(/%2C/g, ',')}` : ''}`, { method: f.request.method, headers, body });
	}

	/** What the node relies on in a listed object: which SKU, a variation or not, whose variation. */
	const facts = (records: Listed[], byId: Map<number, number>) =>
		records.map((r) => ({ id: byId.get(r.id) ?? r.id, sku: r.sku.toLowerCase(), type: r.type === 'variation' ? 'variation' : 'product', parent: r.parent_id === 0 ? 0 : (byId.get(r.parent_id) ?? r.parent_id), managesStock: r.manage_stock })).sort((a, b) => a.id - b.id);

	it.each(['products_sku_variation', 'products_sku_several_any_case'])('%s: the sku filter answers products and variations alike, in any letter case', async (name) => {
		const f = load(name);
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		expect([r.headers['x-wp-total'], r.headers['x-wp-totalpages']]).toEqual([header(f, 'X-WP-Total'), header(f, 'X-WP-TotalPages')]);
		const captured = f.body as Listed[];
		const answered = r.json<Listed[]>();
		expect(shapeDiff(answered, captured)).toEqual([]);
		const ourSku = (bedSku: string) => [...sku.entries()].find(([bed]) => bed.toLowerCase() === bedSku.toLowerCase())?.[1].toLowerCase() ?? bedSku;
		const expected = facts(captured.map((c) => ({ ...c, sku: ourSku(c.sku) })), id);
		// The sandbox's stock levels and manage_stock differ from the test bed's seed: compared by kind only.
		const strip = (list: ReturnType<typeof facts>) => list.map((fact) => ({ id: fact.id, sku: fact.sku, type: fact.type, parent: fact.parent }));
		expect(strip(facts(answered, new Map()))).toEqual(strip(expected));
	});

	it('error_variation_in_products_batch: a variation in products/batch is refused in place, the product beside it is written', async () => {
		const f = load('error_variation_in_products_batch');
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		const [refused, written] = (f.body as { update: Array<Record<string, unknown>> }).update;
		const answer = r.json<{ update: Array<Record<string, unknown>> }>().update;
		expect(answer[0]).toEqual({ ...refused, id: id.get(13) });
		expect(shapeDiff(answer[1], written)).toEqual([]);
		expect(answer[1].stock_quantity).toBe(84);
	});

	it('write_variations_batch: several variations of one parent, in request order', async () => {
		const f = load('write_variations_batch');
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		const captured = (f.body as { update: Array<Record<string, unknown>> }).update;
		const answer = r.json<{ update: Array<Record<string, unknown>> }>().update;
		expect(answer.map((item) => [item.id, item.stock_quantity, item.manage_stock])).toEqual(captured.map((item) => [id.get(item.id as number), item.stock_quantity, item.manage_stock]));
		expect(shapeDiff(answer[0], captured[0])).toEqual([]);
	});

	it('error_variation_of_other_parent_in_batch: refused in place with 404', async () => {
		const f = load('error_variation_of_other_parent_in_batch');
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		const [refused] = (f.body as { update: Array<Record<string, unknown>> }).update;
		expect(r.json<{ update: unknown[] }>().update).toEqual([{ ...refused, id: id.get(19) }]);
	});

	it('error_batch_over_limit: 101 objects are refused as a whole with 413', async () => {
		const f = load('error_batch_over_limit');
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		expect(r.json()).toEqual(f.body);
	});

	/*
	 * The real store answers a variation found by `products?sku=` in the product schema (slug,
	 * images, categories…, no `image`); the sandbox answers it in the variation schema. The node
	 * always asks for `_fields=id,sku,type,parent_id,stock_quantity,manage_stock` (replayed above),
	 * so only those fields are compared here; the difference is pinned so that it is seen if either
	 * side changes.
	 */
	it('products_sku_variation_full: the fields the node reads match the whole captured object; the schema difference is the known one', async () => {
		const f = load('products_sku_variation_full');
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		const [answered] = r.json<Array<Record<string, unknown>>>();
		const [captured] = f.body as Array<Record<string, unknown>>;
		const read = ['id', 'sku', 'type', 'parent_id', 'stock_quantity', 'manage_stock'];
		const only = (record: Record<string, unknown>) => Object.fromEntries(read.map((field) => [field, record[field]]));
		expect(shapeDiff(only(answered), only(captured))).toEqual([]);
		expect([answered.id, answered.type, answered.parent_id]).toEqual([id.get(13), 'variation', id.get(12)]);
		expect(shapeDiff(answered, captured).sort()).toEqual([
			...['average_rating', 'brands', 'button_text', 'catalog_visibility', 'categories', 'cross_sell_ids', 'default_attributes', 'external_url', 'featured', 'grouped_products', 'has_options', 'images', 'post_password', 'price_html', 'purchase_note', 'rating_count', 'related_ids', 'reviews_allowed', 'shipping_required', 'shipping_taxable', 'short_description', 'slug', 'sold_individually', 'tags', 'total_sales', 'upsell_ids', 'variations'].map((field) => `$.${field}: missing`),
			'$.image: unexpected',
		].sort());
	});

	// The order captures form one story on two processing orders, replayed in the order they were taken.
	const withoutLinks = (body: unknown) => Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([key]) => key !== '_links'));

	it.each(['write_order_status_completed', 'write_order_status_completed_again', 'write_order_status_cancelled'])('%s: the status is set and answered in the fields asked for (again: 200, no change)', async (name) => {
		const f = load(name);
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		const bedId = Number(/orders\/(\d+)/.exec(f.request.url)![1]);
		const captured = withoutLinks(f.body);
		const answered = withoutLinks(r.json());
		expect(answered).toEqual({ ...captured, id: orderId.get(bedId), number: String(orderId.get(bedId)) });
		expect(woo.store.orders().find((order) => order.id === orderId.get(bedId))!.status).toBe(captured.status);
	});

	it('write_order_note_customer: a customer note is created (201) with the captured shape', async () => {
		const f = load('write_order_note_customer');
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		expect(shapeDiff(r.json(), f.body)).toEqual([]);
		expect(r.json<{ note: string; customer_note: boolean }>()).toMatchObject({ note: (f.body as { note: string }).note, customer_note: true });
	});

	/*
	 * The sandbox writes only the notes it is sent: WooCommerce's own notes ("Order status changed
	 * from …", and on cancelling "Stock levels increased …" with the restock itself) are not modelled.
	 * The node reads notes only to find its own shipment note by its text, so the replays compare the
	 * shape of every note and that the node's note is listed as the store lists it.
	 */
	it('order_notes_customer: the notes list holds the shipment note as a customer note, newest first, in the captured shape', async () => {
		const f = load('order_notes_customer');
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		const captured = f.body as Array<{ note: string; customer_note: boolean }>;
		const answered = r.json<Array<{ note: string; customer_note: boolean }>>();
		expect(shapeDiff(answered, captured)).toEqual([]);
		const own = captured.filter((note) => note.customer_note);
		expect(answered.filter((note) => note.customer_note).map((note) => note.note)).toEqual(own.map((note) => note.note));
		expect(answered[0].note).toBe(captured[0].note);
	});

	it("order_notes_after_cancel: the notes list answers for a cancelled order in the captured shape (WooCommerce's restock notes are not modelled)", async () => {
		const f = load('order_notes_after_cancel');
		const r = await replay(f);
		expect(r.status).toBe(f.status);
		const captured = f.body as Array<{ author: string; note: string }>;
		// What the real store did on cancelling: its own notes only, none the node wrote.
		expect(captured.every((note) => note.author === 'WooCommerce')).toBe(true);
		expect(captured.some((note) => note.note.startsWith('Stock levels increased'))).toBe(true);
		const answered = r.json<unknown[]>();
		expect(answered).toEqual([]);
		const noted = await request(`${woo.httpsUrl}/wp-json/wc/v3/orders/${orderId.get(122)}/notes`, { method: 'POST', headers: { ...basic(woo.keys.readWrite), 'content-type': 'application/json' }, body: JSON.stringify({ note: 'Cancelled in Extend Commerce' }) });
		expect(noted.status).toBe(201);
		const listed = await replay(f);
		expect(shapeDiff(listed.json(), captured)).toEqual([]);
	});
});
