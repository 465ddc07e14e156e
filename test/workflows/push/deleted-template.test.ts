import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow } from '../../harness/run-workflow';
import { reverseTemplate } from '../../support/reverse-env';
import { chainWorkflow, outputsOf, pushCredentials, startOffice, startWooSandbox, storeSkus } from './helpers';

/**
 * The daily template for records deleted for good in WooCommerce (issue 23), run as imported
 * (only its credentials filled in) against the sandbox store and back office.
 */
describe('template: WooCommerce deletions → Extend Commerce (daily)', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		woo = await startWooSandbox({ products: 4, orders: 6 });
		office = await startOffice(storeSkus(woo));
	});
	afterEach(async () => await Promise.all([woo.close(), office.close()]));

	it('cancels in Extend an order deleted for good in WooCommerce, and leaves the orders the store still has', async () => {
		const sent = await runWorkflow(chainWorkflow('order', {}, { statusesToSend: ['pending', 'processing', 'on-hold', 'completed', 'refunded', 'failed', 'checkout-draft'] }), {
			credentials: pushCredentials(office, 'apiKey', woo),
		});
		expect(sent.error).toBeUndefined();
		const [deleted, ...kept] = office.data.orders();
		expect(kept.length).toBeGreaterThan(0);
		woo.store.deleteOrder(Number(deleted.orderNumberExternal));

		const result = await runWorkflow(reverseTemplate('deletedInWooCommerce'), { credentials: pushCredentials(office, 'apiKey', woo), triggerItems: [{ json: {} }] });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).results.map((r) => [r.orderNumberExternal, r.outcome])).toEqual([[deleted.orderNumberExternal, 'cancelled']]);
		expect(office.data.order(deleted.orderNumber)!.status).toBe('Cancelled');
		expect(office.data.order(deleted.orderNumber)!.orderRows.every((row) => row.rowStatus === 'Inactive')).toBe(true);
		for (const order of kept) expect(office.data.order(order.orderNumber)!.status).toBe('Registered');
	});
});
