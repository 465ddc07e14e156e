import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { call, manualClock, orderBody } from './helpers';

const limitHeaders = (headers: Headers) => [headers.get('x-ratelimit-limit'), headers.get('x-ratelimit-remaining'), headers.get('x-ratelimit-reset')];

describe('rate limits in three groups', () => {
	let office: BackOffice;
	const clock = manualClock('2025-03-04T09:00:00Z');
	beforeEach(async () => {
		office = await startBackOffice({ clock: clock.now, rateLimits: { orders: { limit: 2, windowSeconds: 10 }, reads: { limit: 3, windowSeconds: 10 } }, master: { products: ['TEE-BLUE'] } });
	});
	afterEach(() => office.close());

	it('defaults to the documented standard limit of 300 per group', async () => {
		const standard = await startBackOffice();
		try {
			const answer = await call(standard, 'GET', '/CustomerOrders');
			expect(limitHeaders(answer.headers)).toEqual(['300', '299', '60']);
			expect(standard.rateLimits.groups).toEqual({ orders: { limit: 300, windowSeconds: 60 }, reads: { limit: 300, windowSeconds: 60 }, products: { limit: 300, windowSeconds: 60 } });
		} finally {
			await standard.close();
		}
	});

	it('sends the three x-ratelimit headers on every answer, 401 and 404 included, and 429 over the limit', async () => {
		const first = await call(office, 'GET', '/CustomerOrders');
		expect(limitHeaders(first.headers)).toEqual(['3', '2', '10']);
		clock.advance(4);
		const unauthorised = await call(office, 'GET', '/CustomerOrders', { auth: null });
		expect(unauthorised.status).toBe(401);
		expect(limitHeaders(unauthorised.headers)).toEqual(['3', '1', '6']);
		const unknown = await call(office, 'GET', '/NoSuchMethod');
		expect(unknown.status).toBe(404);
		expect(limitHeaders(unknown.headers)).toEqual(['3', '0', '6']);
		const over = await call(office, 'GET', '/ProductAvailability');
		expect(over.status).toBe(429);
		expect(limitHeaders(over.headers)).toEqual(['3', '0', '6']);
		expect(over.body.message).toContain('wait 6 s');
		expect(over.headers.get('retry-after')).toBeNull();
	});

	it('counts each group on its own', async () => {
		for (let i = 0; i < 3; i++) await call(office, 'GET', '/CustomerOrders');
		expect((await call(office, 'GET', '/CustomerOrders')).status).toBe(429);
		expect((await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1') })).status).toBe(201);
		expect((await call(office, 'PUT', '/Products/X', { body: { name: 'x' } })).status).toBe(201);
		expect((await call(office, 'GET', '/Products/X')).headers.get('x-ratelimit-remaining')).toBe('298');
	});

	it('a refused request does nothing', async () => {
		await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1') });
		await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-2') });
		expect((await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-3') })).status).toBe(429);
		expect(office.data.orders().map((o) => o.orderNumberExternal)).toEqual(['W-1', 'W-2']);
	});

	it('opens a new window after the reset time', async () => {
		for (let i = 0; i < 3; i++) await call(office, 'GET', '/CustomerOrders');
		expect((await call(office, 'GET', '/CustomerOrders')).status).toBe(429);
		clock.advance(10);
		const again = await call(office, 'GET', '/CustomerOrders');
		expect(again.status).toBe(200);
		expect(limitHeaders(again.headers)).toEqual(['3', '2', '10']);
	});

	it('has live knobs: Retry-After on 429, another limit, and a reset of the counts', async () => {
		office.rateLimits.retryAfter = true;
		office.rateLimits.groups.reads = { limit: 1, windowSeconds: 30 };
		expect((await call(office, 'GET', '/CustomerOrders')).status).toBe(200);
		const over = await call(office, 'GET', '/CustomerOrders');
		expect(over.status).toBe(429);
		expect(over.headers.get('retry-after')).toBe('30');
		office.rateLimits.reset();
		expect((await call(office, 'GET', '/CustomerOrders')).status).toBe(200);
	});
});

describe('rate-limit groupings (which requests share a window)', () => {
	const clock = manualClock('2025-03-04T09:00:00Z');
	const statuses = async (office: BackOffice, requests: Array<[string, string, unknown?]>) => {
		const answers: number[] = [];
		for (const [method, path, body] of requests) answers.push((await call(office, method, path, body === undefined ? {} : { body })).status);
		return answers;
	};
	const lookupAndCreate = (n: number): Array<[string, string, unknown?]> => [
		['GET', `/CustomerOrders?orderNumberExternal=W-${n}`],
		['POST', '/CustomerOrders', orderBody(`W-${n}`)],
	];

	it.each([
		// purpose: lookups are reads, creates are order writes: two windows of 2.
		['purpose', [200, 201, 200, 201, 429, 429], ['reads', 'orders']],
		// method: each method on each resource alone: two windows of 2.
		['method', [200, 201, 200, 201, 429, 429], ['GET customerorders', 'POST customerorders']],
		// resource and shared: the lookup and the create count in one window of 2.
		['resource', [200, 201, 429, 429, 429, 429], ['customerorders', 'customerorders']],
		['shared', [200, 201, 429, 429, 429, 429], ['all', 'all']],
	] as const)('%s', async (grouping, expected, groups) => {
		const office = await startBackOffice({ clock: clock.now, rateLimitGrouping: grouping, rateLimit: { limit: 2, windowSeconds: 10 }, master: { products: ['TEE-BLUE'] } });
		try {
			expect(await statuses(office, [...lookupAndCreate(1), ...lookupAndCreate(2), ...lookupAndCreate(3)])).toEqual(expected);
			expect(office.log.slice(0, 2).map((entry) => entry.group)).toEqual(groups);
		} finally {
			await office.close();
		}
	});

	it('puts a product\'s read and write in one window under resource, apart under method; the grouping is a live knob', async () => {
		const office = await startBackOffice({ clock: clock.now, rateLimitGrouping: 'resource', rateLimit: { limit: 1, windowSeconds: 10 } });
		try {
			expect(await statuses(office, [['PUT', '/Products/A', { name: 'a' }], ['GET', '/Products/A']])).toEqual([201, 429]);
			office.rateLimits.grouping = 'method';
			office.rateLimits.reset();
			expect(await statuses(office, [['PUT', '/Products/A', { name: 'a' }], ['GET', '/products/A']])).toEqual([200, 200]);
			expect(office.log.slice(-2).map((entry) => entry.group)).toEqual(['PUT products', 'GET products']);
			expect(() => (office.rateLimits.grouping = 'verb' as never)).toThrow(/Unknown rate-limit grouping 'verb'/);
		} finally {
			await office.close();
		}
	});

	it('names a group\'s own window over the common one', async () => {
		const office = await startBackOffice({ clock: clock.now, rateLimitGrouping: 'method', rateLimit: { limit: 1, windowSeconds: 10 }, rateLimits: { 'GET customerorders': { limit: 3, windowSeconds: 10 } } });
		try {
			const answer = await call(office, 'GET', '/CustomerOrders');
			expect(limitHeaders(answer.headers)).toEqual(['3', '2', '10']);
			expect(limitHeaders((await call(office, 'GET', '/ProductAvailability')).headers)).toEqual(['1', '0', '10']);
		} finally {
			await office.close();
		}
	});
});
