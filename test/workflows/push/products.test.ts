import type { BackOffice } from '../../../sandbox/extend-commerce';
import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult } from '../../harness/run-workflow';
import { chainWorkflow, countRequests, everythingSaid, FETCH, hintsOf, outputsOf, pushCredentials, startOffice, startWooSandbox, storeSkus } from './helpers';
import { officeSecrets } from '../../support/sync-env';

describe('Product → Create or Update (WooCommerce Fetch → Extend Commerce, WorkflowExecute)', () => {
	let woo: WooSandbox;
	let office: BackOffice;
	beforeEach(async () => {
		[woo, office] = await Promise.all([startWooSandbox({ products: 8, orders: 0, variableShare: 0.5, variationsPerProduct: 3 }), startOffice()]);
	});
	afterEach(async () => {
		await Promise.all([woo.close(), office.close()]);
	});

	/** Lets store time pass, so that what was changed "now" falls inside the next window. */
	const later = (): void => {
		woo.options.clockOffsetSeconds += 5;
	};
	const run = async (pushParameters = {}, mode: 'trigger' | 'manual' = 'trigger'): Promise<RunResult> =>
		await runWorkflow(chainWorkflow('product', { variations: 'array' }, pushParameters), { credentials: pushCredentials(office, 'apiKey', woo), mode });

	/** Every SKU the store holds (products and variations), sorted. */
	const everySku = (): string[] => storeSkus(woo).sort((a, b) => a.localeCompare(b));
	/** [SKU, outcome] of each record the push reported, sorted by SKU. */
	const outcomesBySku = (result: RunResult): string[][] =>
		outputsOf(result)
			.results.map((r) => [String(r.productNumber), String(r.outcome)])
			.sort(([a], [b]) => a.localeCompare(b));

	it('an editor (manual) run hands on Next Cursor like a scheduled run, with a hint saying so', async () => {
		const result = await run({}, 'manual');
		expect(result.error).toBeUndefined();
		const next = outputsOf(result).nextCursor;
		expect(next).toHaveLength(1);
		expect(hintsOf(result).join(' ')).toContain(`Run from the editor: Next Cursor (${String(next[0].cursor)}) is handed on as in a scheduled run`);
	});

	it('writes each product and variation under its SKU with the assumed document fields, variations with their parent', async () => {
		const result = await run();
		expect(result.error).toBeUndefined();
		const products = woo.store.products().filter((p) => p.status !== 'trash');
		const variations = woo.store.variations();
		expect(products.length).toBeGreaterThan(0);
		expect(variations.length).toBeGreaterThan(0);
		const stored = new Map(office.data.products().map((p) => [p.productNumber, p]));
		expect(stored.size).toBe(products.length + variations.length);
		for (const product of products) {
			// Nothing WooCommerce lacks is sent as null: a product has no parent field at all.
			expect(stored.get(product.sku)).not.toHaveProperty('parentProductNumber');
			expect(stored.get(product.sku)).toMatchObject({
				productNumber: product.sku,
				name: product.name,
				unit: 'ST',
				price: Number(product.regular_price || product.price),
				vatPercent: 25,
				currency: 'USD',
				active: product.status === 'publish',
			});
		}
		for (const variation of variations) {
			const parent = products.find((p) => p.variations.includes(variation.id))!;
			expect(stored.get(variation.sku)).toMatchObject({ productNumber: variation.sku, parentProductNumber: parent.sku, name: `${parent.name} – ${variation.name}` });
		}
		expect(outcomesBySku(result)).toEqual(everySku().map((sku) => [sku, 'created']));
		// The Sync Window came from the fetch node's second output through `first(1)`.
		expect(outputsOf(result).nextCursor[0]).toMatchObject({ resource: 'products', cursor: result.items(FETCH, 1)[0].json.windowEnd, created: stored.size });
		expect(everythingSaid(result)).not.toMatch(new RegExp(officeSecrets(office).join('|')));
	});

	it('writes nothing for an unchanged product, and nothing for a stock-only change (no ping-pong with stock flowing back)', async () => {
		await run();
		const puts = countRequests(office, 'PUT', /products\//i);
		const product = woo.store.products().find((p) => p.type === 'simple')!;
		woo.store.editProduct(product.id, { stock_quantity: 999, manage_stock: true });
		later();
		const again = await run();
		expect(again.error).toBeUndefined();
		// The window still reaches back to 2020, so every product comes again; the one with new stock among them.
		expect(outcomesBySku(again)).toEqual(everySku().map((sku) => [sku, 'unchanged']));
		expect(everySku()).toContain(product.sku);
		expect(countRequests(office, 'PUT', /products\//i)).toBe(puts);
	});

	it('updates only what changed: a new price and GTIN, weight and dimensions', async () => {
		await run();
		const product = woo.store.products().find((p) => p.type === 'simple')!;
		woo.store.editProduct(product.id, { regular_price: '99.95', global_unique_id: '7350000000011', weight: '1.25', dimensions: { length: '10', width: '20.5', height: '3' } } as never);
		later();
		const again = await run();
		const outcomes = outputsOf(again).results;
		expect(outcomes.filter((r) => r.outcome === 'updated').map((r) => r.productNumber)).toEqual([product.sku]);
		expect(office.data.products().find((p) => p.productNumber === product.sku)).toMatchObject({ price: 99.95, gtin: '7350000000011', weight: 1.25, length: 10, width: 20.5, height: 3 });
	});

	it('refuses a product without SKU to Rejected records, saying Extend order rows refer to products by SKU', async () => {
		const product = woo.store.products().find((p) => p.type === 'simple')!;
		woo.store.editProduct(product.id, { sku: '' });
		later();
		const result = await run();
		expect(result.error).toBeUndefined();
		const { rejected, nextCursor } = outputsOf(result);
		expect(rejected).toHaveLength(1);
		expect(rejected[0]).toMatchObject({ record: `product ${product.id}`, reason: `product ${product.id}: sku is empty.` });
		expect(rejected[0].fix).toMatch(/Extend order rows refer to products by SKU/);
		expect(nextCursor[0]).toMatchObject({ rejected: 1 });
	});
});
