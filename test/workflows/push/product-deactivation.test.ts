import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { chainWorkflow, countRequests, outputsOf, pushCredentials, startOffice, startWooSandbox } from './helpers';

/** WooCommerce Fetch → Extend Commerce (Product → Create or Update) with products trashed between runs (issue 23). */
describe('a product or variation trashed in WooCommerce is marked inactive in Extend under its SKU', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		[woo, office] = await Promise.all([startWooSandbox({ products: 8, orders: 0, variableShare: 0.5, variationsPerProduct: 3 }), startOffice()]);
	});
	afterEach(async () => await Promise.all([woo.close(), office.close()]));

	const later = (): void => {
		woo.options.clockOffsetSeconds += 5;
	};
	const run = async (): Promise<RunResult> => await runWorkflow(chainWorkflow('product', { variations: 'array' }, {}), { credentials: pushCredentials(office, 'apiKey', woo) });
	const outcomeOf = (result: RunResult, sku: string) => outputsOf(result).results.find((r) => r.productNumber === sku)?.outcome;
	const held = (sku: string) => office.data.products().find((p) => p.productNumber === sku);

	it('deactivates a trashed simple product, a trashed variable product with its variations and a variation trashed alone, once', async () => {
		expect((await run()).error).toBeUndefined();
		const live = woo.store.products().filter((p) => p.status === 'publish');
		const simple = live.find((p) => p.type === 'simple')!;
		const [variable, other] = live.filter((p) => p.type === 'variable');
		const variableSkus = woo.store.variations(Number(variable.id)).map((v) => v.sku);
		const [alone, ...kept] = woo.store.variations(Number(other.id));
		expect(variableSkus.length).toBeGreaterThan(0);
		expect(kept.length).toBeGreaterThan(0);
		const stockBefore = office.data.products().length;
		woo.store.trashProduct(Number(simple.id));
		woo.store.trashProduct(Number(variable.id));
		woo.store.trashVariation(Number(other.id), Number(alone.id));
		later();

		const result = await run();
		expect(result.error).toBeUndefined();
		for (const sku of [simple.sku, variable.sku, ...variableSkus, alone.sku]) {
			expect([sku, outcomeOf(result, sku)]).toEqual([sku, 'deactivated']);
			expect(held(sku)).toMatchObject({ productNumber: sku, active: false });
		}
		for (const variation of kept) expect(held(variation.sku)?.active).toBe(true);
		expect(office.data.products()).toHaveLength(stockBefore);

		later();
		const again = await run();
		for (const sku of [simple.sku, variable.sku, alone.sku]) expect(outcomeOf(again, sku)).toBe('unchanged');
	});

	it('skips a product trashed before it ever reached Extend, without creating it', async () => {
		const simple = woo.store.products().find((p) => p.status === 'publish' && p.type === 'simple')!;
		woo.store.trashProduct(Number(simple.id));
		later();
		const result = await run();
		expect(outcomeOf(result, simple.sku)).toBe('skipped');
		expect(held(simple.sku)).toBeUndefined();
		expect(countRequests(office, 'PUT', new RegExp(`Products/${simple.sku}$`))).toBe(0);
	});
});
