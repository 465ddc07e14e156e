/**
 * No ping-pong (issue 12, item 4): a stock write from Extend moves the product's date_modified in
 * WooCommerce, so the next products sync fetches it again. The push compares with Extend's copy
 * (stock is not part of the product document), so nothing goes back — and a product that also
 * changed in the shop goes back once.
 */
import type { INodeParameters } from 'n8n-workflow';

import { serveWebhook, type ServedWebhook } from '../../harness/run-webhook';
import { runWorkflow, type WorkflowJson } from '../../harness/run-workflow';
import { reverseTemplate, startReverseEnv, WAREHOUSE, WEBHOOK_SECRET, type ReverseEnv } from '../../support/reverse-env';

function productsSync(sinceDate: string): WorkflowJson {
	const credentials = { extendCommerceConnectionApi: { id: '1', name: 'Shop' }, extendCommerceApi: { id: '2', name: 'Back office' } };
	const fetch: INodeParameters = { resource: 'product', operation: 'getChanged', since: 'date', sinceDate, returnAll: true, variations: 'array', filters: {}, options: { settleSeconds: 0 } };
	const push: INodeParameters = { authentication: 'extendCommerceApi', resource: 'product', operation: 'upsert', currency: 'USD', unit: 'ST', vatPercent: '25', cursorMode: 'none', options: {} };
	return {
		name: 'Products sync',
		nodes: [
			{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'WooCommerce Fetch', type: 'n8n-nodes-extend-commerce.wooCommerceFetch', typeVersion: 1, position: [200, 0], parameters: fetch, credentials },
			{ id: '3', name: 'Extend Commerce', type: 'n8n-nodes-extend-commerce.extendCommercePush', typeVersion: 1, position: [400, 0], parameters: push, credentials },
		],
		connections: {
			Start: { main: [[{ node: 'WooCommerce Fetch', type: 'main', index: 0 }]] },
			'WooCommerce Fetch': { main: [[{ node: 'Extend Commerce', type: 'main', index: 0 }], []] },
		},
	};
}

const productWrites = (env: ReverseEnv, from: number) => env.office.log.slice(from).filter((entry) => entry.method === 'PUT' && /\/Products\//i.test(entry.path));
const secondPassed = async () => await new Promise((resolve) => setTimeout(resolve, 1100));

describe('no ping-pong between the stock flow and the products sync', () => {
	let env: ReverseEnv;
	let served: ServedWebhook;
	afterEach(async () => {
		await served?.close();
		await env?.close();
	});

	it('a balance change from Extend causes no product push, and one when the product also changed in the shop', async () => {
		env = await startReverseEnv({ products: 8, variableShare: 0.25, variationsPerProduct: 3, orders: 0 });
		const first = await runWorkflow(productsSync('2000-01-01T00:00:00Z'), { credentials: env.credentials });
		expect(first.status).toBe('success');
		expect(env.office.data.products().length).toBeGreaterThan(8);

		await secondPassed();
		const afterFirstSync = env.store.now().toISOString().slice(0, 19);
		const logMark = env.office.log.length;
		served = await serveWebhook(reverseTemplate('stockWebhook'), { credentials: env.credentials });
		env.office.webhooks.register({ url: served.url, secret: WEBHOOK_SECRET, events: ['AvailableBalanceChanged'] });
		const [stockOnly, alsoRenamed] = env.store.store.products().filter((p) => p.type === 'simple');
		const variable = env.store.store.products().find((p) => p.type === 'variable')!;
		const variation = env.store.store.variations(variable.id)[0];
		for (const [sku, balance] of [[stockOnly.sku, 31], [alsoRenamed.sku, 32], [variation.sku, 33]] as const) env.office.setAvailableBalance(sku, WAREHOUSE, balance);
		await env.office.webhooks.settled();
		await served.settled(3);
		expect([stockOnly, alsoRenamed].map((p) => env.store.store.products().find((q) => q.id === p.id)!.stock_quantity)).toEqual([31, 32]);

		// Stock only: the products sync fetches the three again (date_modified moved) and pushes nothing.
		await secondPassed();
		const second = await runWorkflow(productsSync(afterFirstSync), { credentials: env.credentials });
		expect(second.status).toBe('success');
		const fetched = second.items('WooCommerce Fetch').map((item) => item.json.id);
		expect(fetched).toEqual(expect.arrayContaining([stockOnly.id, alsoRenamed.id, variable.id]));
		expect(productWrites(env, logMark)).toEqual([]);
		const outcomes = second.items('Extend Commerce').map((item) => item.json.outcome);
		expect(outcomes.length).toBeGreaterThanOrEqual(3);
		expect(new Set(outcomes)).toEqual(new Set(['unchanged']));

		// The shop also renames one of them: exactly that one product goes back, once.
		await secondPassed();
		const beforeRename = env.store.now().toISOString().slice(0, 19);
		env.store.store.editProduct(alsoRenamed.id, { name: 'Renamed in the shop' });
		env.office.setAvailableBalance(alsoRenamed.sku, WAREHOUSE, 34);
		await env.office.webhooks.settled();
		await served.settled(4);
		await secondPassed();
		const renameMark = env.office.log.length;
		const third = await runWorkflow(productsSync(beforeRename), { credentials: env.credentials });
		expect(third.status).toBe('success');
		expect(productWrites(env, renameMark).map((entry) => decodeURIComponent(entry.path).split('/').at(-1))).toEqual([alsoRenamed.sku]);
	});
});
