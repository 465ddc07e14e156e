import { createHmac } from 'node:crypto';
import { signBody, startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { startRecordingServer, type RecordedRequest } from '../support/recording-server';
import { call, orderBody } from './helpers';

describe('webhook signature', () => {
	it("reproduces Extend's worked example: secret123 over {'test':'test2'}", () => {
		expect(signBody('secret123', "{'test':'test2'}")).toBe('sha256=25FB6994568A75CD233E04BA1C653AF1BF476041CC543AF04F82CAAC482C201A');
	});
});

describe('webhooks', () => {
	let office: BackOffice;
	let receiver: Awaited<ReturnType<typeof startRecordingServer>>;
	let statuses: number[];
	beforeEach(async () => {
		statuses = [];
		receiver = await startRecordingServer(() => ({ status: statuses.shift() ?? 200, body: {} }));
		office = await startBackOffice({ master: { products: ['TEE-BLUE', 'MUG'], warehouses: ['MAIN', 'SOUTH'] }, webhookRetry: { firstDelayMs: 5, maxAttempts: 4 } });
	});
	afterEach(async () => {
		await office.close();
		await receiver.close();
	});

	const envelopes = () => receiver.requests.map((r) => JSON.parse(r.body) as { Id: string; Attempt: number; Properties: { NotificationId: string }; Notifications: Array<{ Action: string; Details: Record<string, string> }> });
	const actions = () => envelopes().map((e) => [e.Notifications[0].Action, e.Notifications[0].Details]);

	it('delivers the documented envelope, signed with ms-signature over the exact raw body', async () => {
		office.webhooks.register({ url: `${receiver.url}/hook`, secret: 's3cret', events: ['AvailableBalanceChanged'] });
		office.setAvailableBalance('TEE-BLUE', 'MAIN', 7);
		await office.webhooks.settled();
		expect(receiver.requests).toHaveLength(1);
		const request: RecordedRequest = receiver.requests[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/hook');
		expect(request.headers['content-type']).toBe('application/json');
		const expected = `sha256=${createHmac('sha256', 's3cret').update(request.body).digest('hex').toUpperCase()}`;
		expect(request.headers['ms-signature']).toBe(expected);
		expect(JSON.parse(request.body)).toEqual({
			Id: expect.stringMatching(/^[0-9a-f]{32}$/),
			Attempt: 1,
			Properties: { NotificationId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
			Notifications: [{ Action: 'AvailableBalanceChanged', Details: { ProductNumber: 'TEE-BLUE', Warehouse: 'MAIN' } }],
		});
	});

	it('retries until a 2xx with a growing Attempt, the same Id, and a fresh signature per attempt', async () => {
		statuses = [500, 503, 200];
		office.webhooks.register({ url: receiver.url, secret: 'k' });
		office.setAvailableBalance('MUG', 'SOUTH', 1);
		await office.webhooks.settled();
		const sent = envelopes();
		expect(sent.map((e) => e.Attempt)).toEqual([1, 2, 3]);
		expect(new Set(sent.map((e) => e.Id)).size).toBe(1);
		expect(new Set(sent.map((e) => e.Properties.NotificationId)).size).toBe(1);
		expect(new Set(receiver.requests.map((r) => r.headers['ms-signature'])).size).toBe(3);
		expect(office.data.webhookDeliveries().map((d) => [d.attempt, d.status])).toEqual([
			[1, 500],
			[2, 503],
			[3, 200],
		]);
	});

	it('gives up after maxAttempts and records why when the receiver is unreachable', async () => {
		statuses = [500, 500, 500, 500, 500];
		office.webhooks.register({ url: receiver.url, secret: 'k' });
		office.setAvailableBalance('MUG', 'MAIN', 1);
		office.webhooks.register({ url: 'http://127.0.0.1:1/unreachable', secret: 'k', events: ['OrderCreated'] });
		await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-9') });
		await office.webhooks.settled();
		const deliveries = office.data.webhookDeliveries();
		expect(deliveries.filter((d) => d.url === receiver.url && d.action === 'AvailableBalanceChanged').map((d) => d.attempt)).toEqual([1, 2, 3, 4]);
		const unreachable = deliveries.filter((d) => d.url.includes('unreachable'));
		expect(unreachable.map((d) => [d.attempt, d.status])).toEqual([
			[1, 0],
			[2, 0],
			[3, 0],
			[4, 0],
		]);
		expect(unreachable[0].error).toBeTruthy();
	});

	it('fires OrderCreated, OrderReserved, OrderPicked, OrderCancelled and product events with the Details fields', async () => {
		office.webhooks.register({ url: receiver.url, secret: 'k' });
		const created = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1') });
		const n = created.body.orderNumber as string;
		office.reserveOrder(n);
		office.pickOrder(n, { carrier: 'DHL', trackingNumber: '1Z' });
		const second = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-2') });
		office.cancelOrder(second.body.orderNumber);
		await call(office, 'PUT', '/Products/NEW', { body: { name: 'New' } });
		await call(office, 'PUT', '/Products/NEW', { body: { name: 'Newer' } });
		await office.webhooks.settled();
		// Notifications go out concurrently, so they may arrive in any order (as receivers must expect).
		const key = (a: unknown) => JSON.stringify(a);
		expect(actions().map(key).sort()).toEqual([
			['OrderCreated', { OrderNumber: n }],
			['OrderReserved', { OrderNumber: n }],
			['OrderPicked', { OrderNumber: n }],
			['OrderCreated', { OrderNumber: second.body.orderNumber }],
			['OrderCancelled', { OrderNumber: second.body.orderNumber }],
			['ProductCreated', { ProductNumber: 'NEW' }],
			['ProductChanged', { ProductNumber: 'NEW' }],
		].map(key).sort());
	});

	it('fires OrderCancelled when a row change leaves no active row', async () => {
		const created = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1', [{ productNumber: 'MUG', position: 10 }]) });
		office.webhooks.register({ url: receiver.url, secret: 'k', events: ['OrderCancelled'] });
		await call(office, 'PUT', `/customerorders/${created.body.orderNumber}`, { body: { orderRows: [{ product: { productNumber: 'MUG' }, rowOperation: 'Inactive', warehouse: 'MAIN', externalRow: { externalPosition: 10 } }] } });
		await office.webhooks.settled();
		expect(actions()).toEqual([['OrderCancelled', { OrderNumber: created.body.orderNumber }]]);
	});

	it('sends only the chosen events, honours the warehouse filter and the active flag, and can be removed', async () => {
		const south = office.webhooks.register({ url: `${receiver.url}/south`, secret: 'k', events: ['AvailableBalanceChanged'], warehouse: 'SOUTH' });
		office.webhooks.register({ url: `${receiver.url}/off`, secret: 'k', active: false });
		office.setAvailableBalance('MUG', 'MAIN', 1);
		office.setAvailableBalance('MUG', 'SOUTH', 2);
		await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1') });
		await office.webhooks.settled();
		expect(receiver.requests.map((r) => [r.path, JSON.parse(r.body).Notifications[0].Details.Warehouse])).toEqual([['/south', 'SOUTH']]);
		office.webhooks.remove(south.id);
		office.setAvailableBalance('MUG', 'SOUTH', 3);
		await office.webhooks.settled();
		expect(receiver.requests).toHaveLength(1);
		expect(office.webhooks.list().map((w) => w.url)).toEqual([`${receiver.url}/off`]);
		office.webhooks.clear();
		expect(office.webhooks.list()).toEqual([]);
	});

	it('replaces a registration with the same URL and refuses bad ones', () => {
		const first = office.webhooks.register({ url: receiver.url, secret: 'a' });
		const second = office.webhooks.register({ url: receiver.url, secret: 'b', events: ['OrderPicked'] });
		expect(second.id).toBe(first.id);
		expect(office.webhooks.list()).toEqual([expect.objectContaining({ secret: 'b', events: ['OrderPicked'] })]);
		expect(() => office.webhooks.register({ url: 'ftp://x', secret: 'a' })).toThrow(/http\(s\) URL/);
		expect(() => office.webhooks.register({ url: receiver.url, secret: '' })).toThrow(/needs a secret/);
		expect(() => office.webhooks.register({ url: receiver.url, secret: 'a', events: ['Nope' as never] })).toThrow(/Unknown webhook event/);
	});

	it('registers from the web page form', async () => {
		const form = new URLSearchParams({ name: 'n8n', url: `${receiver.url}/form`, secret: 'form-secret' });
		form.append('events', 'OrderPicked');
		form.append('events', 'OrderCancelled');
		const response = await fetch(`${office.origin}/webhooks`, { method: 'POST', body: form, redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(office.webhooks.list()).toEqual([expect.objectContaining({ name: 'n8n', url: `${receiver.url}/form`, events: ['OrderPicked', 'OrderCancelled'] })]);
		const page = await (await fetch(`${office.origin}/`)).text();
		expect(page).toContain(`${receiver.url}/form`);
		expect(page).not.toContain('form-secret');
	});
});
