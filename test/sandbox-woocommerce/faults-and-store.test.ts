import { startWooSandbox, type WooSandbox } from '../../sandbox/woocommerce';
import { parseArgs } from '../../sandbox/woocommerce/cli';
import { get, request } from './helpers';

describe('faults', () => {
	let woo: WooSandbox;
	const orders = () => `${woo.httpsUrl}/wp-json/wc/v3/orders`;
	beforeAll(async () => {
		woo = await startWooSandbox({ products: 12, orders: 30 });
	});
	afterEach(() => woo.faults.clear());
	afterAll(() => woo.close());

	it('429 with Retry-After in seconds or as an HTTP date, then recovers', async () => {
		woo.faults.add({ kind: 'rate-limit', retryAfter: '2', match: { route: '/wc/v3/orders' } });
		woo.faults.add({ kind: 'rate-limit', retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT', match: { route: /orders/ } });
		expect(woo.faults.pending()).toBe(2);
		const a = await get(orders(), woo.keys.readWrite);
		const b = await get(orders(), woo.keys.readWrite);
		expect([a.status, a.headers['retry-after'], b.status, b.headers['retry-after']]).toEqual([429, '2', 429, 'Wed, 21 Oct 2026 07:28:00 GMT']);
		expect((await get(orders(), woo.keys.readWrite)).status).toBe(200);
		expect(woo.faults.pending()).toBe(0);
	});

	it.each([
		[500, 'application/json; charset=UTF-8', /critical error/],
		[502, 'text/html', /502 Bad Gateway/],
		[503, 'text/html; charset=utf-8', /Briefly unavailable/],
		[504, 'text/html', /504 Gateway Time-out/],
	])('status %i with a WordPress/nginx-like body', async (status, type, body) => {
		woo.faults.add({ kind: 'status', status });
		const r = await get(orders(), woo.keys.readWrite);
		expect([r.status, r.headers['content-type']]).toEqual([status, type]);
		expect(r.text).toMatch(body);
	});

	it('matches on page and counts `times`', async () => {
		woo.faults.add({ kind: 'status', status: 502, match: { route: '/wc/v3/orders', page: 2 }, times: 2 });
		expect((await get(`${orders()}?page=1`, woo.keys.readWrite)).status).toBe(200);
		expect((await get(`${orders()}?page=2`, woo.keys.readWrite)).status).toBe(502);
		expect((await get(`${orders()}?page=2`, woo.keys.readWrite)).status).toBe(502);
		expect((await get(`${orders()}?page=2`, woo.keys.readWrite)).status).toBe(200);
	});

	it('hang never answers (client times out) and reset destroys the socket', async () => {
		woo.faults.add({ kind: 'hang' });
		await expect(request(orders(), { timeoutMs: 300 })).rejects.toThrow('client timeout');
		woo.faults.add({ kind: 'reset' });
		await expect(get(orders(), woo.keys.readWrite)).rejects.toThrow(/ECONNRESET|socket hang up/);
	});

	it('truncated JSON is a 200 whose body stops mid-way', async () => {
		woo.faults.add({ kind: 'truncated-json' });
		const r = await get(orders(), woo.keys.readWrite);
		expect(r.status).toBe(200);
		expect(r.text.startsWith('[{"id":')).toBe(true);
		expect(() => JSON.parse(r.text)).toThrow();
	});

	it('html-200 serves a WAF page with status 200', async () => {
		woo.faults.add({ kind: 'html-200' });
		const r = await get(orders(), woo.keys.readWrite);
		expect([r.status, r.headers['content-type']]).toEqual([200, 'text/html; charset=UTF-8']);
		expect(r.text).toMatch(/^<!DOCTYPE html>/);
	});

	it('redirect keeps path and query (http -> https by default)', async () => {
		woo.faults.add({ kind: 'redirect' });
		const r = await request(`${woo.httpUrl}/wp-json/wc/v3/orders?per_page=3&page=2`);
		expect(r.status).toBe(301);
		expect(r.headers.location).toBe(`${woo.httpsUrl}/wp-json/wc/v3/orders?per_page=3&page=2`);
		woo.faults.add({ kind: 'redirect', redirectTo: 'http://other.test:9999', status: 302 });
		const o = await request(`${woo.httpUrl}/wp-json/wc/v3/orders?x=1`);
		expect([o.status, o.headers.location]).toEqual([302, 'http://other.test:9999/wp-json/wc/v3/orders?x=1']);
	});

	it('latencyMs and serverTimeMs delay the answer', async () => {
		woo.options.latencyMs = 120;
		woo.faults.add({ kind: 'status', status: 200, serverTimeMs: 150 });
		const t0 = Date.now();
		const r = await get(orders(), woo.keys.readWrite);
		woo.options.latencyMs = 0;
		expect(r.status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(260);
	});

	it('logs every request with route, raw query, auth kind and status', async () => {
		woo.log.length = 0;
		await request(`${woo.httpsUrl}/wp-json/wc/v3/orders?per_page=2&consumer_key=${woo.keys.read.consumerKey}&consumer_secret=${woo.keys.read.consumerSecret}`);
		await get(`${woo.httpsUrl}/wp-json/wc/v3/nope`, woo.keys.readWrite);
		expect(woo.log.map((e) => [e.method, e.path, e.authKind, e.status])).toEqual([
			['GET', '/wc/v3/orders', 'query', 200],
			['GET', '/wc/v3/nope', 'basic', 404],
		]);
		expect(woo.log[0].query.consumer_secret).toBe(woo.keys.read.consumerSecret);
		expect(woo.log[0].at).toBeInstanceOf(Date);
	});
});

describe('store mutations', () => {
	let woo: WooSandbox;
	beforeAll(async () => {
		woo = await startWooSandbox({ clockOffsetSeconds: 3600 });
	});
	afterAll(() => woo.close());

	it('editVariation bumps the variation and its parent to the store clock (which follows clockOffsetSeconds)', async () => {
		const parent = woo.store.products().find((p) => p.variations.length === 16)!;
		const v = woo.store.editVariation(parent.id, parent.variations[3], { regular_price: '19.00' });
		const expected = woo.now().toISOString().slice(0, 16);
		expect(v.date_modified_gmt.slice(0, 16)).toBe(expected);
		expect(parent.date_modified_gmt).toBe(v.date_modified_gmt);
		expect(v.price).toBe('19.00');
		const r = await get(`${woo.httpsUrl}/wp-json/wc/v3/products`, woo.keys.readWrite);
		expect(Math.abs(Date.parse(r.headers.date) - woo.now().getTime())).toBeLessThan(2000);
		expect(Math.abs(Date.parse(r.headers.date) - Date.now() - 3_600_000)).toBeLessThan(2000);
	});

	it('insert/edit/trash/delete are visible to the next request', async () => {
		const p = woo.store.insertProduct({ name: 'Zoë Widget', variations: 2 });
		expect(p.type).toBe('variable');
		expect(woo.store.variations(p.id)).toHaveLength(2);
		const one = await get(`${woo.httpsUrl}/wp-json/wc/v3/products/${p.id}`, woo.keys.readWrite);
		expect(one.json<{ name: string }>().name).toBe('Zoë Widget');
		expect(one.text).toContain('Zo\\u00eb Widget'); // PHP json_encode escaping
		woo.store.deleteProduct(p.id);
		expect((await get(`${woo.httpsUrl}/wp-json/wc/v3/products/${p.id}`, woo.keys.readWrite)).status).toBe(404);
		const o = woo.store.insertOrder({ status: 'processing' });
		woo.store.editOrder(o.id, { status: 'completed' });
		const ro = await get(`${woo.httpsUrl}/wp-json/wc/v3/orders/${o.id}`, woo.keys.readWrite);
		expect(ro.json<{ status: string }>().status).toBe('completed');
		woo.store.deleteOrder(o.id);
		expect((await get(`${woo.httpsUrl}/wp-json/wc/v3/orders/${o.id}`, woo.keys.readWrite)).status).toBe(404);
	});

	it('pages are live LIMIT/OFFSET: an order created between pages shifts the next page (duplicate), the hook sees each page', async () => {
		const seen: number[] = [];
		let inserted = false;
		woo.store.onAfterListPage(({ route, page }) => {
			seen.push(page);
			if (route === '/wc/v3/orders' && page === 1 && !inserted) {
				inserted = true;
				woo.store.insertOrder({ status: 'processing' });
			}
		});
		try {
			const url = (page: number) => `${woo.httpsUrl}/wp-json/wc/v3/orders?per_page=5&page=${page}`;
			const p1 = (await get(url(1), woo.keys.readWrite)).json<Array<{ id: number }>>();
			const r2 = await get(url(2), woo.keys.readWrite);
			const p2 = r2.json<Array<{ id: number }>>();
			expect(p2[0].id).toBe(p1[4].id);
			expect(r2.headers['x-wp-total']).toBe(String(woo.store.orders().filter((o) => o.status !== 'trash').length));
			expect(seen).toEqual([1, 2]);
		} finally {
			woo.store.onAfterListPage(null);
		}
	});
});

describe('generator and CLI', () => {
	it('is deterministic per seed and differs across seeds', async () => {
		const a = await startWooSandbox({ https: false, products: 20, orders: 20 });
		const b = await startWooSandbox({ https: false, products: 20, orders: 20 });
		const c = await startWooSandbox({ https: false, products: 20, orders: 20, seed: 2 });
		try {
			const strip = (w: WooSandbox) => JSON.stringify(w.store.orders()).split(w.httpUrl).join('');
			expect(strip(a)).toBe(strip(b));
			expect(strip(a)).not.toBe(strip(c));
			expect(a.keys.readWrite).toEqual(b.keys.readWrite);
			expect(a.httpsUrl).toBe('');
		} finally {
			await Promise.all([a.close(), b.close(), c.close()]);
		}
	});

	it('orders cover every status, guests and customers, refunds, coupons, fees, taxes and UTF-8 names', async () => {
		const w = await startWooSandbox({ https: false, orders: 200 });
		try {
			const os = w.store.orders();
			expect(new Set(os.map((o) => o.status))).toEqual(new Set(['completed', 'processing', 'on-hold', 'pending', 'cancelled', 'refunded', 'failed']));
			expect(os.some((o) => o.customer_id === 0) && os.some((o) => o.customer_id > 0)).toBe(true);
			for (const k of ['refunds', 'coupon_lines', 'fee_lines', 'tax_lines'] as const) expect([k, os.some((o) => o[k].length > 0)]).toEqual([k, true]);
			expect(os.some((o) => o.line_items.some((li) => li.variation_id === 0)) && os.some((o) => o.line_items.some((li) => Number(li.variation_id) > 0))).toBe(true);
			expect(JSON.stringify(os)).toMatch(/Jönköping|Zoë/);
			expect(os.every((o) => o.date_created_gmt >= '2025-01-01' && o.date_modified_gmt < '2025-07-31')).toBe(true);
		} finally {
			await w.close();
		}
	});

	it('generates 50k orders and 10k products (smoke, prints the time)', async () => {
		const t0 = Date.now();
		const w = await startWooSandbox({ https: false, orders: 50_000, products: 10_000 });
		const ms = Date.now() - t0;
		try {
			console.log(`generated 10k products + 50k orders in ${ms} ms`);
			expect(w.store.orders()).toHaveLength(50_000);
			const r = await get(`${w.httpUrl}/wp-json/wc/v3/orders?per_page=100&page=250`, undefined);
			expect(r.status).toBe(401);
		} finally {
			await w.close();
		}
	});

	it('parses every CLI flag', () => {
		expect(parseArgs(['--products', '1000', '--orders=5000', '--latency', '50', '--port', '8080', '--https-port', '8443', '--time-zone', 'Europe/Stockholm', '--basic-over-http', '--no-https', '--permalinks', 'plain'])).toEqual({
			products: 1000,
			orders: 5000,
			latencyMs: 50,
			httpPort: 8080,
			httpsPort: 8443,
			timeZone: 'Europe/Stockholm',
			basicOverHttp: true,
			https: false,
			permalinks: 'plain',
		});
		expect(() => parseArgs(['--bogus'])).toThrow(/unknown flag/);
		expect(parseArgs(['--help'])).toBe('help');
	});
});
