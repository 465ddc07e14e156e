import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { OTHER_CHOICES } from '../support/other-tenant';
import { call, manualClock, orderBody } from './helpers';

describe('the sandbox back office started with other choices', () => {
	let office: BackOffice;
	const clock = manualClock('2025-03-04T09:00:00Z');
	beforeAll(async () => {
		office = await startBackOffice({ clock: clock.now, master: { products: ['A', 'B'] }, choices: OTHER_CHOICES });
		for (let i = 1; i <= 3; i++) {
			await call(office, 'POST', '/CustomerOrders', { body: orderBody(`W-${i}`, [{ productNumber: 'A' }]) });
			clock.advance(60);
		}
		office.setAvailableBalance('A', 'MAIN', 5);
		clock.advance(60);
		office.setAvailableBalance('B', 'MAIN', 7);
	});
	afterAll(() => office.close());

	it('pages by offset under its own parameter names and wraps lists in its envelope', async () => {
		const first = await call(office, 'GET', '/CustomerOrders?skip=0&take=2');
		expect(first.body).toEqual({ records: [expect.objectContaining({ externalOrderNo: 'W-1' }), expect.objectContaining({ externalOrderNo: 'W-2' })], count: 2 });
		const second = await call(office, 'GET', '/CustomerOrders?skip=2&take=2');
		expect(second.body.records.map((o: { externalOrderNo: string }) => o.externalOrderNo)).toEqual(['W-3']);
		// The package's default names are unknown here, so they are ignored like any unknown parameter.
		const ignored = await call(office, 'GET', '/CustomerOrders?page=2&pageSize=1');
		expect(ignored.body.records).toHaveLength(3);
	});

	it('filters under its own names and answers its own field names', async () => {
		const found = await call(office, 'GET', '/CustomerOrders?externalOrderNumber=W-2');
		expect(found.body.records).toEqual([{ orderNo: '100002', externalOrderNo: 'W-2', state: 'Registered', customerNumber: 'WEBSHOP', created: expect.any(String), changed: expect.any(String) }]);
		const detail = await call(office, 'GET', '/customerorders/100002');
		expect(detail.body).toMatchObject({ orderNo: '100002', externalOrderNo: 'W-2', state: 'Registered' });
		expect(detail.body).not.toHaveProperty('status');
		expect(detail.body).not.toHaveProperty('orderNumber');
		const since = await call(office, 'GET', '/ProductAvailability?modifiedSince=2025-03-04T09:04:00Z&stockPlace=MAIN');
		expect(since.body).toEqual({ records: [{ productNo: 'B', stockPlace: 'MAIN', available: 7, lastChanged: '2025-03-04T09:04:00.000Z' }], count: 1 });
		expect((await call(office, 'GET', '/ProductAvailability?modifiedSince=soon')).status).toBe(400);
	});

	it('answers a duplicate shop order number with its chosen status', async () => {
		const again = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1', [{ productNumber: 'A' }]) });
		expect(again.status).toBe(400);
		expect(again.body).toMatchObject({ field: 'orderHeader.orderNumberExternal', orderNo: '100001' });
	});

	it('can leave the status out of orders', async () => {
		const bare = await startBackOffice({ master: { products: ['A'] }, choices: { order: { statusField: null } } });
		try {
			await call(bare, 'POST', '/CustomerOrders', { body: orderBody('W-9', [{ productNumber: 'A' }]) });
			expect(Object.keys((await call(bare, 'GET', '/customerorders/100001')).body)).not.toContain('status');
		} finally {
			await bare.close();
		}
	});

	it('refuses an unknown choices group', async () => {
		await expect(startBackOffice({ choices: { lists: {} } as never })).rejects.toThrow("Unknown choices group 'lists'");
	});
});
