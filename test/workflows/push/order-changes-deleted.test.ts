import type { IDataObject } from 'n8n-workflow';

import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { chainWorkflow, hintsOf, outputsOf, pushCredentials, pushWorkflow, startOffice, startWooSandbox, storeSkus } from './helpers';

const ALL_SENDABLE = ['pending', 'processing', 'on-hold', 'completed', 'refunded', 'failed', 'checkout-draft'];
const PREFIX = 'WEB-';

/**
 * Order → Cancel Deleted: an order deleted for good in WooCommerce is in no list and sends no
 * webhook (WooCommerce 10.0.2, test/fixtures/woocommerce/real-10.0.2/trash-and-delete.md), so a
 * daily run compares Extend's open orders with the ids WooCommerce still has (issue 23). Extend also
 * holds other sales channels' orders: only this store's may be cancelled.
 */
describe('orders deleted in WooCommerce reach Extend through the daily Cancel Deleted run', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		woo = await startWooSandbox({ products: 6, orders: 12 });
		office = await startOffice(storeSkus(woo));
	});
	afterEach(async () => await Promise.all([woo.close(), office.close()]));

	const reconcile = async (parameters: IDataObject = {}, options: IDataObject = {}): Promise<RunResult> =>
		await runWorkflow(pushWorkflow({ resource: 'order', items: [], parameters: { operation: 'cancelDeleted', ...parameters, options } }), {
			credentials: pushCredentials(office, 'apiKey', woo),
			triggerItems: [{ json: {} }],
		});
	const send = async (store: WooSandbox, options: IDataObject = {}): Promise<void> => {
		const sent = await runWorkflow(chainWorkflow('order', {}, { statusesToSend: ALL_SENDABLE, options }), { credentials: pushCredentials(office, 'apiKey', store) });
		expect(sent.error).toBeUndefined();
	};
	const idOf = (external: string): number => Number(external.replace(PREFIX, ''));
	const statusOf = (orderNumber: string): string | undefined => office.data.order(orderNumber)?.status;

	/** Another sales channel (a POS) sending this back office orders numbered 5001, 5002, … without a prefix. */
	const otherChannelOrders = async (): Promise<string[]> => {
		const pos = await startWooSandbox({ products: 6, orders: 4, seed: 7 });
		try {
			pos.store.orders().forEach((order, index) => pos.store.renumberOrder(order.id, String(5001 + index)));
			const before = new Set(office.data.orders().map((order) => order.orderNumber));
			await send(pos);
			const theirs = office.data.orders().filter((order) => !before.has(order.orderNumber));
			expect(theirs.map((order) => order.orderNumberExternal).sort()).toEqual(['5001', '5002', '5003', '5004']);
			return theirs.map((order) => order.orderNumber);
		} finally {
			await pos.close();
		}
	};

	it('with an Order Number Prefix: cancels the orders the store trashed or deleted, reports a reserved one as locked, and leaves the others and another channel\'s', async () => {
		await send(woo, { orderNumberPrefix: PREFIX });
		const inExtend = office.data.orders();
		expect(inExtend.length).toBeGreaterThan(3);
		const others = await otherChannelOrders();
		const [deleted, trashed, reserved, ...kept] = inExtend;
		expect(kept.length).toBeGreaterThan(0);
		woo.store.deleteOrder(idOf(deleted.orderNumberExternal));
		woo.store.trashOrder(idOf(trashed.orderNumberExternal));
		woo.store.deleteOrder(idOf(reserved.orderNumberExternal));
		office.reserveOrder(reserved.orderNumber);

		const logBefore = woo.log.length;
		const result = await reconcile({}, { orderNumberPrefix: PREFIX });
		expect(result.error).toBeUndefined();
		const { results, rejected } = outputsOf(result);
		expect(results.map((r) => [r.orderNumberExternal, r.outcome]).sort()).toEqual([
			[deleted.orderNumberExternal, 'cancelled'],
			[trashed.orderNumberExternal, 'cancelled'],
		].sort());
		expect(rejected).toEqual([expect.objectContaining({ outcome: 'locked', orderNumberExternal: reserved.orderNumberExternal })]);
		expect(statusOf(deleted.orderNumber)).toBe('Cancelled');
		const deletedRows = office.data.order(deleted.orderNumber)!.orderRows;
		expect(deletedRows.length).toBeGreaterThan(0);
		expect(deletedRows.every((row) => row.rowStatus === 'Inactive')).toBe(true);
		expect(statusOf(reserved.orderNumber)).toBe('Reserved');
		for (const order of kept) expect(statusOf(order.orderNumber)).toBe('Registered');
		for (const orderNumber of others) expect(statusOf(orderNumber)).toBe('Registered');
		// Existence is asked by ids (listed, then in the trash); only an order missing from both is looked up by its number.
		const asked = woo.log.slice(logBefore).filter((entry) => entry.path === '/wc/v3/orders' && entry.query.search === undefined);
		expect(asked.map((entry) => entry.query.status)).toEqual(['any', 'trash']);
		expect(asked.every((entry) => entry.query.include !== undefined)).toBe(true);

		const again = await reconcile({}, { orderNumberPrefix: PREFIX });
		expect(again.error).toBeUndefined();
		expect(outputsOf(again).results).toEqual([]);
	});

	it('with no prefix (the default): cancels only the orders in the store\'s trash and leaves every order in no list, saying so', async () => {
		await send(woo);
		const inExtend = office.data.orders();
		const others = await otherChannelOrders();
		const [deleted, trashed, ...kept] = inExtend;
		expect(kept.length).toBeGreaterThan(0);
		woo.store.deleteOrder(Number(deleted.orderNumberExternal));
		woo.store.trashOrder(Number(trashed.orderNumberExternal));

		const result = await reconcile();
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).results.map((r) => [r.orderNumberExternal, r.outcome])).toEqual([[trashed.orderNumberExternal, 'cancelled']]);
		expect(statusOf(trashed.orderNumber)).toBe('Cancelled');
		expect(statusOf(deleted.orderNumber)).toBe('Registered');
		for (const orderNumber of others) expect(statusOf(orderNumber)).toBe('Registered');
		const warning = hintsOf(result).find((hint) => hint.includes('were not cancelled'));
		expect(warning).toContain('5 open Extend orders with plain numbers');
		expect(warning).toContain('Only This Store Sends Orders');
	});

	it('with Only This Store Sends Orders on and no prefix: an order deleted for good is cancelled', async () => {
		await send(woo);
		const [deleted, ...kept] = office.data.orders();
		expect(kept.length).toBeGreaterThan(0);
		woo.store.deleteOrder(Number(deleted.orderNumberExternal));

		const result = await reconcile({ onlyThisStoreSendsOrders: true });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).results.map((r) => [r.orderNumberExternal, r.outcome])).toEqual([[deleted.orderNumberExternal, 'cancelled']]);
		for (const order of kept) expect(statusOf(order.orderNumber)).toBe('Registered');
		// Only the summary: no hint that orders were not cancelled.
		expect(hintsOf(result)).toEqual([expect.stringContaining(': 1 cancelled, 0 refused or locked.')]);
	});

	it('finds an order by its own number where a numbering plugin makes it differ from the id: kept while it exists, cancelled once deleted', async () => {
		const order = woo.store.orders().find((candidate) => ALL_SENDABLE.includes(candidate.status))!;
		woo.store.renumberOrder(order.id, '7001');
		await send(woo, { orderNumberPrefix: PREFIX });
		const held = office.data.orderByExternal(`${PREFIX}7001`)!;
		expect(held).toBeDefined();
		expect(office.data.orderByExternal(`${PREFIX}${order.id}`)).toBeUndefined();

		const kept = await reconcile({}, { orderNumberPrefix: PREFIX });
		expect(kept.error).toBeUndefined();
		expect(outputsOf(kept).results).toEqual([]);
		expect(statusOf(held.orderNumber)).toBe('Registered');

		woo.store.deleteOrder(order.id);
		const gone = await reconcile({}, { orderNumberPrefix: PREFIX });
		expect(gone.error).toBeUndefined();
		expect(outputsOf(gone).results.map((r) => [r.orderNumberExternal, r.outcome])).toEqual([[`${PREFIX}7001`, 'cancelled']]);
		expect(statusOf(held.orderNumber)).toBe('Cancelled');
	});

	it('does not take another order that has the id for the one deleted: its number decides', async () => {
		// Numbering plugin: order `holder` is numbered 7001, and `deleted` carries holder's id as its number.
		const [holder, deleted] = woo.store.orders().filter((candidate) => ALL_SENDABLE.includes(candidate.status));
		woo.store.renumberOrder(holder.id, '7001');
		woo.store.renumberOrder(deleted.id, String(holder.id));
		await send(woo, { orderNumberPrefix: PREFIX });
		const held = office.data.orderByExternal(`${PREFIX}${holder.id}`)!;
		expect(held).toBeDefined();
		woo.store.deleteOrder(deleted.id);

		const result = await reconcile({}, { orderNumberPrefix: PREFIX });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).results.map((r) => [r.orderNumberExternal, r.outcome])).toEqual([[`${PREFIX}${holder.id}`, 'cancelled']]);
		expect(statusOf(held.orderNumber)).toBe('Cancelled');
		expect(statusOf(office.data.orderByExternal(`${PREFIX}7001`)!.orderNumber)).toBe('Registered');
	});

	it('fails, cancelling nothing, when more orders would be cancelled than Most Cancellations per Run allows (a store answering an empty list)', async () => {
		await send(woo, { orderNumberPrefix: PREFIX });
		const inExtend = office.data.orders();
		expect(inExtend.length).toBeGreaterThan(3);
		// The store answers no orders at all, as a wrong connection or a broken plugin would.
		for (const order of woo.store.orders()) woo.store.deleteOrder(order.id);
		const writesBefore = office.log.length;

		const capped = await reconcile({ maxCancellations: 3 }, { orderNumberPrefix: PREFIX });
		expect(capped.error?.message).toBe(`${inExtend.length} orders to cancel in one run is more than the 3 allowed: nothing was changed`);
		expect(capped.error?.description).toContain('Most Cancellations per Run');
		expect(office.log.slice(writesBefore).filter((entry) => entry.method !== 'GET')).toEqual([]);
		for (const order of inExtend) expect(statusOf(order.orderNumber)).toBe('Registered');

		const allowed = await reconcile({ maxCancellations: inExtend.length }, { orderNumberPrefix: PREFIX });
		expect(allowed.error).toBeUndefined();
		expect(outputsOf(allowed).results.map((r) => r.outcome)).toEqual(inExtend.map(() => 'cancelled'));
		for (const order of inExtend) expect(statusOf(order.orderNumber)).toBe('Cancelled');
	});

	it('stops, cancelling nothing, when the store ignores the ids it is asked for', async () => {
		await send(woo, { orderNumberPrefix: PREFIX });
		const inExtend = office.data.orders();
		expect(inExtend.length).toBeGreaterThan(0);
		woo.options.ignoredListFilters = ['include'];
		const result = await reconcile({}, { orderNumberPrefix: PREFIX });
		expect(result.error?.message).toContain('The store ignored the list of order ids it was asked for');
		expect(office.data.orders().map((order) => order.status)).toEqual(inExtend.map(() => 'Registered'));
	});
});
