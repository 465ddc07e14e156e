import WooCommerceRestApi from '@woocommerce/woocommerce-rest-api';
import { startWooSandbox, type WooSandbox } from '../../sandbox/woocommerce';
import { basic, get, request } from './helpers';
import { signUrl } from './oauthSigner';

const errorOf = (r: { json<T>(): T }) => r.json<{ code: string; message: string; data: { status: number } }>();

describe('OAuth 1.0a over plain HTTP', () => {
	let woo: WooSandbox;
	beforeAll(async () => {
		woo = await startWooSandbox();
	});
	afterAll(() => woo.close());

	const client = (key = woo.keys.readWrite) =>
		new WooCommerceRestApi({ url: woo.httpUrl, consumerKey: key.consumerKey, consumerSecret: key.consumerSecret, version: 'wc/v3' });

	it('accepts requests signed by the independent @woocommerce/woocommerce-rest-api client (HMAC-SHA256)', async () => {
		const res = await client().get('products', { per_page: 3, status: 'publish' });
		expect(res.status).toBe(200);
		expect(res.headers['x-wp-total']).toBe('26');
		expect((res.data as unknown[]).length).toBe(3);
		expect(woo.log[woo.log.length - 1].authKind).toBe('oauth1');
	});

	it('accepts an HMAC-SHA1 signature', async () => {
		const url = signUrl(`${woo.httpUrl}/wp-json/wc/v3/orders?per_page=2`, { key: woo.keys.read.consumerKey, secret: woo.keys.read.consumerSecret, algorithm: 'HMAC-SHA1' });
		const r = await request(url);
		expect(r.status).toBe(200);
		expect(r.json<unknown[]>().length).toBe(2);
	});

	it('rejects a tampered request with the captured bad-signature message', async () => {
		await client().get('products', { per_page: 2 });
		const signed = woo.log[woo.log.length - 1].rawUrl;
		// (the client sends per_page twice; PHP keeps the last one, so change both)
		const r = await request(signed.replaceAll('per_page=2', 'per_page=3'));
		expect(r.status).toBe(401);
		expect(errorOf(r)).toEqual({ code: 'woocommerce_rest_authentication_error', message: 'Invalid signature - provided signature does not match.', data: { status: 401 } });
	});

	it('refuses a replayed nonce', async () => {
		await client().get('orders', { per_page: 1 });
		const signed = woo.log[woo.log.length - 1].rawUrl;
		const r = await request(signed);
		expect(r.status).toBe(401);
		expect(errorOf(r).message).toBe('Invalid nonce - nonce has already been used.');
	});

	it('refuses a timestamp outside ±15 minutes of the store clock', async () => {
		woo.options.clockOffsetSeconds = 16 * 60;
		try {
			await expect(client().get('products')).rejects.toMatchObject({ response: { status: 401, data: { message: 'Invalid timestamp.' } } });
		} finally {
			woo.options.clockOffsetSeconds = 0;
		}
		woo.options.clockOffsetSeconds = 14 * 60;
		try {
			expect((await client().get('products')).status).toBe(200);
		} finally {
			woo.options.clockOffsetSeconds = 0;
		}
	});

	it('answers an unknown oauth key with "Consumer key is invalid."', async () => {
		const url = signUrl(`${woo.httpUrl}/wp-json/wc/v3/products`, { key: `ck_${'2'.repeat(40)}`, secret: 'cs_x' });
		const r = await request(url);
		expect([r.status, errorOf(r).message]).toEqual([401, 'Consumer key is invalid.']);
	});

	it('reports missing oauth parameters', async () => {
		const r = await request(`${woo.httpUrl}/wp-json/wc/v3/products?oauth_consumer_key=${woo.keys.readWrite.consumerKey}&oauth_signature=x&oauth_signature_method=HMAC-SHA256&oauth_timestamp=1`);
		expect(errorOf(r)).toEqual({ code: 'woocommerce_rest_authentication_missing_parameter', message: 'Missing OAuth parameter oauth_nonce', data: { status: 401 } });
	});

	it('lets a read_write key write over OAuth (JSON body not signed) and refuses the read key', async () => {
		const p = woo.store.products()[0];
		const res = await client().put(`products/${p.id}`, { stock_quantity: 7 });
		expect(res.status).toBe(200);
		expect(woo.store.products().find((x) => x.id === p.id)!.stock_quantity).toBe(7);
		await expect(client(woo.keys.read).put(`products/${p.id}`, { stock_quantity: 8 })).rejects.toMatchObject({
			response: { status: 401, data: { message: 'The API key provided does not have write permissions.' } },
		});
	});
});

describe('Basic and query-string keys', () => {
	let woo: WooSandbox;
	beforeAll(async () => {
		woo = await startWooSandbox({ products: 12, orders: 10 });
	});
	afterAll(() => woo.close());

	it('are accepted over HTTPS and refused over plain HTTP (401 woocommerce_rest_cannot_view)', async () => {
		expect((await get(`${woo.httpsUrl}/wp-json/wc/v3/products`, woo.keys.readWrite)).status).toBe(200);
		const r = await get(`${woo.httpUrl}/wp-json/wc/v3/products`, woo.keys.readWrite);
		expect([r.status, errorOf(r).code]).toEqual([401, 'woocommerce_rest_cannot_view']);
		const q = await request(`${woo.httpUrl}/wp-json/wc/v3/products?consumer_key=${woo.keys.readWrite.consumerKey}&consumer_secret=${woo.keys.readWrite.consumerSecret}`);
		expect(q.status).toBe(401);
	});

	it('basicOverHttp accepts Basic on http (like the captured port 8081)', async () => {
		woo.options.basicOverHttp = true;
		try {
			expect((await get(`${woo.httpUrl}/wp-json/wc/v3/products`, woo.keys.readWrite)).status).toBe(200);
		} finally {
			woo.options.basicOverHttp = false;
		}
	});

	it('lets query-string keys win over the Authorization header', async () => {
		const q = `consumer_key=${woo.keys.readWrite.consumerKey}&consumer_secret=${woo.keys.readWrite.consumerSecret}`;
		const r = await request(`${woo.httpsUrl}/wp-json/wc/v3/products?${q}`, { headers: basic({ ...woo.keys.readWrite, consumerSecret: 'wrong' }) });
		expect(r.status).toBe(200);
		expect(woo.log[woo.log.length - 1].authKind).toBe('query');
		const bad = await request(`${woo.httpsUrl}/wp-json/wc/v3/products?consumer_key=${woo.keys.readWrite.consumerKey}&consumer_secret=wrong`, { headers: basic(woo.keys.readWrite) });
		expect(errorOf(bad).message).toBe('Consumer secret is invalid.');
	});

	it('stripAuthorizationHeader makes Basic look like no credentials at all', async () => {
		woo.options.stripAuthorizationHeader = true;
		try {
			const r = await get(`${woo.httpsUrl}/wp-json/wc/v3/orders`, woo.keys.readWrite);
			expect([r.status, errorOf(r).code, r.headers.vary]).toEqual([401, 'woocommerce_rest_cannot_view', 'Origin']);
		} finally {
			woo.options.stripAuthorizationHeader = false;
		}
	});

	it('gives a write-only key 401 on reads and a key whose user lacks the capability 403', async () => {
		const w = await get(`${woo.httpsUrl}/wp-json/wc/v3/orders`, woo.keys.write);
		expect([w.status, errorOf(w).message]).toEqual([401, 'The API key provided does not have read permissions.']);
		const n = await get(`${woo.httpsUrl}/wp-json/wc/v3/orders`, woo.keys.noCapability);
		expect(errorOf(n)).toEqual({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 403 } });
		expect(n.headers.allow).toBeUndefined();
		expect(n.headers['cache-control']).toContain('no-store');
	});

	it('validates parameters before checking permissions (400 even without credentials)', async () => {
		const r = await get(`${woo.httpsUrl}/wp-json/wc/v3/products?per_page=0`);
		expect(r.status).toBe(400);
		expect(r.headers.allow).toBeUndefined();
	});

	it('lets an anonymous GET of a missing object reach the 404 (permission callback passes without an object)', async () => {
		const r = await get(`${woo.httpsUrl}/wp-json/wc/v3/orders/999999`);
		expect([r.status, errorOf(r).code]).toEqual([404, 'woocommerce_rest_shop_order_invalid_id']);
		const p = woo.store.products()[0];
		const s = await get(`${woo.httpsUrl}/wp-json/wc/v3/products/${p.id}`);
		expect([s.status, errorOf(s).message]).toEqual([401, 'Sorry, you cannot view this resource.']);
	});
});

describe('plain permalinks', () => {
	let woo: WooSandbox;
	beforeAll(async () => {
		woo = await startWooSandbox({ products: 12, orders: 10, permalinks: 'plain' });
	});
	afterAll(() => woo.close());

	it('answers /wp-json/... with an HTML 404 page', async () => {
		const r = await get(`${woo.httpsUrl}/wp-json/wc/v3/products`, woo.keys.readWrite);
		expect(r.status).toBe(404);
		expect(r.headers['content-type']).toBe('text/html; charset=UTF-8');
		expect(r.text).toMatch(/^<!DOCTYPE html>/);
	});

	it('serves ?rest_route= but key auth never runs there (WooCommerce only authenticates URIs containing wp-json/wc/)', async () => {
		const q = `consumer_key=${woo.keys.readWrite.consumerKey}&consumer_secret=${woo.keys.readWrite.consumerSecret}`;
		const r = await request(`${woo.httpsUrl}/?rest_route=/wc/v3/products&${q}`);
		expect([r.status, errorOf(r).code]).toEqual([401, 'woocommerce_rest_cannot_view']);
		const b = await get(`${woo.httpsUrl}/?rest_route=/wc/v3/products`, woo.keys.readWrite);
		expect(b.status).toBe(401);
	});

	it('serves the index at ?rest_route=/ with rest_route links', async () => {
		const r = await get(`${woo.httpsUrl}/?rest_route=/`);
		expect(r.status).toBe(200);
		expect(r.headers.link).toBe(`<${woo.httpsUrl}/?rest_route=/>; rel="https://api.w.org/"`);
		expect(r.json<{ namespaces: string[] }>().namespaces).toContain('wc/v3');
	});
});
