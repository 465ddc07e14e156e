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

	it("sets a variation's stock through its parent's variations batch, found by the sku filter as the real store answers", async () => {
		store = await startWooSandbox();
		const parent = store.store.products().find((product) => product.type === 'variable')!;
		const variation = store.store.variations(parent.id)[1];
		const before = variation.stock_quantity;
		const from = store.log.length;
		const run = await runUpdate(store, STOCK_FROM_AVAILABILITY, [{ productNumber: variation.sku.toLowerCase(), availableBalance: 17.9 }]);
		expect(run.items('WooCommerce Update')[0].json).toEqual({ sku: variation.sku.toLowerCase(), outcome: 'updated', quantity: 17, previousQuantity: before, productId: variation.id, parentId: parent.id });
		expect(requestsTo(store, /\/batch$/, from)).toEqual([`/wc/v3/products/${parent.id}/variations/batch`]);
		expect(store.store.variations(parent.id)[1].stock_quantity).toBe(17);
		// One sku search finds it; no variable product's variations are read.
		expect(requestsTo(store, /\/variations$/, from, 'GET')).toEqual([]);
	});

	it('writes every SKU of a store — simple products and several variations of many parents — in batches of at most 100 per route, and reports unknown SKUs', async () => {
		store = await startWooSandbox({ products: 60, variableShare: 0.5, variationsPerProduct: 4, orders: 0 });
		const simple = store.store.products().filter((product) => product.type === 'simple');
		const variations = store.store.variations();
		expect(variations.length).toBeGreaterThan(100);
		const targets = [...simple.map((product) => ({ sku: product.sku, id: product.id, parent: 0 })), ...variations.map((variation) => ({ sku: variation.sku, id: variation.id, parent: variation.parent_id }))];
		const balances = [...targets.map((target, index) => ({ productNumber: target.sku, availableBalance: 500 + index })), { productNumber: 'NOT-IN-STORE-1', availableBalance: 1 }, { productNumber: 'NOT-IN-STORE-2', availableBalance: 2 }];
		const from = store.log.length;
		const run = await runUpdate(store, STOCK_FROM_AVAILABILITY, balances, 'continueErrorOutput');
		expect(run.status).toBe('success');
		const [main, errors] = run.outputs['WooCommerce Update'];
		expect(main.map((item) => item.json.outcome)).toEqual(Array(targets.length).fill('updated'));
		expect(errors.map((item) => (item.json.error as { sku: string }).sku)).toEqual(['NOT-IN-STORE-1', 'NOT-IN-STORE-2']);
		const batches = requestsTo(store, /\/batch$/, from);
		const parents = new Set(targets.filter((target) => target.parent > 0).map((target) => target.parent));
		expect(batches.filter((route) => route === '/wc/v3/products/batch')).toHaveLength(Math.ceil(targets.filter((target) => target.parent === 0).length / 100));
		expect(new Set(batches.filter((route) => route !== '/wc/v3/products/batch'))).toEqual(new Set([...parents].map((id) => `/wc/v3/products/${id}/variations/batch`)));
		for (const [index, target] of targets.entries()) {
			const now = target.parent ? store.store.variations(target.parent).find((v) => v.id === target.id) : store.store.products().find((p) => p.id === target.id);
			expect([target.sku, now?.stock_quantity]).toEqual([target.sku, 500 + index]);
		}
	});

	it('fails the run, writing nothing it cannot confirm, when the store cannot be reached', async () => {
		store = await startWooSandbox();
		const product = store.store.products().find((p) => p.type === 'simple')!;
		const { runWorkflow } = await import('../../harness/run-workflow');
		const { updateWorkflow, storeCredentials } = await import('./helpers');
		const credentials = storeCredentials(store);
		await store.close();
		const run = await runWorkflow(updateWorkflow(STOCK_FROM_AVAILABILITY, 'continueErrorOutput'), { credentials, triggerItems: [{ json: { productNumber: product.sku, availableBalance: 5 } }] });
		expect(run.status).toBe('error');
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

	it('fails the run, naming the SKU, when a write needs the user (here: stock management off), after writing every other SKU', async () => {
		store = await startWooSandbox();
		const [unmanaged, other] = store.store.products().filter((p) => p.type === 'simple');
		store.store.editProduct(unmanaged.id, { manage_stock: false });
		const run = await runUpdate(store, { ...STOCK_FROM_AVAILABILITY, options: { enableStockManagement: false } }, [
			{ productNumber: unmanaged.sku, availableBalance: 4 },
			{ productNumber: other.sku, availableBalance: 33 },
			{ productNumber: 'NOT-IN-STORE', availableBalance: 1 },
		]);
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(`1 of 3 stock values were not written — SKU "${unmanaged.sku}": SKU "${unmanaged.sku}" does not manage its own stock in WooCommerce; turn on Manage Stock for it, or the option Enable Stock Management`);
		expect(store.store.products().find((p) => p.id === other.id)!.stock_quantity).toBe(33);
	});

	it('gives one summary item when asked: how many were fixed, already right, not in the store', async () => {
		store = await startWooSandbox();
		const [first, second] = store.store.products().filter((p) => p.type === 'simple' && p.manage_stock);
		const variation = store.store.variations().find((v) => v.manage_stock)!;
		const run = await runUpdate(store, { ...STOCK_FROM_AVAILABILITY, options: { output: 'summary' } }, [
			{ productNumber: first.sku, availableBalance: Number(first.stock_quantity) },
			{ productNumber: second.sku, availableBalance: Number(second.stock_quantity) + 5 },
			{ productNumber: variation.sku, availableBalance: Number(variation.stock_quantity) + 1 },
			{ productNumber: 'ONLY-IN-EXTEND', availableBalance: 9 },
		]);
		expect(run.status).toBe('success');
		expect(run.items('WooCommerce Update').map((item) => item.json)).toEqual([
			{ skus: 4, updated: 2, alreadyRight: 1, repeated: 0, notInStore: 1, failed: 0, notInStoreSkus: ['ONLY-IN-EXTEND'], failures: [] },
		]);
	});

	it('with Summary and On Error → Continue, still sends each failed SKU to the error output (or an error line), not only into the summary', async () => {
		store = await startWooSandbox();
		const [unmanaged, other] = store.store.products().filter((p) => p.type === 'simple');
		store.store.editProduct(unmanaged.id, { manage_stock: false });
		const input = [
			{ productNumber: unmanaged.sku, availableBalance: 4 },
			{ productNumber: other.sku, availableBalance: 33 },
			{ productNumber: 'ONLY-IN-EXTEND', availableBalance: 1 },
		];
		const parameters = { ...STOCK_FROM_AVAILABILITY, options: { output: 'summary', enableStockManagement: false } };
		const toErrorOutput = await runUpdate(store, parameters, input, 'continueErrorOutput');
		expect(toErrorOutput.status).toBe('success');
		const [main, errors] = toErrorOutput.outputs['WooCommerce Update'];
		expect(main.map((item) => [item.json.updated, item.json.failed, item.json.notInStore])).toEqual([[1, 1, 1]]);
		expect(errors.map((item) => [(item.json.error as { sku: string }).sku, (item.json.error as { inputItem: number }).inputItem])).toEqual([
			[unmanaged.sku, 0],
			['ONLY-IN-EXTEND', 2],
		]);
		const regular = await runUpdate(store, parameters, input, 'continueRegularOutput');
		expect(regular.items('WooCommerce Update').map((item) => [item.json.sku, typeof item.json.error])).toEqual([
			[undefined, 'undefined'],
			[unmanaged.sku, 'string'],
			['ONLY-IN-EXTEND', 'string'],
		]);
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

	it('warns, naming the field, when Extend\'s order detail has no status, and still sets the status it was given', async () => {
		const order = store.store.orders().find((o) => o.status === 'processing')!;
		const run = await runUpdate(store, { ...PICKED, note: '', statusCheck: { detailStatus: '={{ $json.orderStatus }}' } }, [{ orderNumberExternal: `WEB-${order.number}`, orderStatus: '' }]);
		expect(run.items('WooCommerce Update')[0].json).toMatchObject({
			outcome: 'updated',
			status: 'completed',
			warning: 'Extend Commerce\'s order detail has no "status"; the order was set to completed as the event says',
		});
		const agreeing = await runUpdate(store, { ...PICKED, note: '', statusCheck: { detailStatus: 'picked' } }, [{ orderNumberExternal: `WEB-${order.number}` }]);
		expect(agreeing.items('WooCommerce Update')[0].json.warning).toBeUndefined();
	});

	it('fails the run when an order has no number (Extend\'s detail lacks the field), after setting the others', async () => {
		const order = store.store.orders().find((o) => o.status === 'processing')!;
		const run = await runUpdate(store, { ...PICKED, note: '' }, [{ orderNumberExternal: '' }, { orderNumberExternal: `WEB-${order.number}` }]);
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('1 of 2 orders have no order number, so their status was not set');
		expect(store.store.orders().find((o) => o.id === order.id)!.status).toBe('completed');
	});

	it('fails the run when the store refuses a status write (after writing the others), so a webhook is delivered again', async () => {
		const [refusedOrder, other] = store.store.orders().filter((o) => o.status === 'processing');
		store.faults.add({ kind: 'status', status: 400, times: 1, match: { route: new RegExp(`/orders/${refusedOrder.id}$`), method: 'PUT' } });
		const run = await runUpdate(store, { ...PICKED, note: '' }, [{ orderNumberExternal: `WEB-${refusedOrder.number}` }, { orderNumberExternal: `WEB-${other.number}` }]);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(new RegExp(`^1 of 2 order statuses were refused by the store — Order "${refusedOrder.number}": `));
		expect(store.store.orders().find((o) => o.id === other.id)!.status).toBe('completed');
		expect(store.store.orders().find((o) => o.id === refusedOrder.id)!.status).toBe('processing');
	});
});
