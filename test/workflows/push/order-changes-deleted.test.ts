import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { chainWorkflow, outputsOf, pushCredentials, pushWorkflow, startOffice, startWooSandbox, storeSkus } from './helpers';

const ALL_SENDABLE = ['pending', 'processing', 'on-hold', 'completed', 'refunded', 'failed', 'checkout-draft'];

/**
 * Order → Cancel Deleted: an order deleted for good in WooCommerce is in no list and sends no
 * webhook (WooCommerce 10.0.2, test/fixtures/woocommerce/real-10.0.2/trash-and-delete.md), so a
 * daily run compares Extend's open orders with the ids WooCommerce still has (issue 23).
 */
describe('orders deleted in WooCommerce reach Extend through the daily Cancel Deleted run', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		woo = await startWooSandbox({ products: 6, orders: 12 });
		office = await startOffice(storeSkus(woo));
	});
	afterEach(async () => await Promise.all([woo.close(), office.close()]));

	const reconcile = async (): Promise<RunResult> =>
		await runWorkflow(pushWorkflow({ resource: 'order', items: [], parameters: { operation: 'cancelDeleted' } }), {
			credentials: pushCredentials(office, 'apiKey', woo),
			triggerItems: [{ json: {} }],
		});

	it('cancels the open Extend orders whose WooCommerce order is gone, reports a reserved one as locked, and leaves the others', async () => {
		const sent = await runWorkflow(chainWorkflow('order', {}, { statusesToSend: ALL_SENDABLE }), { credentials: pushCredentials(office, 'apiKey', woo) });
		expect(sent.error).toBeUndefined();
		const inExtend = office.data.orders();
		expect(inExtend.length).toBeGreaterThan(3);
		const [deleted, trashed, reserved, ...others] = inExtend;
		woo.store.deleteOrder(Number(deleted.orderNumberExternal));
		woo.store.trashOrder(Number(trashed.orderNumberExternal));
		woo.store.deleteOrder(Number(reserved.orderNumberExternal));
		office.reserveOrder(reserved.orderNumber);

		const logBefore = woo.log.length;
		const result = await reconcile();
		expect(result.error).toBeUndefined();
		const { results, rejected } = outputsOf(result);
		expect(results.map((r) => [r.orderNumberExternal, r.outcome]).sort()).toEqual([
			[deleted.orderNumberExternal, 'cancelled'],
			[trashed.orderNumberExternal, 'cancelled'],
		].sort());
		expect(rejected).toEqual([expect.objectContaining({ outcome: 'locked', orderNumberExternal: reserved.orderNumberExternal })]);
		expect(office.data.order(deleted.orderNumber)!.status).toBe('Cancelled');
		expect(office.data.order(deleted.orderNumber)!.orderRows.every((row) => row.rowStatus === 'Inactive')).toBe(true);
		expect(office.data.order(reserved.orderNumber)!.status).toBe('Reserved');
		for (const order of others) expect(office.data.order(order.orderNumber)!.status).toBe('Registered');
		// Existence is asked by ids; only an order missing there is looked up once more by its number.
		const asked = woo.log.slice(logBefore).filter((entry) => entry.path === '/wc/v3/orders' && entry.query.search === undefined);
		expect(asked.length).toBeGreaterThan(0);
		expect(asked.every((entry) => entry.query.include !== undefined && entry.query.status === 'any')).toBe(true);

		const again = await reconcile();
		expect(outputsOf(again).results).toEqual([]);
	});

	it('stops, cancelling nothing, when the store ignores the ids it is asked for', async () => {
		const sent = await runWorkflow(chainWorkflow('order', {}, { statusesToSend: ALL_SENDABLE }), { credentials: pushCredentials(office, 'apiKey', woo) });
		expect(sent.error).toBeUndefined();
		woo.options.ignoredListFilters = ['include'];
		const result = await reconcile();
		expect(result.error?.message).toContain('The store ignored the list of order ids it was asked for');
		expect(office.data.orders().every((order) => order.status === 'Registered')).toBe(true);
	});
});
