import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startBackOffice, type BackOffice } from '../../sandbox/extend-commerce';
import { call, orderBody } from './helpers';

describe('persistence across restarts', () => {
	let dataDir: string;
	beforeEach(() => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-persist-'));
	});
	afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

	async function populate(): Promise<BackOffice> {
		const office = await startBackOffice({ dataDir, master: { products: ['TEE-BLUE'] } });
		office.master.addCustomers([{ customerNumber: 'C-1', name: 'Ada' }]);
		office.master.addWarehouses(['SOUTH']);
		await call(office, 'PUT', '/Products/MUG', { body: { name: 'Mug', unit: 'ST', price: 9.5 } });
		const created = await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1', [{ productNumber: 'MUG' }]) });
		office.pickOrder(created.body.orderNumber, { carrier: 'DHL' });
		office.setAvailableBalance('MUG', 'SOUTH', 4);
		office.webhooks.register({ url: 'http://127.0.0.1:9/hook', secret: 'k', events: ['OrderPicked'], active: false });
		return office;
	}

	const snapshot = (office: BackOffice) => ({
		orders: office.data.orders(),
		products: office.data.products(),
		availability: office.data.availability(),
		customers: office.master.customers(),
		warehouses: office.master.warehouses(),
		webhooks: office.webhooks.list(),
	});

	it('keeps orders, products, balances, master data and webhooks after close and restart, and never reuses an order number', async () => {
		const first = await populate();
		const before = snapshot(first);
		await first.close();
		const second = await startBackOffice({ dataDir });
		try {
			expect(snapshot(second)).toEqual(before);
			expect((await call(second, 'POST', '/CustomerOrders', { body: orderBody('W-1', [{ productNumber: 'MUG' }]) })).status).toBe(409);
			const next = await call(second, 'POST', '/CustomerOrders', { body: orderBody('W-2', [{ productNumber: 'MUG' }]) });
			expect(Number(next.body.orderNumber)).toBe(Number(before.orders[0].orderNumber) + 1);
		} finally {
			await second.close();
		}
	});

	it('recovers from the journal when the process died without close, ignoring a torn last line', async () => {
		const first = await populate();
		const before = snapshot(first);
		const crashed = fs.mkdtempSync(path.join(os.tmpdir(), 'ec-crash-'));
		try {
			for (const file of fs.readdirSync(dataDir)) fs.copyFileSync(path.join(dataDir, file), path.join(crashed, file));
			expect(fs.statSync(path.join(crashed, 'journal.jsonl')).size).toBeGreaterThan(0);
			fs.appendFileSync(path.join(crashed, 'journal.jsonl'), '{"t":"order","order":{"orderNum');
			const second = await startBackOffice({ dataDir: crashed });
			expect(snapshot(second)).toEqual(before);
			await second.close();
		} finally {
			await first.close();
			fs.rmSync(crashed, { recursive: true, force: true });
		}
	});

	it('compacts into the snapshot on close, leaving an empty journal', async () => {
		const office = await populate();
		await office.close();
		expect(fs.statSync(path.join(dataDir, 'journal.jsonl')).size).toBe(0);
		expect(fs.readdirSync(dataDir).sort()).toEqual(['journal.jsonl', 'snapshot.jsonl']);
	});

	it('keeps nothing on disk without a dataDir', async () => {
		const office = await startBackOffice({ master: { products: ['TEE-BLUE'] } });
		await call(office, 'POST', '/CustomerOrders', { body: orderBody('W-1') });
		await office.close();
		const again = await startBackOffice();
		expect(again.data.orders()).toEqual([]);
		await again.close();
	});
});
