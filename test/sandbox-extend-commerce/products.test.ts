import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { call, orderBody } from './helpers';

const tee = {
	productNumber: 'TEE-BLUE-L',
	parentProductNumber: 'TEE',
	name: 'T-shirt - Blue, L',
	unit: 'ST',
	price: 19.99,
	vatPercent: 25,
	currency: 'SEK',
	gtin: '7350000000017',
	weight: 0.2,
	length: 30,
	width: 20,
	active: true,
};

describe('the assumed product resource Products/{productNumber}', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startBackOffice();
	});
	afterEach(() => office.close());

	it('creates (201), reads back, and replaces (200) a product, keeping added fields', async () => {
		expect((await call(office, 'GET', '/Products/TEE-BLUE-L')).status).toBe(404);
		const created = await call(office, 'PUT', '/Products/TEE-BLUE-L', { body: { ...tee, season: 'summer' } });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ ...tee, season: 'summer' });
		const read = await call(office, 'GET', '/Products/TEE-BLUE-L');
		expect(read.body).toEqual(created.body);
		const replaced = await call(office, 'PUT', '/Products/TEE-BLUE-L', { body: { ...tee, price: 24.5, active: false } });
		expect(replaced.status).toBe(200);
		expect(replaced.body.price).toBe(24.5);
		expect(replaced.body.created).toBe(created.body.created);
		expect(office.data.products().map((p) => p.productNumber)).toEqual(['TEE-BLUE-L']);
	});

	it('adds the product to master data, so a later order may use it', async () => {
		const before = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1', [{ productNumber: 'TEE-BLUE-L' }]) });
		expect(before.status).toBe(422);
		await call(office, 'PUT', '/Products/TEE-BLUE-L', { body: tee });
		expect((await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1', [{ productNumber: 'TEE-BLUE-L' }]) })).status).toBe(201);
	});

	it('handles product numbers that need percent-encoding', async () => {
		const answer = await call(office, 'PUT', `/Products/${encodeURIComponent('A/B ÅÄÖ')}`, { body: { name: 'x' } });
		expect(answer.status).toBe(201);
		expect(answer.body.productNumber).toBe('A/B ÅÄÖ');
	});

	it.each([
		['an unknown unit', { unit: 'KG' }, 422, "unit 'KG' does not exist"],
		['a price as a string', { price: '19.99' }, 400, 'price must be a JSON number'],
		['a product number other than the path', { productNumber: 'OTHER' }, 400, "differs from the product number in the path"],
		['active as a string', { active: 'yes' }, 400, 'active must be true or false'],
		['a null (Extend\'s models take none)', { height: null }, 400, 'height is null; leave the field out'],
		['a null parent', { parentProductNumber: null }, 400, 'parentProductNumber is null; leave the field out'],
	])('refuses %s', async (_what, change, status, message) => {
		const answer = await call(office, 'PUT', '/Products/TEE-BLUE-L', { body: { ...tee, ...change } });
		expect(answer.status).toBe(status);
		expect(answer.body.message).toContain(message);
		expect(office.data.products()).toEqual([]);
	});
});
