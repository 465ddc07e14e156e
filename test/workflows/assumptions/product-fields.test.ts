/** Product → Create or Update with the product fields under a tenant's own names (API Adjustments product.fields). */
import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { chainWorkflow, countRequests, outputsOf, pushCredentials, startOffice, startWooSandbox } from '../push/helpers';

const ADJUSTMENTS = { product: { fields: { vatPercent: 'vatRate', name: 'description' } } };

describe('product fields under the tenant\'s names', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		[woo, office] = await Promise.all([startWooSandbox({ products: 3, orders: 0, variableShare: 0 }), startOffice()]);
	});
	afterEach(async () => {
		await Promise.all([woo.close(), office.close()]);
	});

	const run = async (adjustments: unknown): Promise<RunResult> => {
		const credentials = pushCredentials(office, 'apiKey', woo);
		credentials.extendCommerceApi = { ...credentials.extendCommerceApi, apiAdjustments: JSON.stringify(adjustments) };
		return await runWorkflow(chainWorkflow('product', {}, {}, 'continueErrorOutput'), { credentials });
	};

	it('sends them under the adjusted names and finds them unchanged on the next run', async () => {
		const first = await run(ADJUSTMENTS);
		expect(first.error).toBeUndefined();
		const product = woo.store.products()[0];
		const stored = office.data.products().find((held) => held.productNumber === product.sku)!;
		expect(stored).toMatchObject({ productNumber: product.sku, description: product.name, vatRate: 25, unit: 'ST' });
		expect(stored).not.toHaveProperty('vatPercent');
		expect(stored).not.toHaveProperty('name');
		const puts = countRequests(office, 'PUT', /products\//i);
		woo.options.clockOffsetSeconds += 5;
		const again = await run(ADJUSTMENTS);
		// The window still reaches back to 2020: every product comes again, each unchanged.
		const skus = woo.store.products().map((held) => held.sku).sort();
		expect(skus.length).toBeGreaterThan(0);
		expect(outputsOf(again).results.map((result) => [String(result.productNumber), result.outcome]).sort()).toEqual(skus.map((sku) => [sku, 'unchanged']));
		expect(countRequests(office, 'PUT', /products\//i)).toBe(puts);
	});

	it('marks a trashed product inactive under the adjusted active field', async () => {
		const adjustments = { product: { fields: { ...ADJUSTMENTS.product.fields, active: 'isActive' } } };
		expect((await run(adjustments)).error).toBeUndefined();
		const product = woo.store.products()[0];
		woo.store.trashProduct(Number(product.id));
		woo.options.clockOffsetSeconds += 5;
		const trashed = await run(adjustments);
		expect(trashed.error).toBeUndefined();
		expect(outputsOf(trashed).results).toContainEqual(expect.objectContaining({ outcome: 'deactivated', productNumber: product.sku }));
		const stored = office.data.products().find((held) => held.productNumber === product.sku)!;
		expect(stored).toMatchObject({ isActive: false, description: product.name });
		expect(stored).not.toHaveProperty('active');
	});
});
