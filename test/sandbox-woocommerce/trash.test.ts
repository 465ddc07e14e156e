/** DELETE without and with force, as the real WooCommerce 10.0.2 answered (test/fixtures/woocommerce/real-10.0.2/trash-and-delete.md). */
import { startWooSandbox, type WooSandbox } from '../../sandbox/woocommerce';
import { basic, request } from './helpers';

describe('sandbox store: trash and delete like WooCommerce 10.0.2', () => {
	let woo: WooSandbox;
	beforeEach(async () => {
		woo = await startWooSandbox({ https: false, basicOverHttp: true, products: 6, orders: 4, variableShare: 0.5, variationsPerProduct: 2 });
	});
	afterEach(() => woo.close());

	const call = (route: string, method = 'GET') => request(`${woo.httpUrl}/wp-json/wc/v3/${route}`, { method, headers: basic(woo.keys.readWrite) });
	const ids = async (route: string) => (await call(route)).json<Array<{ id: number }>>().map((r) => r.id);

	it('answers a trashed order as it was before, then lists it only under status=trash; force deletes it from every list', async () => {
		const [order, other] = woo.store.orders().filter((o) => o.status !== 'trash');
		const before = order.status;
		const trashed = await call(`orders/${order.id}`, 'DELETE');
		expect(trashed.json<{ status: string }>().status).toBe(before);
		expect(await ids('orders?status=any&per_page=100')).not.toContain(order.id);
		expect(await ids('orders?status=trash&per_page=100')).toContain(order.id);

		expect((await call(`orders/${other.id}?force=true`, 'DELETE')).status).toBe(200);
		expect((await call(`orders/${other.id}`)).status).toBe(404);
		expect(await ids('orders?status=trash&per_page=100')).not.toContain(other.id);
	});

	it('trashes a variable product with its variations, and a variation alone on DELETE without force', async () => {
		const [parent, second] = woo.store.products().filter((p) => p.type === 'variable' && p.status !== 'trash');
		const [before, variations] = [parent.status, [...parent.variations]];
		const answer = await call(`products/${parent.id}`, 'DELETE');
		expect(answer.json<{ status: string }>().status).toBe(before);
		expect((await ids(`products/${parent.id}/variations?status=trash`)).sort()).toEqual(variations.sort());
		expect(await ids(`products/${parent.id}/variations`)).toEqual([]);

		const [gone, kept] = [...second.variations];
		expect((await call(`products/${second.id}/variations/${gone}`, 'DELETE')).status).toBe(200);
		expect(await ids(`products/${second.id}/variations?status=trash`)).toEqual([gone]);
		expect(await ids(`products/${second.id}/variations`)).toEqual([kept]);
		expect((await call(`products/${second.id}`)).json<{ variations: number[] }>().variations).toEqual([kept]);
	});

	it('lists trashed products and variations by SKU only under status=trash, and trashed orders by id only under status=trash (checked 2026-12-08)', async () => {
		const [simple, kept] = woo.store.products().filter((p) => p.type === 'simple' && p.status !== 'trash');
		const parent = woo.store.products().find((p) => p.type === 'variable' && p.status !== 'trash' && woo.store.variations(p.id).length >= 2)!;
		const [trashedVariation, liveVariation] = woo.store.variations(parent.id);
		woo.store.trashProduct(simple.id);
		woo.store.trashVariation(parent.id, trashedVariation.id);
		const skus = [simple.sku, kept.sku, trashedVariation.sku, liveVariation.sku].join(',');
		expect((await ids(`products?sku=${skus}&status=trash`)).sort()).toEqual([simple.id, trashedVariation.id].sort());
		expect((await ids(`products?sku=${skus}`)).sort()).toEqual([kept.id, liveVariation.id].sort());

		const [order, other] = woo.store.orders().filter((o) => o.status !== 'trash');
		woo.store.trashOrder(order.id);
		expect(await ids(`orders?include=${order.id},${other.id}&status=trash`)).toEqual([order.id]);
		expect(await ids(`orders?include=${order.id},${other.id}&status=any`)).toEqual([other.id]);
	});

	it('gives an order its own number as a numbering plugin does: answered under its id, found by searching the number, not at orders/<number>', async () => {
		const order = woo.store.orders().find((o) => o.status !== 'trash')!;
		woo.store.renumberOrder(order.id, '7001');
		expect((await call(`orders/${order.id}`)).json<{ number: string }>().number).toBe('7001');
		expect((await call('orders/7001')).status).toBe(404);
		const found = (await call('orders?search=7001')).json<Array<{ id: number; number: string }>>();
		expect(found.map((o) => [o.id, o.number])).toEqual([[order.id, '7001']]);
	});
});
