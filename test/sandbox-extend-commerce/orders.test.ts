import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { DOCUMENTED_SAMPLES, SAMPLE_MASTER } from './documented-samples';
import { call, orderBody } from './helpers';

describe('POST CustomerOrders', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startBackOffice({ master: SAMPLE_MASTER });
		office.master.addProducts(['TEE-BLUE', 'MUG']);
		office.master.addWarehouses(['MAIN']);
		office.master.addDeliveryMethods(['Postnord']);
	});
	afterEach(() => office.close());

	it.each(Object.entries(DOCUMENTED_SAMPLES))('accepts the documented sample "%s" as sent', async (_title, body) => {
		const answer = await call(office, 'POST', '/CustomerOrders', { body });
		expect(answer.status).toBe(201);
		expect(answer.body.orderNumber).toMatch(/^\d+$/);
		expect(answer.body.orderHeader).toEqual(body.orderHeader);
		expect(answer.body.orderRows).toHaveLength((body.orderRows as unknown[]).length);
		const stored = office.data.order(answer.body.orderNumber);
		expect(stored?.orderNumberExternal).toBe((body.orderHeader as { orderNumberExternal: string }).orderNumberExternal);
	});

	it('gives each order its own increasing Extend order number and keeps the numbers exactly as JSON numbers', async () => {
		const first = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1', [{ productNumber: 'TEE-BLUE', quantity: 3 }]) });
		const second = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-2') });
		expect(Number(second.body.orderNumber)).toBe(Number(first.body.orderNumber) + 1);
		expect(first.text).toContain('"quantity":3,"unit":"ST","unitPrice":19.99,"vatPercent":25');
		expect(office.data.orderByExternal('W-1')?.status).toBe('Registered');
	});

	it('refuses a duplicate orderNumberExternal with 409 naming the existing order, and keeps one order', async () => {
		const first = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-7') });
		const again = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-7') });
		expect(again.status).toBe(409);
		expect(again.body).toEqual({ message: expect.stringContaining("'W-7' already exists"), field: 'orderHeader.orderNumberExternal', value: 'W-7', orderNumber: first.body.orderNumber });
		expect(office.data.orders()).toHaveLength(1);
	});

	it('creates exactly one order when the same order arrives ten times at once', async () => {
		const answers = await Promise.all(Array.from({ length: 10 }, () => call(office, 'POST', '/CustomerOrders', { body: orderBody('W-10x') })));
		expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
		expect(office.data.orders()).toHaveLength(1);
	});

	it('accepts and keeps fields it does not know (Extend: models only grow)', async () => {
		const body = orderBody('W-3');
		const extended = { ...body, newTopLevel: { a: 1 }, orderHeader: { ...body.orderHeader, futureField: 'x' }, orderRows: [{ ...body.orderRows[0], rowNote: 'gift' }] };
		const answer = await call(office, 'POST', '/CustomerOrders', { body: extended });
		expect(answer.status).toBe(201);
		expect(answer.body.orderHeader.futureField).toBe('x');
		expect(answer.body.orderRows[0].rowNote).toBe('gift');
	});

	it('gives a row without warehouse the default warehouse', async () => {
		const body = orderBody('W-4');
		delete (body.orderRows[0] as { warehouse?: string }).warehouse;
		const answer = await call(office, 'POST', '/CustomerOrders', { body });
		expect(answer.body.orderRows[0].warehouse).toBe('MainWarehouse');
	});

	const refusals: Array<[string, (b: ReturnType<typeof orderBody>) => void, number, string, string]> = [
		['unknown customer', (b) => (b.orderHeader.customerNumber = 'NOBODY'), 422, 'orderHeader.customerNumber', "customer 'NOBODY' does not exist"],
		['unknown product', (b) => (b.orderRows[0].product.productNumber = 'NO-SUCH-SKU'), 422, 'orderRows[0].product.productNumber', "product 'NO-SUCH-SKU' does not exist"],
		['unknown unit', (b) => (b.orderRows[0].salesData.unit = 'KG'), 422, 'orderRows[0].salesData.unit', "unit 'KG' does not exist"],
		['unknown warehouse', (b) => (b.orderRows[0].warehouse = 'NOWHERE'), 422, 'orderRows[0].warehouse', "warehouse 'NOWHERE' does not exist"],
		['unknown delivery method', (b) => (b.orderHeader.deliveryMethod = 'Teleport'), 422, 'orderHeader.deliveryMethod', "delivery method 'Teleport' does not exist"],
		['unknown order type', (b) => (b.orderHeader.orderType = 'Gift'), 422, 'orderHeader.orderType', "order type 'Gift' does not exist"],
		['a decimal string price', (b) => ((b.orderRows[0].salesData as Record<string, unknown>).unitPrice = '19.99'), 400, 'orderRows[0].salesData.unitPrice', 'must be a JSON number'],
		['a string quantity', (b) => ((b.orderRows[0].salesData as Record<string, unknown>).quantity = '2'), 400, 'orderRows[0].salesData.quantity', 'must be a JSON number'],
		['a zero quantity', (b) => (b.orderRows[0].salesData.quantity = 0), 400, 'orderRows[0].salesData.quantity', 'must be more than 0'],
		['a missing orderNumberExternal', (b) => delete (b.orderHeader as Record<string, unknown>).orderNumberExternal, 400, 'orderHeader.orderNumberExternal', 'is required'],
		['a date without offset', (b) => ((b.orderHeader as Record<string, unknown>).askedDeliveryDate = '25/12/2019'), 400, 'orderHeader.askedDeliveryDate', 'ISO 8601'],
		['no rows', (b) => (b.orderRows = []), 400, 'orderRows', 'non-empty array'],
		['an unknown row operation', (b) => ((b.orderRows[0] as Record<string, unknown>).rowOperation = 'Delete'), 400, 'orderRows[0].rowOperation', "must be 'Inactive'"],
		['a null for an optional field (Extend\'s models take none)', (b) => ((b.orderHeader as Record<string, unknown>).deliveryMethod = null), 400, 'orderHeader.deliveryMethod', 'is null; leave the field out'],
		['a null VAT', (b) => ((b.orderRows[0].salesData as Record<string, unknown>).vatPercent = null), 400, 'orderRows[0].salesData.vatPercent', 'is null; leave the field out'],
	];

	it.each(refusals)('refuses %s (status, field and message named), and stores nothing', async (_what, change, status, field, message) => {
		const body = orderBody('W-bad');
		change(body);
		const answer = await call(office, 'POST', '/CustomerOrders', { body });
		expect(answer.status).toBe(status);
		expect(answer.body.field).toBe(field);
		expect(answer.body.message).toContain(message);
		expect(office.data.orders()).toEqual([]);
	});

	it('refuses an order for an inactive product', async () => {
		office.master.addProducts([{ productNumber: 'OLD', active: false }]);
		const answer = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-5', [{ productNumber: 'OLD' }]) });
		expect(answer.status).toBe(422);
		expect(answer.body.message).toContain("'OLD' is inactive");
	});

	it('refuses a body that is not a JSON object with 400', async () => {
		expect((await call(office, 'POST', '/CustomerOrders', { rawBody: '{"orderHeader":' })).status).toBe(400);
		expect((await call(office, 'POST', '/CustomerOrders', { rawBody: '[1]' })).body.message).toContain('must be a JSON object');
		expect((await call(office, 'POST', '/CustomerOrders', {})).body.message).toContain('body is empty');
	});
});

describe('paths', () => {
	let office: BackOffice;
	beforeAll(async () => {
		office = await startBackOffice({ basePath: '/acme/api/v9', master: { products: ['TEE-BLUE'] } });
	});
	afterAll(() => office.close());

	it('serves the methods under the tenant base path and matches method names case-insensitively', async () => {
		expect(office.url).toBe(`${office.origin}/acme/api/v9`);
		const created = await call(office, 'POST', '/customerorders', { body: orderBody('P-1') });
		expect(created.status).toBe(201);
		expect((await call(office, 'GET', `/CustomerOrders/${created.body.orderNumber}`)).status).toBe(200);
		expect((await call(office, 'GET', `/customerorders/${created.body.orderNumber}`)).status).toBe(200);
		expect((await call(office, 'GET', '/PRODUCTAVAILABILITY')).status).toBe(200);
		expect((await call(office, 'GET', '/products/TEE-BLUE')).status).toBe(200);
	});

	it('answers 404 without the base path, for an unknown method and an unknown order; 405 for a wrong verb', async () => {
		const bare = await fetch(`${office.origin}/CustomerOrders`);
		expect(bare.status).toBe(404);
		expect(await bare.text()).toContain('/acme/api/v9');
		expect((await call(office, 'GET', '/ping')).status).toBe(404);
		const missing = await call(office, 'GET', '/customerorders/999999');
		expect(missing.status).toBe(404);
		expect(missing.body.message).toContain("no customer order '999999'");
		const wrongVerb = await call(office, 'DELETE', '/CustomerOrders');
		expect(wrongVerb.status).toBe(405);
		expect(wrongVerb.headers.get('allow')).toBe('POST, GET');
	});
});
