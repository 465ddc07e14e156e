import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { call, orderBody } from './helpers';

const cancelRow = (productNumber: string, position: number, warehouse?: string) => ({
	product: { productNumber },
	rowOperation: 'Inactive',
	...(warehouse ? { warehouse } : {}),
	externalRow: { externalPosition: position },
});

describe('PUT customerorders/{orderNumber} and the warehouse steps', () => {
	let office: BackOffice;
	let orderNumber: string;
	beforeEach(async () => {
		office = await startBackOffice({ master: { products: ['TEE-BLUE', 'MUG', 'CAP'], warehouses: ['MAIN', 'SOUTH'] } });
		const created = await call(office, 'POST', '/CustomerOrders', {
			body: orderBody('W-100', [
				{ productNumber: 'TEE-BLUE', position: 10 },
				{ productNumber: 'MUG', position: 20 },
			]),
		});
		orderNumber = created.body.orderNumber;
	});
	afterEach(() => office.close());

	const rows = () => office.data.order(orderNumber)!.orderRows.map((r) => [r.product.productNumber, r.externalRow?.externalPosition, r.warehouse, r.rowStatus]);

	it('cancels the row named by external position when the warehouse is given', async () => {
		const answer = await call(office, 'PUT', `/customerorders/${orderNumber}`, { body: { orderRows: [cancelRow('TEE-BLUE', 10, 'MAIN')] } });
		expect(answer.status).toBe(200);
		expect(rows()).toEqual([
			['TEE-BLUE', 10, 'MAIN', 'Inactive'],
			['MUG', 20, 'MAIN', 'Active'],
		]);
		expect(answer.body.status).toBe('Registered');
	});

	it('models the documented pitfall: a cancel row WITHOUT warehouse is added as a cancelled row and cancels nothing', async () => {
		const answer = await call(office, 'PUT', `/customerorders/${orderNumber}`, { body: { orderRows: [cancelRow('TEE-BLUE', 10)] } });
		expect(answer.status).toBe(200);
		expect(rows()).toEqual([
			['TEE-BLUE', 10, 'MAIN', 'Active'],
			['MUG', 20, 'MAIN', 'Active'],
			['TEE-BLUE', 10, undefined, 'Inactive'],
		]);
	});

	it('cancels the whole order when every row is cancelled, and then refuses further changes with 409', async () => {
		const answer = await call(office, 'PUT', `/customerorders/${orderNumber}`, {
			body: { orderRows: [cancelRow('TEE-BLUE', 10, 'MAIN'), cancelRow('MUG', 20, 'MAIN')] },
		});
		expect(answer.body.status).toBe('Cancelled');
		const again = await call(office, 'PUT', `/customerorders/${orderNumber}`, { body: { orderRows: [cancelRow('MUG', 20, 'MAIN')] } });
		expect(again.status).toBe(409);
		expect(again.body.message).toContain('is cancelled');
	});

	it('answers 422 when no active row matches the cancel row, and changes nothing', async () => {
		const answer = await call(office, 'PUT', `/customerorders/${orderNumber}`, { body: { orderRows: [cancelRow('TEE-BLUE', 10, 'SOUTH')] } });
		expect(answer.status).toBe(422);
		expect(answer.body.message).toContain("no active row with externalPosition 10 in warehouse 'SOUTH'");
		expect(rows().every((r) => r[3] === 'Active')).toBe(true);
	});

	it('updates the row with the same external position and adds a row with a new one', async () => {
		const body = orderBody('ignored', [
			{ productNumber: 'MUG', position: 20, quantity: 5 },
			{ productNumber: 'CAP', position: 30 },
		]);
		const answer = await call(office, 'PUT', `/customerorders/${orderNumber}`, { body: { orderRows: body.orderRows } });
		expect(answer.status).toBe(200);
		const stored = office.data.order(orderNumber)!;
		expect(stored.orderRows.map((r) => [r.product.productNumber, r.salesData?.quantity, r.rowPosition])).toEqual([
			['TEE-BLUE', 1, 1],
			['MUG', 5, 2],
			['CAP', 1, 3],
		]);
		expect(stored.orderHeader.orderNumberExternal).toBe('W-100');
	});

	it.each([
		['Reserved', (o: BackOffice, n: string) => o.reserveOrder(n)],
		['Picked', (o: BackOffice, n: string) => o.pickOrder(n, { carrier: 'PostNord' })],
	])('refuses changes once the order is %s (409), as Extend says', async (status, step) => {
		step(office, orderNumber);
		const answer = await call(office, 'PUT', `/customerorders/${orderNumber}`, { body: { orderRows: [cancelRow('TEE-BLUE', 10, 'MAIN')] } });
		expect(answer.status).toBe(409);
		expect(answer.body).toEqual({ message: expect.stringContaining(`is ${status}`), orderNumber, status });
	});

	it('refuses a row to add without a quantity (400)', async () => {
		const answer = await call(office, 'PUT', `/customerorders/${orderNumber}`, { body: { orderRows: [{ product: { productNumber: 'CAP' }, externalRow: { externalPosition: 99 } }] } });
		expect(answer.status).toBe(400);
		expect(answer.body.field).toBe('orderRows[0].salesData.quantity');
		expect(rows()).toHaveLength(2);
	});

	it('refuses unknown master data in a change (422) and unknown orders (404)', async () => {
		const unknown = await call(office, 'PUT', `/customerorders/${orderNumber}`, { body: { orderRows: [cancelRow('GHOST', 10, 'MAIN')] } });
		expect(unknown.status).toBe(422);
		expect(unknown.body.field).toBe('orderRows[0].product.productNumber');
		expect((await call(office, 'PUT', '/customerorders/1', { body: { orderRows: [cancelRow('MUG', 20, 'MAIN')] } })).status).toBe(404);
	});

	it('reserve, pick (with a delivery) and cancel move the status, change the change date and show in the detail', async () => {
		const before = office.data.order(orderNumber)!.changed;
		await new Promise((resolve) => setTimeout(resolve, 5));
		office.reserveOrder(orderNumber);
		const picked = office.pickOrder(orderNumber, { carrier: 'PostNord', trackingNumber: 'PN123', trackingUrl: 'https://track.example/PN123', deliveryDate: '2025-03-05T10:00:00Z' });
		expect(picked.changed > before).toBe(true);
		const detail = await call(office, 'GET', `/customerorders/${orderNumber}`);
		expect(detail.body.status).toBe('Picked');
		expect(detail.body.deliveries).toEqual([{ deliveryDate: '2025-03-05T10:00:00Z', carrier: 'PostNord', trackingNumber: 'PN123', trackingUrl: 'https://track.example/PN123' }]);
		expect(() => office.cancelOrder(orderNumber)).toThrow(/picked/);
		expect(() => office.reserveOrder(orderNumber)).toThrow(/only a Registered order/);
	});

	it('cancelOrder cancels every row', async () => {
		const cancelled = office.cancelOrder(orderNumber);
		expect(cancelled.status).toBe('Cancelled');
		expect(cancelled.orderRows.every((r) => r.rowStatus === 'Inactive')).toBe(true);
	});
});
