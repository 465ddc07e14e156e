/** The sandbox's write endpoints of the reverse flow, beyond what the captures replay (contract.test.ts). */
import { startWooSandbox, type WooSandbox } from '../../sandbox/woocommerce';
import { basic, request } from './helpers';

describe('sandbox store: batch stock writes and order notes', () => {
	let woo: WooSandbox;
	beforeEach(async () => {
		woo = await startWooSandbox({ https: false, basicOverHttp: true, products: 12, orders: 5 });
	});
	afterEach(() => woo.close());

	const post = (route: string, body: unknown, method = 'POST') =>
		request(`${woo.httpUrl}/wp-json/wc/v3/${route}`, { method, headers: { ...basic(woo.keys.readWrite), 'content-type': 'application/json' }, body: JSON.stringify(body) });

	it('updates by id, reports an unknown id inside the 200 answer and moves date_modified on every write', async () => {
		const product = woo.store.products().find((p) => p.type === 'simple' && p.manage_stock)!;
		woo.store.setModified('product', product.id, '2025-01-01T00:00:00Z');
		const reply = await post('products/batch', { update: [{ id: product.id, stock_quantity: product.stock_quantity ?? 0 }, { id: 999999, stock_quantity: 1 }] });
		expect(reply.status).toBe(200);
		const body = reply.json<{ update: Array<Record<string, unknown>> }>();
		expect(Object.keys(body)).toEqual(['update']);
		expect(body.update[0]).toMatchObject({ id: product.id, stock_quantity: product.stock_quantity ?? 0 });
		expect(String(body.update[0].date_modified_gmt) > '2025-01-01T00:00:00').toBe(true);
		expect(body.update[1]).toEqual({ id: 999999, error: { code: 'woocommerce_rest_product_invalid_id', message: 'Invalid ID.', data: { status: 400 } } });
	});

	it('refuses more than 100 objects with 413 and changes nothing', async () => {
		const product = woo.store.products()[0];
		const update = Array.from({ length: 101 }, () => ({ id: product.id, stock_quantity: 5 }));
		const reply = await post('products/batch', { update });
		expect(reply.status).toBe(413);
		expect(reply.json()).toEqual({ code: 'woocommerce_rest_request_entity_too_large', message: 'Unable to accept more than 100 items for this request.', data: { status: 413 } });
	});

	it('sets a quantity only on stock it manages, and derives the stock status', async () => {
		const product = woo.store.products().find((p) => p.type === 'simple')!;
		woo.store.editProduct(product.id, { manage_stock: false, stock_quantity: null, stock_status: 'instock' });
		const ignored = await post('products/batch', { update: [{ id: product.id, stock_quantity: 0 }] });
		expect(ignored.json<{ update: Array<Record<string, unknown>> }>().update[0]).toMatchObject({ manage_stock: false, stock_quantity: null, stock_status: 'instock' });
		const managed = await post('products/batch', { update: [{ id: product.id, manage_stock: true, stock_quantity: 0 }] });
		expect(managed.json<{ update: Array<Record<string, unknown>> }>().update[0]).toMatchObject({ manage_stock: true, stock_quantity: 0, stock_status: 'outofstock' });
	});

	it("writes a variation through its parent's batch route and moves the parent's date_modified too", async () => {
		const parent = woo.store.products().find((p) => p.type === 'variable')!;
		const [first, second] = parent.variations;
		woo.store.setModified('product', parent.id, '2025-01-01T00:00:00Z');
		const other = woo.store.products().find((p) => p.type === 'variable' && p.id !== parent.id);
		const reply = await post(`products/${parent.id}/variations/batch`, { update: [{ id: first, manage_stock: true, stock_quantity: 7 }, ...(other ? [{ id: other.variations[0], stock_quantity: 1 }] : []), { id: second, stock_quantity: 3, manage_stock: true }] });
		expect(reply.status).toBe(200);
		const update = reply.json<{ update: Array<Record<string, unknown>> }>().update;
		expect(update[0]).toMatchObject({ id: first, stock_quantity: 7, parent_id: parent.id });
		if (other) expect(update[1]).toEqual({ id: other.variations[0], error: { code: 'woocommerce_rest_product_variation_invalid_id', message: 'Invalid ID.', data: { status: 404 } } }); // 404 as captured: error_variation_of_other_parent_in_batch.json
		expect(woo.store.products().find((p) => p.id === parent.id)!.date_modified_gmt > '2025-01-01T00:00:00').toBe(true);
	});

	it('adds an order note and lists it', async () => {
		const order = woo.store.orders()[0];
		const added = await post(`orders/${order.id}/notes`, { note: 'Shipped with PostNord, tracking 123', customer_note: true });
		expect(added.status).toBe(201);
		expect(added.json()).toMatchObject({ author: 'WooCommerce', note: 'Shipped with PostNord, tracking 123', customer_note: true });
		const listed = await request(`${woo.httpUrl}/wp-json/wc/v3/orders/${order.id}/notes`, { headers: basic(woo.keys.readWrite) });
		expect(listed.json<Array<{ note: string }>>().map((n) => n.note)).toEqual(['Shipped with PostNord, tracking 123']);
		expect((await post('orders/999999/notes', { note: 'x' })).status).toBe(404);
		expect((await post(`orders/${order.id}/notes`, {})).status).toBe(400);
	});

	it('refuses batch writes with a read-only key', async () => {
		const reply = await request(`${woo.httpUrl}/wp-json/wc/v3/products/batch`, { method: 'POST', headers: { ...basic(woo.keys.read), 'content-type': 'application/json' }, body: '{"update":[]}' });
		expect(reply.status).toBeGreaterThanOrEqual(401);
	});
});
