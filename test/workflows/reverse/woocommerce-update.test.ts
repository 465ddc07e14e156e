/** WooCommerce Update (Extend Commerce) run through WorkflowExecute against the sandbox store. */
import { orderNotes } from '../../../sandbox/woocommerce/writes';
import { startWooSandbox, type WooSandbox } from '../../../sandbox/woocommerce';
import { requestsTo, runUpdate, STOCK_FROM_AVAILABILITY } from './helpers';

describe('WooCommerce Update: Product Stock → Set', () => {
	let store: WooSandbox;
	afterEach(async () => store?.close());

	it('turns 250 balance changes into 3 batch requests, and a second identical run into none', async () => {
		store = await startWooSandbox({ products: 260, variableShare: 0, orders: 0 });
		const products = store.store.products().slice(0, 250);
		const balances = products.map((product, index) => ({ productNumber: product.sku, warehouse: 'MAIN', availableBalance: 1000 + index }));
		const from = store.log.length;
		const run = await runUpdate(store, STOCK_FROM_AVAILABILITY, balances);
		expect(run.status).toBe('success');
		expect(requestsTo(store, /\/products\/batch$/, from)).toHaveLength(3);
		expect(requestsTo(store, /\/products\/batch$/, from).length).toBeLessThanOrEqual(3);
		const outcomes = run.items('WooCommerce Update').map((item) => item.json.outcome);
		expect(outcomes).toEqual(Array(250).fill('updated'));
		for (const [index, product] of products.entries()) {
			expect(store.store.products().find((p) => p.id === product.id)).toMatchObject({ stock_quantity: 1000 + index, manage_stock: true });
		}

		const again = store.log.length;
		const second = await runUpdate(store, STOCK_FROM_AVAILABILITY, balances);
		expect(requestsTo(store, /\/batch$/, again)).toEqual([]);
		expect(second.items('WooCommerce Update').map((item) => item.json.outcome)).toEqual(Array(250).fill('unchanged'));
	});

	it("sets a variation's stock through its parent's variations batch", async () => {
		store = await startWooSandbox();
		const parent = store.store.products().find((product) => product.type === 'variable')!;
		const variation = store.store.variations(parent.id)[1];
		const before = variation.stock_quantity;
		const from = store.log.length;
		const run = await runUpdate(store, STOCK_FROM_AVAILABILITY, [{ productNumber: variation.sku, availableBalance: 17.9 }]);
		expect(run.items('WooCommerce Update')[0].json).toEqual({ sku: variation.sku, outcome: 'updated', quantity: 17, previousQuantity: before, productId: variation.id, parentId: parent.id });
		expect(requestsTo(store, /\/batch$/, from)).toEqual([`/wc/v3/products/${parent.id}/variations/batch`]);
		expect(store.store.variations(parent.id)[1].stock_quantity).toBe(17);
		// Its parent's SKU begins the variation's, so that parent's variations are the only ones read.
		expect(requestsTo(store, /\/variations$/, from, 'GET')).toEqual([`/wc/v3/products/${parent.id}/variations`]);
	});

	it('finds a variation whose SKU does not begin with its parent\'s by reading the other parents too, in any letter case', async () => {
		store = await startWooSandbox();
		const parents = store.store.products().filter((product) => product.type === 'variable');
		const last = parents[parents.length - 1];
		const variation = store.store.variations(last.id)[0];
		store.store.editVariation(last.id, variation.id, { sku: 'ODD-ONE-OUT' });
		// …asked for in other letter case: WooCommerce's SKUs are unique without regard to case.
		const run = await runUpdate(store, STOCK_FROM_AVAILABILITY, [{ productNumber: 'odd-one-out', availableBalance: 4 }]);
		expect(run.items('WooCommerce Update')[0].json).toMatchObject({ sku: 'odd-one-out', outcome: 'updated', productId: variation.id, parentId: last.id });
		expect(store.store.variations(last.id)[0].stock_quantity).toBe(4);
	});

	it('sends an unknown SKU to the error output, paired with its input item, and writes the rest', async () => {
		store = await startWooSandbox();
		const known = store.store.products().find((product) => product.type === 'simple')!;
		const run = await runUpdate(store, STOCK_FROM_AVAILABILITY, [{ productNumber: 'NOT-IN-STORE', availableBalance: 3 }, { productNumber: known.sku, availableBalance: 41 }], 'continueErrorOutput');
		expect(run.status).toBe('success');
		const [main, errors] = run.outputs['WooCommerce Update'];
		expect(main.map((item) => [item.json.sku, item.json.outcome, item.pairedItem])).toEqual([[known.sku, 'updated', { item: 1 }]]);
		expect(errors).toHaveLength(1);
		expect(errors[0].json).toEqual({
			message: 'SKU "NOT-IN-STORE": No product or variation in the store has SKU "NOT-IN-STORE"',
			error: { sku: 'NOT-IN-STORE', outcome: 'failed', quantity: 3, error: { field: 'sku', message: 'No product or variation in the store has SKU "NOT-IN-STORE"' }, inputItem: 0 },
		});
		expect(store.store.products().find((p) => p.id === known.id)!.stock_quantity).toBe(41);
	});

	it('a node added from the panel reads availableBalance by default: an item without one fails, and no stock is ever set to 0', async () => {
		store = await startWooSandbox();
		const [mapped, unmapped] = store.store.products().filter((product) => product.type === 'simple');
		const unmappedBefore = unmapped.stock_quantity;
		const run = await runUpdate(store, { resource: 'productStock', operation: 'set' }, [{ productNumber: mapped.sku, availableBalance: 6 }, { productNumber: unmapped.sku, balance: 9 }], 'continueErrorOutput');
		expect(run.status).toBe('success');
		const [main, errors] = run.outputs['WooCommerce Update'];
		expect(main.map((item) => [item.json.sku, item.json.outcome, item.json.quantity])).toEqual([[mapped.sku, 'updated', 6]]);
		expect(errors.map((item) => (item.json.error as { error: { field: string } }).error.field)).toEqual(['quantity']);
		expect(store.store.products().find((p) => p.id === mapped.id)!.stock_quantity).toBe(6);
		expect(store.store.products().find((p) => p.id === unmapped.id)!.stock_quantity).toBe(unmappedBefore);
	});

	it('keeps a failed SKU as a result in the main output when the workflow stops on errors', async () => {
		store = await startWooSandbox();
		const run = await runUpdate(store, STOCK_FROM_AVAILABILITY, [{ productNumber: 'NOT-IN-STORE', availableBalance: 3 }]);
		expect(run.status).toBe('success');
		expect(run.items('WooCommerce Update')[0].json).toMatchObject({ sku: 'NOT-IN-STORE', outcome: 'failed', error: { field: 'sku' } });
	});

	it('fails the run with a readable error and no key in it when the store refuses the keys', async () => {
		store = await startWooSandbox();
		const { runWorkflow } = await import('../../harness/run-workflow');
		const { updateWorkflow } = await import('./helpers');
		const { connectionCredential } = await import('../../support/sync-env');
		const credential = connectionCredential(store, 'basic-https', { secret: 'cs_wrong_secret_0123456789abcdef' });
		const run = await runWorkflow(updateWorkflow(STOCK_FROM_AVAILABILITY), { credentials: { extendCommerceConnectionApi: credential }, triggerItems: [{ json: { productNumber: 'X', availableBalance: 1 } }] });
		expect(run.status).toBe('error');
		const text = JSON.stringify(run.error);
		expect(text).not.toContain('cs_wrong_secret_0123456789abcdef');
		expect(text).not.toContain(String(credential.accessToken));
		expect(run.error?.message).toBe('The consumer secret is wrong');
	});
});

describe('WooCommerce Update: Order → Update Status', () => {
	let store: WooSandbox;
	beforeEach(async () => {
		store = await startWooSandbox();
	});
	afterEach(async () => store.close());

	const PICKED = { resource: 'order', operation: 'updateStatus', orderNumber: '={{ $json.orderNumberExternal }}', orderNumberPrefix: 'WEB-', status: 'completed', note: '={{ $json.shipmentNote }}', customerNote: true };

	it('completes a picked order with a shipment note, and a repeat changes nothing', async () => {
		const order = store.store.orders().find((o) => o.status === 'processing')!;
		const input = { orderNumberExternal: `WEB-${order.number}`, shipmentNote: 'Shipped 2026-11-28 with PostNord, tracking 00370733741234567890' };
		const run = await runUpdate(store, PICKED, [input]);
		expect(run.items('WooCommerce Update')[0].json).toEqual({ orderNumber: order.number, outcome: 'updated', orderId: order.id, previousStatus: 'processing', status: 'completed', noteAdded: true });
		expect(store.store.orders().find((o) => o.id === order.id)!.status).toBe('completed');
		expect(orderNotes(store.store, order.id).map((note) => [note.note, note.customer_note])).toEqual([[input.shipmentNote, true]]);

		const from = store.log.length;
		const again = await runUpdate(store, PICKED, [input]);
		expect(again.items('WooCommerce Update')[0].json).toMatchObject({ outcome: 'unchanged', noteAdded: false });
		expect(requestsTo(store, /\/orders\//, from, 'PUT')).toEqual([]);
		expect(orderNotes(store.store, order.id)).toHaveLength(1);
	});

	it('cancels an order, and fails orders of another prefix or unknown numbers to the error output', async () => {
		const order = store.store.orders().find((o) => o.status === 'processing' || o.status === 'on-hold' || o.status === 'pending')!;
		const run = await runUpdate(store, { ...PICKED, status: 'cancelled', note: '' }, [{ orderNumberExternal: `WEB-${order.number}` }, { orderNumberExternal: `OTHER-${order.number}` }, { orderNumberExternal: 'WEB-99999999' }], 'continueErrorOutput');
		const [main, errors] = run.outputs['WooCommerce Update'];
		expect(main.map((item) => [item.json.outcome, item.json.status, item.json.noteAdded])).toEqual([['updated', 'cancelled', false]]);
		expect(store.store.orders().find((o) => o.id === order.id)!.status).toBe('cancelled');
		expect(errors.map((item) => [(item.json.error as { inputItem: number }).inputItem, item.json.message])).toEqual([
			[1, `Order "OTHER-${order.number}": Order number "OTHER-${order.number}" does not start with the prefix "WEB-": it belongs to another store, or the prefix differs from the one the push uses`],
			[2, 'Order "99999999": No order in the store has number "99999999"'],
		]);
	});
});
