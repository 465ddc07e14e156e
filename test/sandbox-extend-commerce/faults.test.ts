import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { call, orderBody } from './helpers';

describe('faults', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startBackOffice({ master: { products: ['TEE-BLUE'] } });
	});
	afterEach(() => office.close());

	it('answers an injected 5xx the given number of times, then serves normally', async () => {
		office.faults.add({ kind: 'status', status: 503, times: 2, match: { method: 'GET', path: 'customerorders' } });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call(office, 'GET', '/CustomerOrders')).status);
		expect(statuses).toEqual([503, 503, 200]);
		expect((await call(office, 'GET', '/ProductAvailability')).status).toBe(200);
	});

	it('answers an HTML 502 like a reverse proxy', async () => {
		office.faults.add({ kind: 'html502', times: 1 });
		const answer = await call(office, 'GET', '/CustomerOrders');
		expect(answer.status).toBe(502);
		expect(answer.headers.get('content-type')).toBe('text/html');
		expect(answer.text).toContain('<h1>502 Bad Gateway</h1>');
	});

	it('resets the connection', async () => {
		office.faults.add({ kind: 'reset', times: 1 });
		await expect(call(office, 'GET', '/CustomerOrders')).rejects.toThrow();
		expect(office.log.at(-1)?.status).toBe(0);
		expect((await call(office, 'GET', '/CustomerOrders')).status).toBe(200);
	});

	it('hangs until the client gives up', async () => {
		office.faults.add({ kind: 'hang', times: 1 });
		const aborted = fetch(`${office.url}/CustomerOrders`, { headers: { 'X-Api-Key': office.credentials.apiKey.value }, signal: AbortSignal.timeout(200) });
		await expect(aborted).rejects.toThrow();
	});

	it('can lose the answer after the work was done (afterProcessing), so a retry meets the duplicate rule', async () => {
		office.faults.add({ kind: 'status', status: 500, times: 1, afterProcessing: true, match: { method: 'POST' } });
		expect((await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1') })).status).toBe(500);
		expect(office.data.orders()).toHaveLength(1);
		const retry = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1') });
		expect(retry.status).toBe(409);
		expect(retry.body.orderNumber).toBe(office.data.orders()[0].orderNumber);
	});

	it.each([400, 422, 409])('answers a duplicate create %s naming the external number, without the existing order\'s number (a \'duplicate\' fault)', async (status) => {
		office.faults.add({ kind: 'duplicate', status, times: 1 });
		expect((await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-2') })).status).toBe(201);
		const again = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-2') });
		expect(again.status).toBe(status);
		expect(String(again.body.message)).toContain("orderNumberExternal 'W-2'");
		expect(again.body.orderNumber).toBeUndefined();
		// Used up: the next duplicate gets the usual answer.
		expect((await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-2') })).status).toBe(409);
		expect(office.data.orders()).toHaveLength(1);
	});

	it('can store an order and then never answer (hang afterProcessing)', async () => {
		office.faults.add({ kind: 'hang', times: 1, afterProcessing: true, match: { method: 'POST' } });
		const aborted = fetch(`${office.url}/CustomerOrders`, {
			method: 'POST',
			headers: { 'X-Api-Key': office.credentials.apiKey.value, 'Content-Type': 'application/json' },
			body: JSON.stringify(orderBody('W-3')),
			signal: AbortSignal.timeout(300),
		});
		await expect(aborted).rejects.toThrow();
		expect(office.data.orders()).toHaveLength(1);
	});

	it('matches by RegExp, clears, and refuses bad specs', async () => {
		office.faults.add({ kind: 'status', match: { path: /^\/productavailability$/i } });
		expect((await call(office, 'GET', '/ProductAvailability')).status).toBe(500);
		expect((await call(office, 'GET', '/CustomerOrders')).status).toBe(200);
		office.faults.clear();
		expect((await call(office, 'GET', '/ProductAvailability')).status).toBe(200);
		expect(() => office.faults.add({ kind: 'status', status: 200 })).toThrow(/400 to 599/);
		expect(() => office.faults.add({ kind: 'html502', afterProcessing: true })).toThrow(/afterProcessing/);
		expect(() => office.faults.add({ kind: 'duplicate', status: 500 })).toThrow(/400, 409, 422/);
		expect(() => office.faults.add({ kind: 'status', times: 0 })).toThrow(/positive integer/);
	});
});
