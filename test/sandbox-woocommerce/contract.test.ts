/**
 * Contract tests: replay every captured WooCommerce 10.0.2 request the sandbox supports against a
 * default sandbox and compare status, the headers that matter, the Link header's shape and the
 * body's shape (keys and value types, recursively). The default seed mirrors the captured store,
 * so the captured X-WP-Total / X-WP-TotalPages must match exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ApiKey, startWooSandbox, type WooSandbox } from '../../sandbox/woocommerce';
import { basic, parseLink, request, type Reply, shapeDiff } from './helpers';
import { signUrl } from './oauthSigner';

interface Fixture {
	name: string;
	file: string;
	request: { method: string; url: string; auth: 'basic' | 'query' | 'oauth1' | 'none'; body: unknown; auth_key: 'read_write' | 'read' | 'other' };
	status: number;
	headers: Array<[string, string]>;
	body: unknown;
}

const DIR = path.resolve(__dirname, '../fixtures/woocommerce/real-10.0.2');
const fixtures: Fixture[] = readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.map((f) => ({ ...(JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Fixture), file: f }));

/** Captured routes the sandbox does not serve (they answer rest_no_route there). */
const UNSUPPORTED: Record<string, string> = {
	'coupons_list.json': 'coupons are not modelled',
	'customers_list.json': 'customers endpoint not modelled (customer ids exist on orders)',
	'order_notes_list.json': 'the seed has no order notes (notes written through the API are served)',
	'order_refunds_list.json': 'refund objects are only summarised inside orders',
	'products_attribute_terms.json': 'attribute endpoints not modelled',
	'products_attributes.json': 'attribute endpoints not modelled',
	'products_categories.json': 'category endpoint not modelled',
};
const WRITE_ORDER = [
	'write_product_create_simple.json',
	'error_duplicate_sku.json',
	'write_product_update.json',
	'write_variation_update.json',
	'write_products_batch.json',
	'write_order_update_status.json',
	'write_product_delete_trash.json',
	'write_product_delete_force.json',
	'error_readonly_key_write.json',
];

const header = (f: Fixture, name: string) => f.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
const UNKNOWN_KEY: ApiKey = { consumerKey: `ck_${'2'.repeat(40)}`, consumerSecret: `cs_${'3'.repeat(40)}`, permissions: 'read_write' };

function idMap(woo: WooSandbox, created: Map<number, number>): Map<number, number> {
	const products = woo.store.products();
	const orders = woo.store.orders();
	const sixteen = products.find((p) => p.variations.length === 16)!;
	const custom = products.find((p) => p.type === 'variable' && p.attributes.some((a) => a.id === 0))!;
	const simple = products.find((p) => p.sku === 'TB-S-010')!;
	const classicTee = products.find((p) => p.sku === 'TB-S-001')!;
	const guestWithFee = orders.find((o) => o.customer_id === 0 && o.fee_lines.length > 0 && o.refunds.length === 0)!;
	const guestWithRefund = orders.find((o) => o.customer_id === 0 && o.refunds.length > 0)!;
	const registered = orders.find((o) => o.customer_id > 0)!;
	return new Map([
		[14, classicTee.id],
		[23, simple.id],
		[53, sixteen.id],
		[54, sixteen.variations[0]],
		[55, sixteen.variations[1]],
		[78, custom.id],
		[91, guestWithFee.id],
		[106, guestWithRefund.id],
		[92, registered.id],
		...created,
	]);
}

function translate(f: Fixture, woo: WooSandbox, ids: Map<number, number>): string {
	const u = new URL(f.request.url);
	const base = u.protocol === 'https:' ? woo.httpsUrl : woo.httpUrl;
	const p = u.pathname.replace(/\/(products|variations|orders)\/(\d+)/g, (_, seg: string, n: string) => `/${seg}/${ids.get(Number(n)) ?? n}`);
	const q = new URLSearchParams();
	for (const [k, v] of u.searchParams) {
		if (k.startsWith('oauth_')) continue;
		if (k === 'consumer_key') q.append(k, woo.keys.readWrite.consumerKey);
		else if (k === 'consumer_secret') q.append(k, woo.keys.readWrite.consumerSecret);
		else q.append(k, v);
	}
	const qs = q.toString();
	return `${base}${p}${qs ? `?${qs}` : ''}`;
}

/** Batch bodies name objects by id inside the body: map the captured store's ids like the path's. */
function withStoreIds(body: unknown, ids: Map<number, number>): unknown {
	const batch = body as { update?: Array<{ id: number }> };
	if (!Array.isArray(batch.update)) return body;
	return { ...batch, update: batch.update.map((item) => ({ ...item, id: ids.get(item.id) ?? item.id })) };
}

async function replay(f: Fixture, woo: WooSandbox, ids: Map<number, number>): Promise<Reply> {
	let url = translate(f, woo, ids);
	const key = f.request.auth_key === 'read' ? woo.keys.read : f.request.auth_key === 'other' ? UNKNOWN_KEY : woo.keys.readWrite;
	const headers: Record<string, string> = {};
	if (f.request.auth === 'basic') Object.assign(headers, basic(f.name === 'error_wrong_consumer_secret_basic' ? { ...key, consumerSecret: 'cs_not_the_secret' } : key));
	if (f.request.auth === 'oauth1') {
		url = signUrl(url, { key: key.consumerKey, secret: key.consumerSecret, method: f.request.method });
		if (f.name === 'error_oauth1_bad_signature') url = url.replace(/oauth_signature=[^&]*/, 'oauth_signature=SJis4qTv5SpMrVyv8nvfqlLCOs4zboBFL%2BIzJqyjlLA%3D');
	}
	let body: string | undefined;
	if (f.request.body) {
		body = JSON.stringify(withStoreIds(f.request.body, ids));
		headers['content-type'] = 'application/json';
	}
	return request(url, { method: f.request.method, headers, body });
}

function linkShape(link: string | undefined, origin: string) {
	return parseLink(link).map(({ rel, url }) => ({
		rel,
		origin: url.origin === origin,
		path: url.pathname.replace(/\/\d+(?=\/|$)/g, '/N'),
		query: [...url.searchParams].map(([k, v]) => (/^(oauth_|consumer_)/.test(k) ? `${k}=*` : `${k}=${v}`)),
	}));
}

function expectBody(f: Fixture, r: Reply): void {
	const actual: unknown = r.json();
	const expected = f.body as Record<string, unknown>;
	if (expected && typeof expected === 'object' && !Array.isArray(expected) && 'code' in expected) {
		const a = actual as Record<string, unknown>;
		expect(a.code).toBe(expected.code);
		expect(a.message).toBe(expected.message);
		if (f.name === 'error_duplicate_sku') expect(shapeDiff(a, expected)).toEqual([]);
		else expect(a.data).toEqual(expected.data);
		return;
	}
	expect(shapeDiff(actual, expected)).toEqual([]);
	if (Array.isArray(expected)) expect((actual as unknown[]).length).toBe(expected.length);
}

function expectHeaders(f: Fixture, r: Reply, origin: string): void {
	expect(r.status).toBe(f.status);
	expect(r.headers['content-type']).toBe(header(f, 'Content-Type'));
	for (const h of ['X-WP-Total', 'X-WP-TotalPages', 'Allow']) expect([h, r.headers[h.toLowerCase()]]).toEqual([h, header(f, h)]);
	for (const h of ['Vary', 'Expires', 'Cache-Control', 'X-Robots-Tag', 'X-Content-Type-Options', 'Access-Control-Expose-Headers', 'Access-Control-Allow-Headers', 'Location']) {
		expect([h, r.headers[h.toLowerCase()] !== undefined]).toEqual([h, header(f, h) !== undefined]);
	}
	const capturedOrigin = new URL(f.request.url).origin;
	expect(linkShape(r.headers.link, origin)).toEqual(linkShape(header(f, 'Link'), capturedOrigin));
	expect(r.headers.date).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
}

describe('contract: captured WooCommerce 10.0.2 reads replay identically', () => {
	let woo: WooSandbox;
	let ids: Map<number, number>;
	beforeAll(async () => {
		woo = await startWooSandbox();
		ids = idMap(woo, new Map());
	});
	afterAll(() => woo.close());

	const reads = fixtures.filter((f) => !UNSUPPORTED[f.file] && !WRITE_ORDER.includes(f.file));
	it('covers every captured request that is not explicitly unsupported', () => {
		expect(reads.length + WRITE_ORDER.length + Object.keys(UNSUPPORTED).length).toBe(fixtures.length);
		expect(fixtures.length).toBe(48);
	});

	it.each(reads.map((f) => [f.file, f] as const))('%s: same status, headers, Link shape and body shape', async (_file, f) => {
		const r = await replay(f, woo, ids);
		const origin = new URL(f.request.url).protocol === 'https:' ? woo.httpsUrl : woo.httpUrl;
		expectHeaders(f, r, origin);
		expectBody(f, r);
	});
});

describe('contract: captured writes replay in order (create, duplicate SKU, update, delete)', () => {
	let woo: WooSandbox;
	const created = new Map<number, number>();
	beforeAll(async () => {
		woo = await startWooSandbox();
	});
	afterAll(() => woo.close());

	it.each(WRITE_ORDER.map((file) => [file, fixtures.find((f) => f.file === file)!] as const))('%s', async (_file, f) => {
		const ids = idMap(woo, created);
		const r = await replay(f, woo, ids);
		if (f.file === 'write_product_create_simple.json') created.set(144, r.json<{ id: number }>().id);
		const origin = woo.httpsUrl;
		expectHeaders(f, r, origin);
		expectBody(f, r);
	});
});
