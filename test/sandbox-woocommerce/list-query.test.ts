import { startWooSandbox, type WooSandbox } from '../../sandbox/woocommerce';
import { get, parseLink } from './helpers';

type Item = { id: number; status: string; date_modified_gmt: string; date_created: string; name?: string };

describe('list queries', () => {
	let woo: WooSandbox;
	const url = (p: string) => `${woo.httpsUrl}/wp-json/wc/v3/${p}`;
	const list = async (p: string) => {
		const r = await get(url(p), woo.keys.readWrite);
		return { r, items: r.status === 200 ? r.json<Item[]>() : [], total: Number(r.headers['x-wp-total']), pages: Number(r.headers['x-wp-totalpages']) };
	};
	beforeAll(async () => {
		woo = await startWooSandbox();
	});
	afterAll(() => woo.close());

	it('pages with X-WP-Total / X-WP-TotalPages and prev/next links that echo every parameter, credentials included', async () => {
		const q = `consumer_key=${woo.keys.readWrite.consumerKey}&consumer_secret=${woo.keys.readWrite.consumerSecret}`;
		const r = await get(url(`products?per_page=7&page=2&${q}&unknown_param=x`));
		expect([r.headers['x-wp-total'], r.headers['x-wp-totalpages']]).toEqual(['30', '5']);
		const links = parseLink(r.headers.link);
		expect(links.map((l) => l.rel)).toEqual(['prev', 'next']);
		expect([...links[1].url.searchParams.keys()]).toEqual(['per_page', 'page', 'consumer_key', 'consumer_secret', 'unknown_param']);
		expect(links[1].url.searchParams.get('page')).toBe('3');
		expect(links[1].url.searchParams.get('consumer_secret')).toBe(woo.keys.readWrite.consumerSecret);
	});

	it('default per_page is 10 and the last page has no next link; past the end is 200 []', async () => {
		const first = await list('orders');
		expect(first.items.length).toBe(10);
		expect([first.total, first.pages]).toEqual([50, 5]);
		const last = await list('orders?page=5');
		expect(parseLink(last.r.headers.link).map((l) => l.rel)).toEqual(['prev']);
		const past = await list('products?page=4');
		expect([past.r.status, past.r.text, past.total, past.pages]).toEqual([200, '[]', 30, 3]);
		const pastOrders = await list('orders?page=6');
		expect([pastOrders.r.text, pastOrders.total, pastOrders.pages]).toEqual(['[]', 0, 0]);
	});

	it('offset overrides page', async () => {
		const all = await list('orders?per_page=20&orderby=id&order=asc');
		const off = await list('orders?per_page=3&offset=5&page=4&orderby=id&order=asc');
		expect(off.items.map((i) => i.id)).toEqual(all.items.slice(5, 8).map((i) => i.id));
	});

	it('modified_after and modified_before are strict bounds', async () => {
		const [a, b, c] = woo.store.orders().slice(0, 3);
		woo.store.setModified('order', a.id, '2030-01-01T12:00:00Z');
		woo.store.setModified('order', b.id, '2030-01-01T12:00:01Z');
		woo.store.setModified('order', c.id, '2030-01-01T12:00:02Z');
		const after = await list('orders?modified_after=2030-01-01T12:00:00&dates_are_gmt=true&orderby=modified&order=asc');
		expect(after.items.map((i) => i.id)).toEqual([b.id, c.id]);
		const between = await list('orders?modified_after=2030-01-01T12:00:00&modified_before=2030-01-01T12:00:02&dates_are_gmt=true');
		expect(between.items.map((i) => i.id)).toEqual([b.id]);
	});

	it('after/before filter on the creation date', async () => {
		const orders = woo.store.orders().sort((x, y) => x.date_created_gmt.localeCompare(y.date_created_gmt));
		const pivot = orders[20];
		const r = await list(`orders?per_page=100&after=${pivot.date_created_gmt}&dates_are_gmt=true`);
		expect(r.total).toBe(orders.filter((o) => o.date_created_gmt > pivot.date_created_gmt).length);
		expect(r.items.every((i) => i.date_created > pivot.date_created)).toBe(true);
	});

	it('ignores modified_after entirely in legacy (< 5.8) mode, even an invalid value', async () => {
		woo.options.legacyNoModifiedFilter = true;
		try {
			const r = await list('products?modified_after=2099-01-01T00:00:00&per_page=1');
			expect(r.total).toBe(30);
			expect((await list('products?modified_after=garbage')).r.status).toBe(200);
		} finally {
			woo.options.legacyNoModifiedFilter = false;
		}
		expect((await list('products?modified_after=2099-01-01T00:00:00')).total).toBe(0);
	});

	it.each([
		['products?modified_after=2025-01-01', 'modified_after', 'rest_invalid_date', 'Invalid date.'],
		['products?after=1735689600', 'after', 'rest_invalid_date', 'Invalid date.'],
		['orders?per_page=0', 'per_page', 'rest_out_of_bounds', 'per_page must be between 1 (inclusive) and 100 (inclusive)'],
		['orders?page=abc', 'page', 'rest_invalid_type', 'page is not of type integer.'],
		['products?order=up', 'order', 'rest_not_in_enum', 'order is not one of asc and desc.'],
		['products?status=publish,draft', 'status', 'rest_not_in_enum', 'status is not one of any, future, trash, draft, pending, private, and publish.'],
		['orders?include=1,x', 'include', 'rest_invalid_type', 'include[1] is not of type integer.'],
		['orders?dates_are_gmt=yes', 'dates_are_gmt', 'rest_invalid_type', 'dates_are_gmt is not of type boolean.'],
	])('%s -> 400 rest_invalid_param (%s)', async (p, param, code, message) => {
		const { r } = await list(p);
		expect(r.status).toBe(400);
		expect(r.json()).toEqual({ code: 'rest_invalid_param', message: `Invalid parameter(s): ${param}`, data: { status: 400, params: { [param]: message }, details: { [param]: { code, message, data: null } } } });
	});

	it('lists every invalid parameter at once', async () => {
		const { r } = await list('orders?per_page=500&orderby=bogus');
		expect(r.json<{ message: string }>().message).toBe('Invalid parameter(s): per_page, orderby');
	});

	it('default product list includes draft, pending and private but not trash; orders status=any excludes trash', async () => {
		const statuses = new Set((await list('products?per_page=100')).items.map((i) => i.status));
		expect([...statuses].sort()).toEqual(['draft', 'pending', 'private', 'publish']);
		const p = woo.store.products()[0];
		woo.store.trashProduct(p.id);
		expect((await list('products?per_page=1')).total).toBe(29);
		expect((await list('products?status=trash')).items.map((i) => i.id)).toEqual([p.id]);
		const o = woo.store.orders()[10];
		woo.store.trashOrder(o.id);
		expect((await list('orders?per_page=100')).items.some((i) => i.id === o.id)).toBe(false);
		expect((await list('orders?status=trash')).items.map((i) => i.id)).toEqual([o.id]);
	});

	it('include/exclude accept csv and arrays; orderby=include keeps the given order', async () => {
		const ids = woo.store.orders().slice(0, 4).map((o) => o.id);
		const inc = await list(`orders?include=${ids[2]},${ids[0]}&orderby=include&order=asc`);
		expect(inc.items.map((i) => i.id)).toEqual([ids[2], ids[0]]);
		const arr = await list(`orders?include[]=${ids[2]}&include[]=${ids[0]}&orderby=include&order=asc`);
		expect(arr.items.map((i) => i.id)).toEqual([ids[2], ids[0]]);
		const exc = await list(`orders?per_page=100&exclude=${ids.join(',')}`);
		expect(exc.total).toBe(woo.store.orders().filter((o) => o.status !== 'trash').length - ids.filter((id) => woo.store.orders().find((o) => o.id === id)!.status !== 'trash').length);
	});

	it('orderby title / id / modified sort both ways', async () => {
		const asc = (await list('products?orderby=title&order=asc&per_page=100')).items.map((i) => i.name!.toLowerCase());
		expect(asc).toEqual([...asc].sort());
		const ids = (await list('orders?orderby=id&order=desc&per_page=100')).items.map((i) => i.id);
		expect(ids).toEqual([...ids].sort((a, b) => b - a));
	});

	it('sku, type and parent filters', async () => {
		expect((await list('products?sku=TB-S-010')).items.length).toBe(1);
		const live = woo.store.products().filter((p) => p.status !== 'trash');
		expect((await list('products?type=variable&per_page=100')).total).toBe(live.filter((p) => p.type === 'variable').length);
		expect((await list('products?type=simple&per_page=100')).total).toBe(live.filter((p) => p.type === 'simple').length);
		const parent = woo.store.products().find((p) => p.variations.length === 16)!;
		expect((await list(`products/${parent.id}/variations?per_page=100`)).total).toBe(16);
	});

	it('_fields trims items (nested too)', async () => {
		const r = await get(url('orders?per_page=2&_fields=id,billing.email'), woo.keys.readWrite);
		const items = r.json<Array<Record<string, unknown>>>();
		expect(Object.keys(items[0])).toEqual(['id', 'billing']);
		expect(Object.keys(items[0].billing as object)).toEqual(['email']);
	});

	it('store-wide variations route only exists when enabled', async () => {
		const off = await get(url('products/variations'), woo.keys.readWrite);
		expect([off.status, off.json<{ code: string }>().code]).toEqual([404, 'rest_no_route']);
		woo.options.storeWideVariations = true;
		try {
			const all = await list('products/variations?per_page=100');
			expect(all.total).toBe(46);
			const sixteen = woo.store.products().find((p) => p.variations.length === 16)!;
			const custom = woo.store.products().find((p) => p.variations.length === 3)!;
			expect((await list(`products/variations?parent=${sixteen.id},${custom.id}&per_page=5`)).total).toBe(19);
		} finally {
			woo.options.storeWideVariations = false;
		}
	});

	it('the /wp-json/ index lists wc/v3 with the site time zone and honours _fields', async () => {
		const r = await get(`${woo.httpsUrl}/wp-json/?_fields=namespaces,gmt_offset,timezone_string`);
		const body = r.json<Record<string, unknown>>();
		expect(Object.keys(body)).toEqual(['gmt_offset', 'timezone_string', 'namespaces']);
		expect(body.timezone_string).toBe('America/New_York');
		expect([-4, -5]).toContain(body.gmt_offset);
		expect(body.namespaces).toContain('wc/v3');
	});
});
