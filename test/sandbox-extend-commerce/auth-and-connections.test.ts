import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { call, CONNECTION, omit } from './helpers';

const RW = 'rw_token_secret_123';
const RO = 'ro_token_secret_456';
const OTHER = 'other_tenant_token';
const UNKNOWN = 'wrong_token_value_789';

describe('authentication', () => {
	let office: BackOffice;
	beforeAll(async () => {
		office = await startBackOffice({
			tokens: {
				[RW]: { tenant: 'Tenant A' },
				[RO]: { tenant: 'Tenant A', readOnly: true },
				[OTHER]: { tenant: 'Tenant B' },
			},
		});
	});
	afterAll(() => office.close());

	it('uses the first token as the default token', () => {
		expect(office.token).toBe(RW);
	});

	it('answers 401 unauthorized without an Authorization header', async () => {
		const answer = await call(office, 'GET', '/api/v1/ping', { token: null });
		expect(answer.status).toBe(401);
		expect(answer.body.error.code).toBe('unauthorized');
		expect(answer.body.error.message).toMatch(/Bearer/);
	});

	it('answers 401 for a non-Bearer scheme and for an unknown token, never echoing the token', async () => {
		const basic = await call(office, 'GET', '/api/v1/ping', { token: null, headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
		expect(basic.status).toBe(401);
		const unknown = await call(office, 'GET', '/api/v1/ping', { token: UNKNOWN });
		expect(unknown.status).toBe(401);
		expect(unknown.body.error.code).toBe('unauthorized');
		expect(JSON.stringify(unknown.body)).not.toContain(UNKNOWN);
	});

	it('ping names the service, the API version and the tenant of the token', async () => {
		const answer = await call(office, 'GET', '/api/v1/ping');
		expect(answer).toMatchObject({ status: 200, body: { service: 'extend-commerce', apiVersion: '1', tenant: 'Tenant A' } });
	});

	it('answers 403 forbidden when a read-only token writes, and lets it read', async () => {
		await call(office, 'PUT', '/api/v1/connections/shop', { body: CONNECTION });
		const write = await call(office, 'PUT', '/api/v1/connections/shop', { body: CONNECTION, token: RO });
		expect(write.status).toBe(403);
		expect(write.body.error.code).toBe('forbidden');
		expect(JSON.stringify(write.body)).not.toContain(RO);
		const pending = await call(office, 'POST', '/api/v1/connections/shop/sync-state/orders/pending', {
			token: RO,
			body: { executionId: 'e', windowStart: '2025-01-01T00:00:00Z', windowEnd: '2025-01-02T00:00:00Z' },
		});
		expect(pending.status).toBe(403);
		const read = await call(office, 'GET', '/api/v1/connections/shop', { token: RO });
		expect(read.status).toBe(200);
	});

	it("keeps tenants apart: another tenant's token does not see the connection", async () => {
		await call(office, 'PUT', '/api/v1/connections/tenant-a-shop', { body: CONNECTION });
		const other = await call(office, 'GET', '/api/v1/connections/tenant-a-shop', { token: OTHER });
		expect(other.status).toBe(404);
		expect(other.body.error.code).toBe('connection_not_found');
		const list = await call(office, 'GET', '/api/v1/connections', { token: OTHER });
		expect(list.body).toEqual({ connections: [] });
	});

	it('answers 404 not_found for an unknown endpoint and 405 with Allow for a wrong method', async () => {
		const missing = await call(office, 'GET', '/api/v1/nothing-here');
		expect(missing.status).toBe(404);
		expect(missing.body.error.code).toBe('not_found');
		const wrong = await call(office, 'DELETE', '/api/v1/connections/shop');
		expect(wrong.status).toBe(405);
		expect(wrong.headers.get('allow')).toBe('GET, PUT');
	});
});

describe('connections', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startBackOffice();
	});
	afterEach(() => office.close());

	it('creates with 201, then answers 200 and keeps createdAt on the next PUT', async () => {
		const created = await call(office, 'PUT', '/api/v1/connections/my-shop-1', { body: CONNECTION });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ key: 'my-shop-1', ...CONNECTION });
		expect(created.body.createdAt).toMatch(/Z$/);
		const again = await call(office, 'PUT', '/api/v1/connections/my-shop-1', { body: { ...CONNECTION, name: 'Renamed' } });
		expect(again.status).toBe(200);
		expect(again.body).toMatchObject({ name: 'Renamed', createdAt: created.body.createdAt });
		const read = await call(office, 'GET', '/api/v1/connections/my-shop-1');
		expect(read.body).toEqual(again.body);
		const list = await call(office, 'GET', '/api/v1/connections');
		expect(list.body.connections).toEqual([again.body]);
	});

	it('defaults warehouse and companyGroup to null', async () => {
		const minimal = omit(CONNECTION, 'warehouse', 'companyGroup');
		const created = await call(office, 'PUT', '/api/v1/connections/minimal', { body: minimal });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ warehouse: null, companyGroup: null });
	});

	it.each(['consumerKey', 'consumerSecret', 'consumer_secret', 'accessToken', 'secret', 'password', 'apiKey'])(
		'rejects a body carrying the store secret field %s with 400 naming the field, and stores nothing',
		async (field) => {
			const answer = await call(office, 'PUT', '/api/v1/connections/leaky', { body: { ...CONNECTION, [field]: 'ck_live_abcdef' } });
			expect(answer.status).toBe(400);
			expect(answer.body.error.code).toBe('secret_not_accepted');
			expect(answer.body.error.details).toEqual({ field });
			expect(answer.body.error.message).toContain(`'${field}'`);
			expect(JSON.stringify(answer.body)).not.toContain('ck_live_abcdef');
			expect(office.data.connections()).toEqual([]);
		},
	);

	it('rejects a nested secret and a storeUrl that carries credentials', async () => {
		const nested = await call(office, 'PUT', '/api/v1/connections/leaky', { body: { ...CONNECTION, warehouse: { consumerKey: 'x' } } });
		expect(nested.body.error).toMatchObject({ code: 'secret_not_accepted', details: { field: 'warehouse.consumerKey' } });
		const inUrl = await call(office, 'PUT', '/api/v1/connections/leaky', { body: { ...CONNECTION, storeUrl: 'https://ck:cs@shop.example.com' } });
		expect(inUrl.status).toBe(400);
		expect(inUrl.body.error.details.errors).toEqual([{ field: 'storeUrl', message: expect.stringMatching(/credentials/) }]);
		const inQuery = await call(office, 'PUT', '/api/v1/connections/leaky', {
			body: { ...CONNECTION, storeUrl: 'https://shop.example.com/?consumer_key=ck_1' },
		});
		expect(inQuery.status).toBe(400);
		expect(office.data.connections()).toEqual([]);
	});

	it('rejects invalid fields with one field error each', async () => {
		const answer = await call(office, 'PUT', '/api/v1/connections/bad', {
			body: { name: 'x', externalSystem: 'woocommerce', storeUrl: 'ftp://shop', orderStart: '2025-01-01T00:00:00+02:00', color: 'red' },
		});
		expect(answer.status).toBe(400);
		expect(answer.body.error.code).toBe('validation_failed');
		expect(answer.body.error.details.errors.map((e: { field: string }) => e.field).sort()).toEqual(['color', 'orderStart', 'storeUrl']);
	});

	it.each(['UPPER', '-leading-dash', 'has_underscore', 'a'.repeat(129), 'sp%20ace'])('rejects the connection key %p with 400', async (key) => {
		const answer = await call(office, 'PUT', `/api/v1/connections/${key}`, { body: CONNECTION });
		expect(answer.status).toBe(400);
		expect(answer.body.error.code).toBe('invalid_connection_key');
	});

	it('accepts a 128-character key', async () => {
		const answer = await call(office, 'PUT', `/api/v1/connections/${'a'.repeat(128)}`, { body: CONNECTION });
		expect(answer.status).toBe(201);
	});

	it('answers 400 for a body that is not JSON', async () => {
		const answer = await call(office, 'PUT', '/api/v1/connections/x', { rawBody: '{"name": ' });
		expect(answer.status).toBe(400);
		expect(answer.body.error.code).toBe('invalid_json');
	});

	it('answers 404 connection_not_found for an unknown key', async () => {
		const answer = await call(office, 'GET', '/api/v1/connections/nope');
		expect(answer.status).toBe(404);
		expect(answer.body.error.code).toBe('connection_not_found');
	});
});
