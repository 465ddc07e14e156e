import type { BackOffice } from '../../sandbox/extend-commerce';
import { call, omit, order, product, pushBatch, startWithConnection } from './helpers';

describe('batch limits', () => {
	let office: BackOffice;
	beforeAll(async () => {
		office = await startWithConnection();
	});
	afterAll(() => office.close());

	it('accepts exactly 100 records', async () => {
		const answer = await pushBatch(office, 'products', Array.from({ length: 100 }, (_, i) => product(`p${i}`)));
		expect(answer.status).toBe(200);
		expect(answer.body.results).toHaveLength(100);
	});

	it('answers 400 invalid_batch_size for 0 and for 101 records, storing nothing', async () => {
		const before = office.data.records('demo-shop', 'orders').length;
		const empty = await pushBatch(office, 'orders', []);
		expect(empty.status).toBe(400);
		expect(empty.body.error.code).toBe('invalid_batch_size');
		const tooMany = await pushBatch(office, 'orders', Array.from({ length: 101 }, (_, i) => order(`o${i}`)));
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.error).toMatchObject({ code: 'invalid_batch_size', details: { count: 101, max: 100 } });
		expect(office.data.records('demo-shop', 'orders').length).toBe(before);
	});

	it('answers 400 when records is not an array', async () => {
		const answer = await call(office, 'POST', '/api/v1/connections/demo-shop/orders/batch', {
			body: { records: { sourceId: '1' } },
			headers: { 'Idempotency-Key': 'not-array' },
		});
		expect(answer.status).toBe(400);
		expect(answer.body.error.code).toBe('validation_failed');
	});

	it('answers 413 payload_too_large for a body over 5 MB', async () => {
		const huge = Array.from({ length: 100 }, (_, i) => product(`big${i}`, { name: 'x'.repeat(60_000) }));
		const answer = await pushBatch(office, 'products', huge);
		expect(answer.status).toBe(413);
		expect(answer.body.error.code).toBe('payload_too_large');
		expect(office.data.records('demo-shop', 'products').some((r) => r.sourceId.startsWith('big'))).toBe(false);
	});

	it('answers 400 idempotency_key_required without the header', async () => {
		const answer = await call(office, 'POST', '/api/v1/connections/demo-shop/orders/batch', { body: { records: [order('1')] } });
		expect(answer.status).toBe(400);
		expect(answer.body.error.code).toBe('idempotency_key_required');
		expect(office.data.records('demo-shop', 'orders').find((r) => r.sourceId === '1')).toBeUndefined();
	});

	it('answers 404 connection_not_found for an unregistered connection', async () => {
		const answer = await pushBatch(office, 'orders', [order('1')], { key: 'never-registered' });
		expect(answer.status).toBe(404);
		expect(answer.body.error.code).toBe('connection_not_found');
		expect(answer.body.error.message).toContain('PUT /api/v1/connections/never-registered');
	});
});

describe('upsert outcomes', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startWithConnection();
	});
	afterEach(() => office.close());

	it('answers created, then unchanged for identical content, then updated when content differs — one result per record in order', async () => {
		const first = await pushBatch(office, 'products', [product('1'), product('2')]);
		expect(first.body.results).toEqual([
			{ sourceId: '1', outcome: 'created' },
			{ sourceId: '2', outcome: 'created' },
		]);
		const second = await pushBatch(office, 'products', [product('2'), product('1', { name: 'Renamed' }), product('3')]);
		expect(second.body.results).toEqual([
			{ sourceId: '2', outcome: 'unchanged' },
			{ sourceId: '1', outcome: 'updated' },
			{ sourceId: '3', outcome: 'created' },
		]);
		const stored = office.data.records('demo-shop', 'products');
		expect(stored.map((r) => [r.sourceId, r.version])).toEqual([
			['1', 2],
			['2', 1],
			['3', 1],
		]);
		expect((stored[0].record as { name: string }).name).toBe('Renamed');
	});

	it('treats the same content with a different key order as unchanged', async () => {
		await pushBatch(office, 'orders', [order('5')]);
		const reordered = Object.fromEntries(Object.entries(order('5')).reverse());
		const answer = await pushBatch(office, 'orders', [reordered]);
		expect(answer.body.results).toEqual([{ sourceId: '5', outcome: 'unchanged' }]);
	});

	it('keeps products and orders apart for the same sourceId, and connections apart', async () => {
		await call(office, 'PUT', '/api/v1/connections/second-shop', {
			body: { name: 'Second', externalSystem: 'woocommerce', storeUrl: 'https://b.example.com', orderStart: '2025-01-01T00:00:00Z' },
		});
		expect((await pushBatch(office, 'products', [product('9')])).body.results[0].outcome).toBe('created');
		expect((await pushBatch(office, 'orders', [order('9')])).body.results[0].outcome).toBe('created');
		expect((await pushBatch(office, 'orders', [order('9')], { key: 'second-shop' })).body.results[0].outcome).toBe('created');
	});

	it('applies the same sourceId twice in one batch in order', async () => {
		const answer = await pushBatch(office, 'products', [product('1'), product('1'), product('1', { name: 'B' })]);
		expect(answer.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'unchanged', 'updated']);
		expect(office.data.records('demo-shop', 'products')).toEqual([expect.objectContaining({ sourceId: '1', version: 2 })]);
	});
});

describe('per-record rejection', () => {
	let office: BackOffice;
	beforeAll(async () => {
		office = await startWithConnection();
	});
	afterAll(() => office.close());

	const rejectedFields = async (resource: 'products' | 'orders', record: unknown) => {
		const answer = await pushBatch(office, resource, [record]);
		expect(answer.status).toBe(200);
		expect(answer.body.results[0].outcome).toBe('rejected');
		return (answer.body.results[0].errors as Array<{ field: string; message: string }>).map((e) => e.field);
	};

	it('rejects a product without sourceId, sku or name, naming each field', async () => {
		expect(await rejectedFields('products', omit(product('x'), 'sourceId', 'sku', 'name'))).toEqual(['sourceId', 'sku', 'name']);
	});

	it('accepts a product whose SKU is empty, as WooCommerce allows', async () => {
		const answer = await pushBatch(office, 'products', [product('no-sku', { sku: '' })]);
		expect(answer.status).toBe(200);
		expect(answer.body.results[0]).toEqual({ sourceId: 'no-sku', outcome: 'created' });
	});

	it('rejects money that is not a decimal string', async () => {
		expect(await rejectedFields('products', product('m', { price: { amount: 18 as unknown as string, currency: 'EUR' } }))).toEqual(['price.amount']);
		expect(await rejectedFields('products', product('m', { price: { amount: '1e3', currency: 'EUR' } }))).toEqual(['price.amount']);
		expect(await rejectedFields('products', product('m', { price: { amount: '18.00', currency: 'eur' } }))).toEqual(['price.currency']);
		const bad = order('m');
		bad.lines[0].unitPrice = '9,00';
		bad.totals.total = '';
		expect(await rejectedFields('orders', bad)).toEqual(['lines[0].unitPrice', 'totals.total']);
	});

	it('rejects timestamps that are not UTC ISO with Z, including impossible dates', async () => {
		expect(await rejectedFields('products', product('t', { modifiedAt: '2025-03-04T04:11:35+01:00' }))).toEqual(['modifiedAt']);
		expect(await rejectedFields('products', product('t', { modifiedAt: '2025-02-30T00:00:00Z' }))).toEqual(['modifiedAt']);
		expect(await rejectedFields('orders', order('t', { paidAt: '2025-03-04' }))).toEqual(['paidAt']);
	});

	it('rejects a bad status and a variant without parent', async () => {
		expect(await rejectedFields('products', product('s', { status: 'publish' as never }))).toEqual(['status']);
		expect(await rejectedFields('orders', order('s', { status: 'wc-processing' as never }))).toEqual(['status']);
		expect(await rejectedFields('products', product('v', { type: 'variant', parentSourceId: null }))).toEqual(['parentSourceId']);
	});

	it('rejects unknown fields and missing nullable fields', async () => {
		expect(await rejectedFields('products', { ...product('u'), regular_price: '1.00' })).toEqual(['regular_price']);
		expect(await rejectedFields('products', omit(product('u'), 'salePrice'))).toEqual(['salePrice']);
	});

	it('does not store rejected records but stores the valid ones of the same batch', async () => {
		const answer = await pushBatch(office, 'orders', [order('good-1'), order('bad-1', { currency: 'euro' }), 'not an object', order('good-2')]);
		expect(answer.body.results.map((r: { sourceId: string; outcome: string }) => [r.sourceId, r.outcome])).toEqual([
			['good-1', 'created'],
			['bad-1', 'rejected'],
			['', 'rejected'],
			['good-2', 'created'],
		]);
		const ids = office.data.records('demo-shop', 'orders').map((r) => r.sourceId);
		expect(ids).toEqual(expect.arrayContaining(['good-1', 'good-2']));
		expect(ids).not.toContain('bad-1');
	});

	it('accepts a full valid order and product as produced by the canonical types', async () => {
		const answer = await pushBatch(office, 'orders', [order('full')]);
		expect(answer.body.results).toEqual([{ sourceId: 'full', outcome: 'created' }]);
	});
});

describe('idempotency', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startWithConnection();
	});
	afterEach(() => office.close());

	it('replays the stored answer for the same key and body without applying twice', async () => {
		const first = await pushBatch(office, 'products', [product('1')], { idempotencyKey: 'k-1' });
		expect(first.headers.get('idempotency-replayed')).toBe('false');
		// Change the record behind the client's back: a real re-application would answer 'updated'.
		await pushBatch(office, 'products', [product('1', { name: 'Changed meanwhile' })], { idempotencyKey: 'k-2' });
		const replay = await pushBatch(office, 'products', [product('1')], { idempotencyKey: 'k-1' });
		expect(replay.status).toBe(200);
		expect(replay.headers.get('idempotency-replayed')).toBe('true');
		expect(replay.body).toEqual(first.body);
		const stored = office.data.records('demo-shop', 'products');
		expect(stored).toEqual([expect.objectContaining({ version: 2, record: expect.objectContaining({ name: 'Changed meanwhile' }) })]);
	});

	it('answers 422 idempotency_key_reused for the same key with a different body', async () => {
		await pushBatch(office, 'products', [product('1')], { idempotencyKey: 'k-1' });
		const reuse = await pushBatch(office, 'products', [product('2')], { idempotencyKey: 'k-1' });
		expect(reuse.status).toBe(422);
		expect(reuse.body.error.code).toBe('idempotency_key_reused');
		expect(office.data.records('demo-shop', 'products').map((r) => r.sourceId)).toEqual(['1']);
	});

	it('scopes keys per connection and resource', async () => {
		await pushBatch(office, 'products', [product('1')], { idempotencyKey: 'shared' });
		const orders = await pushBatch(office, 'orders', [order('1')], { idempotencyKey: 'shared' });
		expect(orders.status).toBe(200);
		expect(orders.headers.get('idempotency-replayed')).toBe('false');
	});

	it('does not remember failed requests, so the retry after registering the connection applies', async () => {
		const failed = await pushBatch(office, 'orders', [order('1')], { key: 'late-shop', idempotencyKey: 'k-late' });
		expect(failed.status).toBe(404);
		await call(office, 'PUT', '/api/v1/connections/late-shop', {
			body: { name: 'Late', externalSystem: 'woocommerce', storeUrl: 'https://late.example.com', orderStart: '2025-01-01T00:00:00Z' },
		});
		const retry = await pushBatch(office, 'orders', [order('1')], { key: 'late-shop', idempotencyKey: 'k-late' });
		expect(retry.body.results).toEqual([{ sourceId: '1', outcome: 'created' }]);
	});

	it('records the key and record count in the request log', async () => {
		await pushBatch(office, 'orders', [order('1'), order('2')], { idempotencyKey: 'logged-key' });
		expect(office.log[office.log.length - 1]).toMatchObject({
			method: 'POST',
			path: '/api/v1/connections/demo-shop/orders/batch',
			status: 200,
			idempotencyKey: 'logged-key',
			recordCount: 2,
		});
	});
});

describe('throughput', () => {
	it('accepts 20k orders in batches of 100 at over 1000 records per second, with persistence on', async () => {
		const os = await import('node:os');
		const fs = await import('node:fs');
		const path = await import('node:path');
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-throughput-'));
		const office = await startWithConnection({ dataDir });
		try {
			const batches = Array.from({ length: 200 }, (_, b) => Array.from({ length: 100 }, (_, i) => order(String(b * 100 + i))));
			const started = Date.now();
			for (const batch of batches) {
				const answer = await pushBatch(office, 'orders', batch);
				expect(answer.status).toBe(200);
			}
			const perSecond = 20_000 / ((Date.now() - started) / 1000);
			expect(perSecond).toBeGreaterThan(1000);
			expect(office.data.records('demo-shop', 'orders')).toHaveLength(20_000);
		} finally {
			await office.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
