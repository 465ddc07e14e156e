import type { IDataObject } from 'n8n-workflow';

import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { chainWorkflow, countRequests, hintsOf, outputsOf, pushCredentials, pushWorkflow, startOffice, startWooSandbox, storeSkus, WAREHOUSE } from './helpers';

/** Products of the ERP's catalogue the webshop never sold: Extend holds them, with a balance. */
const ERP_ONLY = ['ERP-1001', 'ERP-1002', 'ERP-1003'];

/**
 * Product → Deactivate Deleted: a product or variation deleted for good in WooCommerce is in no
 * list and WooCommerce 10.0.2 sends no webhook for it, so a daily run compares the product numbers
 * Extend holds a balance for with the SKUs WooCommerce still has, in its lists and in its trash
 * (issue 23). Extend holds the ERP's whole catalogue: a SKU the store lacks is no deletion by itself.
 */
describe('products deleted in WooCommerce are marked inactive in Extend by the daily Deactivate Deleted run', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		woo = await startWooSandbox({ products: 8, orders: 0, variableShare: 0.5, variationsPerProduct: 3 });
		office = await startOffice(ERP_ONLY);
	});
	afterEach(async () => await Promise.all([woo.close(), office.close()]));

	const reconcile = async (parameters: IDataObject = {}, options: IDataObject = {}): Promise<RunResult> =>
		await runWorkflow(pushWorkflow({ resource: 'product', items: [], window: null, parameters: { operation: 'deactivateDeleted', ...parameters, options } }), {
			credentials: pushCredentials(office, 'apiKey', woo),
			triggerItems: [{ json: {} }],
		});
	const held = (sku: string) => office.data.products().find((p) => p.productNumber === sku);
	const activeOf = (skus: string[]) => skus.map((sku) => [sku, held(sku)?.active]);

	/** Sends every product, then gives Extend a balance for each SKU (but `without`) and for the ERP's own products. */
	const sendAll = async (without: string[] = []): Promise<void> => {
		const sent = await runWorkflow(chainWorkflow('product', { variations: 'array' }, {}), { credentials: pushCredentials(office, 'apiKey', woo) });
		expect(sent.error).toBeUndefined();
		for (const sku of [...storeSkus(woo).filter((sku) => !without.includes(sku)), ...ERP_ONLY]) office.setAvailableBalance(sku, WAREHOUSE, 5);
		expect(activeOf(ERP_ONLY)).toEqual(ERP_ONLY.map((sku) => [sku, true]));
	};
	const published = (type: string, nth = 0) => woo.store.products().filter((p) => p.type === type && p.status === 'publish')[nth];
	const skusOfVariable = (id: number) => woo.store.variations(id).map((v) => v.sku);

	/** Trashes a simple product and one variation, deletes a simple and a variable product for good. */
	const changeStore = () => {
		const [trashedSimple, deletedSimple] = [published('simple', 0), published('simple', 1)];
		const [variable, deletedVariable] = [published('variable', 0), published('variable', 1)];
		const [trashedVariation, ...keptVariations] = woo.store.variations(Number(variable.id));
		const deletedSkus = [deletedSimple.sku, deletedVariable.sku, ...skusOfVariable(Number(deletedVariable.id))];
		woo.store.trashProduct(Number(trashedSimple.id));
		woo.store.trashVariation(Number(variable.id), Number(trashedVariation.id));
		woo.store.deleteProduct(Number(deletedSimple.id));
		woo.store.deleteProduct(Number(deletedVariable.id));
		const trashedSkus = [trashedSimple.sku, trashedVariation.sku];
		const kept = storeSkus(woo).filter((sku) => !trashedSkus.includes(sku));
		expect(keptVariations.length).toBeGreaterThan(0);
		return { trashedSkus, deletedSkus, kept };
	};
	const deactivated = (result: RunResult) => outputsOf(result).results.filter((r) => r.outcome === 'deactivated').map((r) => String(r.productNumber)).sort();

	it('with no scope (the default): deactivates what the store trashed, once, and leaves what is in no list (deleted for good, or the ERP\'s own), saying so', async () => {
		await sendAll();
		const { trashedSkus, deletedSkus, kept } = changeStore();
		expect(kept.length).toBeGreaterThan(0);
		const keptBefore = activeOf(kept);

		const result = await reconcile();
		expect(result.error).toBeUndefined();
		expect(deactivated(result)).toEqual([...trashedSkus].sort());
		expect(outputsOf(result).rejected).toEqual([]);
		for (const sku of trashedSkus) expect(held(sku)).toMatchObject({ productNumber: sku, active: false });
		expect(activeOf([...deletedSkus, ...ERP_ONLY])).toEqual([...deletedSkus, ...ERP_ONLY].map((sku) => [sku, true]));
		expect(activeOf(kept)).toEqual(keptBefore);
		expect(hintsOf(result).find((hint) => hint.includes('were left active'))).toContain(`${deletedSkus.length + ERP_ONLY.length} products with a balance in Extend are in no list of this store`);

		const again = await reconcile();
		expect(again.error).toBeUndefined();
		expect(outputsOf(again).results.map((r) => [r.productNumber, r.outcome]).sort()).toEqual(trashedSkus.map((sku) => [sku, 'unchanged']).sort());
	});

	it('with a SKU Prefix: also deactivates this store\'s products and variations deleted for good, never the ERP\'s own', async () => {
		await sendAll();
		const { trashedSkus, deletedSkus } = changeStore();
		const result = await reconcile({}, { skuPrefix: 'tb-' });
		expect(result.error).toBeUndefined();
		expect(deactivated(result)).toEqual([...trashedSkus, ...deletedSkus].sort());
		for (const sku of deletedSkus) expect(held(sku)).toMatchObject({ active: false });
		expect(activeOf(ERP_ONLY)).toEqual(ERP_ONLY.map((sku) => [sku, true]));
	});

	it('with Extend\'s Catalogue Is This Store\'s on: every product with a balance the store has in no list is deactivated', async () => {
		await sendAll();
		const { trashedSkus, deletedSkus } = changeStore();
		const result = await reconcile({ onlyThisStoresProducts: true });
		expect(result.error).toBeUndefined();
		expect(deactivated(result)).toEqual([...trashedSkus, ...deletedSkus, ...ERP_ONLY].sort());
		// Only the summary: no hint that products were left active.
		expect(hintsOf(result)).toEqual([expect.stringContaining(`: ${trashedSkus.length + deletedSkus.length + ERP_ONLY.length} deactivated, 0 unchanged, 0 refused.`)]);
	});

	it('fails, deactivating nothing, when more products would be deactivated than Most Deactivations per Run allows', async () => {
		await sendAll();
		const { trashedSkus, deletedSkus } = changeStore();
		const planned = trashedSkus.length + deletedSkus.length;
		const writesBefore = countRequests(office, 'PUT', /Products\//);
		const capped = await reconcile({ maxDeactivations: planned - 1 }, { skuPrefix: 'TB-' });
		expect(capped.error?.message).toBe(`${planned} products to deactivate in one run is more than the ${planned - 1} allowed: nothing was changed`);
		expect(capped.error?.description).toContain('Most Deactivations per Run');
		expect(countRequests(office, 'PUT', /Products\//)).toBe(writesBefore);
		expect(activeOf([...trashedSkus, ...deletedSkus])).toEqual([...trashedSkus, ...deletedSkus].map((sku) => [sku, true]));

		const allowed = await reconcile({ maxDeactivations: planned }, { skuPrefix: 'TB-' });
		expect(allowed.error).toBeUndefined();
		expect(deactivated(allowed)).toEqual([...trashedSkus, ...deletedSkus].sort());
	});

	it('stops, deactivating nothing, when the store ignores the SKUs it is asked for', async () => {
		// A SKU Extend holds no balance for: a store ignoring the filter answers it unasked.
		const simple = published('simple');
		await sendAll([published('variable').sku]);
		woo.store.deleteProduct(Number(simple.id));
		woo.options.ignoredListFilters = ['sku'];
		const writesBefore = countRequests(office, 'PUT', /Products\//);
		const activeBefore = office.data.products().map((p) => [p.productNumber, p.active]);
		expect(activeBefore.length).toBeGreaterThan(0);
		const result = await reconcile({ onlyThisStoresProducts: true });
		expect(result.error?.message).toContain('The store ignored the list of SKUs it was asked for');
		expect(countRequests(office, 'PUT', /Products\//)).toBe(writesBefore);
		expect(office.data.products().map((p) => [p.productNumber, p.active])).toEqual(activeBefore);
	});
});
