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
