import { credentialsFor, runFetch, startSyncEnv, type SyncEnv } from '../../support/sync-env';

describe('fetching changed products with their variations', () => {
	let env: SyncEnv;
	let bigParent: number;
	beforeEach(async () => {
		env = await startSyncEnv();
		bigParent = Number(env.store.store.insertProduct({ type: 'variable', name: 'Sock Collection', variations: 130 }).id);
		env.store.options.clockOffsetSeconds += 120;
	});
	afterEach(async () => await env.close());

	const variableIds = () =>
		env.store.store
			.products()
			.filter((product) => product.type === 'variable' && product.status !== 'trash')
			.map((product) => Number(product.id));

	it('puts every variation on its parent, even when they span pages', async () => {
		const result = await runFetch({ resource: 'product', since: 'cursor', variations: 'array' }, credentialsFor(env));
		expect(result.error).toBeUndefined();
		const items = result.items('WooCommerce Fetch');
		const liveProducts = env.store.store.products().filter((product) => product.status !== 'trash');
		expect(items).toHaveLength(liveProducts.length);
		for (const parentId of variableIds()) {
			const parent = items.find((item) => item.json.id === parentId);
			const expected = env.store.store.variations(parentId).map((variation) => Number(variation.id)).sort((a, b) => a - b);
			const got = (parent?.json.variations as Array<{ id: number; parent_id: number }>).map((variation) => variation.id).sort((a, b) => a - b);
			expect(got).toEqual(expected);
		}
		expect((items.find((item) => item.json.id === bigParent)?.json.variations as unknown[]).length).toBe(130);
		// The live list spans two pages; the trash list (trashed variations, for the push to deactivate) one.
		const pages = env.store.log.filter((entry) => entry.path === `/wc/v3/products/${bigParent}/variations`).map((entry) => `${entry.query.status ?? 'live'} ${entry.query.page}`);
		expect(pages).toEqual(['live 1', 'live 2', 'trash 1']);
	});

	it('can return variations as separate items right after their parent', async () => {
		const result = await runFetch({ resource: 'product', since: 'cursor', variations: 'items' }, credentialsFor(env));
		const items = result.items('WooCommerce Fetch');
		const index = items.findIndex((item) => item.json.id === bigParent);
		const following = items.slice(index + 1, index + 131);
		expect(following.every((item) => item.json.type === 'variation' && item.json.parent_id === bigParent)).toBe(true);
		const variationCount = env.store.store.variations().length;
		expect(items.filter((item) => item.json.type === 'variation')).toHaveLength(variationCount);
	});

	it('uses the store-wide variations listing where the store has it', async () => {
		env.store.options.storeWideVariations = true;
		const result = await runFetch({ resource: 'product', since: 'cursor', variations: 'array' }, credentialsFor(env));
		expect((result.items('WooCommerce Fetch').find((item) => item.json.id === bigParent)?.json.variations as unknown[]).length).toBe(130);
		expect(env.store.log.some((entry) => entry.path === '/wc/v3/products/variations' && entry.status === 200)).toBe(true);
		expect(env.store.log.some((entry) => /^\/wc\/v3\/products\/\d+\/variations$/.test(entry.path))).toBe(false);
	});

	it('fetches a changed parent again with all its variations when only a variation was edited', async () => {
		const credentials = credentialsFor(env);
		const first = await runFetch({ resource: 'product', since: 'date', sinceDate: '2000-01-01T00:00:00Z' }, credentials);
		expect(first.error).toBeUndefined();
		const [variation] = env.store.store.variations(bigParent);
		const before = Math.floor(env.store.now().getTime() / 1000);
		env.store.store.editVariation(bigParent, Number(variation.id), { regular_price: '9.99' });
		env.store.options.clockOffsetSeconds += 120;
		const since = new Date(before * 1000).toISOString();
		const next = await runFetch({ resource: 'product', since: 'date', sinceDate: since }, credentials);
		const items = next.items('WooCommerce Fetch');
		expect(items.map((item) => item.json.id)).toEqual([bigParent]);
		const edited = (items[0].json.variations as Array<{ id: number; regular_price: string }>).find((v) => v.id === variation.id);
		expect(edited?.regular_price).toBe('9.99');
	});

	it('filters by product status and type', async () => {
		const result = await runFetch({ resource: 'product', since: 'cursor', variations: 'none', filters: { productStatus: 'publish', productType: 'simple' } }, credentialsFor(env));
		const items = result.items('WooCommerce Fetch');
		const expected = env.store.store.products().filter((product) => product.status === 'publish' && product.type === 'simple');
		expect(items.map((item) => item.json.id).sort()).toEqual(expected.map((product) => product.id).sort());
	});
});
