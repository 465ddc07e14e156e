import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { chainWorkflow, countRequests, outputsOf, pushCredentials, pushWorkflow, startOffice, startWooSandbox, storeSkus, WAREHOUSE } from './helpers';

/**
 * Product → Deactivate Deleted: a product or variation deleted for good in WooCommerce is in no
 * list and its webhook carries no SKU, so a daily run compares the product numbers Extend holds a
 * balance for with the SKUs WooCommerce still has (issue 23).
 */
describe('products deleted in WooCommerce are marked inactive in Extend by the daily Deactivate Deleted run', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		woo = await startWooSandbox({ products: 6, orders: 0, variableShare: 0.5, variationsPerProduct: 2 });
		office = await startOffice();
	});
	afterEach(async () => await Promise.all([woo.close(), office.close()]));

	const reconcile = async (): Promise<RunResult> =>
		await runWorkflow(pushWorkflow({ resource: 'product', items: [], window: null, parameters: { operation: 'deactivateDeleted' } }), {
			credentials: pushCredentials(office, 'apiKey', woo),
			triggerItems: [{ json: {} }],
		});
	const held = (sku: string) => office.data.products().find((p) => p.productNumber === sku);

	/** Sends every product, then gives Extend a balance for each SKU (but `without`). */
	const sendAll = async (without: string[] = []): Promise<void> => {
		const sent = await runWorkflow(chainWorkflow('product', { variations: 'array' }, {}), { credentials: pushCredentials(office, 'apiKey', woo) });
		expect(sent.error).toBeUndefined();
		for (const sku of storeSkus(woo).filter((sku) => !without.includes(sku))) office.setAvailableBalance(sku, WAREHOUSE, 5);
	};
	const published = (type: string) => woo.store.products().find((p) => p.type === type && p.status === 'publish')!;

	it('deactivates the products and variations the store no longer has, once, and leaves the others', async () => {
		await sendAll();
		const simple = published('simple');
		const variable = published('variable');
		const gone = [simple.sku, variable.sku, ...woo.store.variations(Number(variable.id)).map((v) => v.sku)];
		const kept = storeSkus(woo).filter((sku) => !gone.includes(sku));
		const keptBefore = kept.map((sku) => [sku, held(sku)?.active]);
		woo.store.deleteProduct(Number(simple.id));
		woo.store.deleteProduct(Number(variable.id));

		const result = await reconcile();
		expect(result.error).toBeUndefined();
		const { results, rejected } = outputsOf(result);
		expect(results.map((r) => [r.productNumber, r.outcome]).sort()).toEqual(gone.map((sku) => [sku, 'deactivated']).sort());
		expect(rejected).toEqual([]);
		for (const sku of gone) expect(held(sku)).toMatchObject({ productNumber: sku, active: false });
		expect(kept.map((sku) => [sku, held(sku)?.active])).toEqual(keptBefore);

		const again = await reconcile();
		expect(outputsOf(again).results.map((r) => r.outcome)).toEqual(gone.map(() => 'unchanged'));
	});

	it('stops, deactivating nothing, when the store ignores the SKUs it is asked for', async () => {
		// A SKU Extend holds no balance for: a store ignoring the filter answers it unasked.
		const simple = published('simple');
		await sendAll([published('variable').sku]);
		woo.store.deleteProduct(Number(simple.id));
		woo.options.ignoredListFilters = ['sku'];
		const writesBefore = countRequests(office, 'PUT', /Products\//);
		const activeBefore = office.data.products().map((p) => [p.productNumber, p.active]);
		const result = await reconcile();
		expect(result.error?.message).toContain('The store ignored the list of SKUs it was asked for');
		expect(countRequests(office, 'PUT', /Products\//)).toBe(writesBefore);
		expect(office.data.products().map((p) => [p.productNumber, p.active])).toEqual(activeBefore);
	});
});
