import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow } from '../../harness/run-workflow';
import { reverseTemplate } from '../../support/reverse-env';
import { chainWorkflow, pushCredentials, startOffice, startWooSandbox, storeSkus, WAREHOUSE } from './helpers';

/**
 * The daily template for records deleted for good in WooCommerce (issue 23), run as imported
 * (only its credentials filled in) against the sandbox store and back office.
 */
describe('template: WooCommerce deletions → Extend Commerce (daily)', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		woo = await startWooSandbox({ products: 4, orders: 6, variableShare: 0.5, variationsPerProduct: 2 });
		office = await startOffice(storeSkus(woo));
	});
	afterEach(async () => await Promise.all([woo.close(), office.close()]));

	it('cancels in Extend an order, and deactivates a product, deleted for good in WooCommerce; leaves what the store still has', async () => {
		const products = await runWorkflow(chainWorkflow('product', { variations: 'array' }, {}), { credentials: pushCredentials(office, 'apiKey', woo) });
		expect(products.error).toBeUndefined();
		for (const sku of storeSkus(woo)) office.setAvailableBalance(sku, WAREHOUSE, 5);
		const product = woo.store.products().find((p) => p.type === 'simple' && p.status === 'publish')!;
		const sent = await runWorkflow(chainWorkflow('order', {}, { statusesToSend: ['pending', 'processing', 'on-hold', 'completed', 'refunded', 'failed', 'checkout-draft'] }), {
			credentials: pushCredentials(office, 'apiKey', woo),
		});
		expect(sent.error).toBeUndefined();
		const [deleted, ...kept] = office.data.orders();
		expect(kept.length).toBeGreaterThan(0);
		woo.store.deleteOrder(Number(deleted.orderNumberExternal));
		woo.store.deleteProduct(Number(product.id));

		const result = await runWorkflow(reverseTemplate('deletedInWooCommerce'), { credentials: pushCredentials(office, 'apiKey', woo), triggerItems: [{ json: {} }] });
		expect(result.error).toBeUndefined();
		expect(result.items('Cancel Deleted Orders', 0).map((r) => [r.json.orderNumberExternal, r.json.outcome])).toEqual([[deleted.orderNumberExternal, 'cancelled']]);
		expect(result.items('Deactivate Deleted Products', 0).map((r) => [r.json.productNumber, r.json.outcome])).toEqual([[product.sku, 'deactivated']]);
		expect(office.data.products().find((p) => p.productNumber === product.sku)).toMatchObject({ active: false });
		expect(office.data.order(deleted.orderNumber)!.status).toBe('Cancelled');
		expect(office.data.order(deleted.orderNumber)!.orderRows.every((row) => row.rowStatus === 'Inactive')).toBe(true);
		for (const order of kept) expect(office.data.order(order.orderNumber)!.status).toBe('Registered');
	});
});
