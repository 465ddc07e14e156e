import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { reverseTemplate } from '../../support/reverse-env';
import { chainWorkflow, pushCredentials, startOffice, startWooSandbox, storeSkus, WAREHOUSE } from './helpers';

const ORDERS = 'Cancel Deleted Orders';
const PRODUCTS = 'Deactivate Deleted Products';

/**
 * The daily template for records trashed or deleted for good in WooCommerce (issue 23), run as
 * imported (only its credentials filled in) against the sandbox store and back office, then with
 * the settings its note asks a store that is Extend's only channel to make.
 */
describe('template: WooCommerce deletions → Extend Commerce (daily)', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		woo = await startWooSandbox({ products: 6, orders: 6, variableShare: 0.5, variationsPerProduct: 2 });
		office = await startOffice(storeSkus(woo));
	});
	afterEach(async () => await Promise.all([woo.close(), office.close()]));

	const outcomes = (result: RunResult, node: string, key: string) => result.items(node, 0).map((r) => [r.json[key], r.json.outcome]);
	const hints = (result: RunResult, node: string) => (result.run.data.resultData.runData[node]?.[0]?.hints ?? []).map((hint) => hint.message);

	it('cancels and deactivates what the store trashed; what it deleted for good only once the note\'s settings say the records are this store\'s', async () => {
		const products = await runWorkflow(chainWorkflow('product', { variations: 'array' }, {}), { credentials: pushCredentials(office, 'apiKey', woo) });
		expect(products.error).toBeUndefined();
		for (const sku of storeSkus(woo)) office.setAvailableBalance(sku, WAREHOUSE, 5);
		const [trashedProduct, deletedProduct] = woo.store.products().filter((p) => p.type === 'simple' && p.status === 'publish');
		const sent = await runWorkflow(chainWorkflow('order', {}, { statusesToSend: ['pending', 'processing', 'on-hold', 'completed', 'refunded', 'failed', 'checkout-draft'] }), {
			credentials: pushCredentials(office, 'apiKey', woo),
		});
		expect(sent.error).toBeUndefined();
		const [trashed, deleted, ...kept] = office.data.orders();
		expect(kept.length).toBeGreaterThan(0);
		woo.store.trashOrder(Number(trashed.orderNumberExternal));
		woo.store.deleteOrder(Number(deleted.orderNumberExternal));
		woo.store.trashProduct(Number(trashedProduct.id));
		woo.store.deleteProduct(Number(deletedProduct.id));
		const credentials = pushCredentials(office, 'apiKey', woo);

		const imported = await runWorkflow(reverseTemplate('deletedInWooCommerce'), { credentials, triggerItems: [{ json: {} }] });
		expect(imported.error).toBeUndefined();
		expect(outcomes(imported, ORDERS, 'orderNumberExternal')).toEqual([[trashed.orderNumberExternal, 'cancelled']]);
		expect(outcomes(imported, PRODUCTS, 'productNumber')).toEqual([[trashedProduct.sku, 'deactivated']]);
		expect(office.data.order(deleted.orderNumber)!.status).toBe('Registered');
		expect(office.data.products().find((p) => p.productNumber === deletedProduct.sku)).toMatchObject({ active: true });
		expect(hints(imported, ORDERS).join(' ')).toContain('Only This Store Sends Orders');
		expect(hints(imported, PRODUCTS).join(' ')).toContain('SKU Prefix');

		const configured = reverseTemplate('deletedInWooCommerce');
		for (const node of configured.nodes) {
			if (node.name === ORDERS) node.parameters.onlyThisStoreSendsOrders = true;
			if (node.name === PRODUCTS) node.parameters.options = { skuPrefix: 'TB-' };
		}
		const result = await runWorkflow(configured, { credentials, triggerItems: [{ json: {} }] });
		expect(result.error).toBeUndefined();
		expect(outcomes(result, ORDERS, 'orderNumberExternal')).toEqual([[deleted.orderNumberExternal, 'cancelled']]);
		expect(outcomes(result, PRODUCTS, 'productNumber')).toEqual([
			[trashedProduct.sku, 'unchanged'],
			[deletedProduct.sku, 'deactivated'],
		]);
		expect(office.data.products().find((p) => p.productNumber === deletedProduct.sku)).toMatchObject({ active: false });
		expect(office.data.order(deleted.orderNumber)!.status).toBe('Cancelled');
		const rows = office.data.order(deleted.orderNumber)!.orderRows;
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((row) => row.rowStatus === 'Inactive')).toBe(true);
		for (const order of kept) expect(office.data.order(order.orderNumber)!.status).toBe('Registered');
	});
});
