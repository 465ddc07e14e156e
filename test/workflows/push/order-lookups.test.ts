import type { IDataObject } from 'n8n-workflow';

import type { BackOffice, BackOfficeChoices } from '../../../sandbox/extend-commerce';
import { runWorkflow } from '../../harness/run-workflow';
import { officeCredential, officeCredentialType } from '../../support/sync-env';
import { capturedOrders, countRequests, hintsOf, outputsOf, pushCredentials, pushWorkflow, PUSH, runPush, skusOf, startOffice } from './helpers';

/**
 * Issue 24: the push learns which orders of a run Extend already holds with one `GET CustomerOrders`
 * per list of shop order numbers (ASSUMED parameter), and trusts a list answer only when it proves
 * itself; a tenant that refuses, ignores or cuts the list is looked up per order. Never twice.
 */
function manyOrders(n: number, first: number): IDataObject[] {
	const base = capturedOrders().find((o) => o.status === 'processing')!;
	return Array.from({ length: n }, (_, i) => ({ ...structuredClone(base), id: first + i, number: String(first + i) }));
}

const LIST = /^\/[^?]*CustomerOrders\?[^#]*orderNumbersExternal=/i;
const ONE = /^\/[^?]*CustomerOrders\?orderNumberExternal=/i;

function requestsOf(office: BackOffice): { lists: number; single: number; posts: number; refusedPosts: number } {
	const log = office.log;
	return {
		lists: log.filter((entry) => entry.method === 'GET' && LIST.test(entry.path)).length,
		single: log.filter((entry) => entry.method === 'GET' && ONE.test(entry.path)).length,
		posts: countRequests(office, 'POST', /customerorders/i),
		refusedPosts: log.filter((entry) => entry.method === 'POST' && entry.status >= 400).length,
	};
}

function onceEach(office: BackOffice, orders: IDataObject[]): void {
	const held = office.data.orders().map((order) => order.orderNumberExternal);
	expect(new Set(held).size).toBe(held.length);
	for (const order of orders) expect(held).toContain(String(order.number));
}

describe('what Extend already holds, one list per page of orders (WorkflowExecute against the sandbox back office)', () => {
	let office: BackOffice;
	afterEach(async () => {
		await office.close();
	});

	async function start(support: BackOfficeChoices['list']['orderNumbersExternalSupport'], orders: IDataObject[]): Promise<void> {
		office = await startOffice(skusOf(orders), { choices: { list: { orderNumbersExternalSupport: support } } });
	}

	async function push(orders: IDataObject[]): Promise<{ results: IDataObject[]; hints: string[] }> {
		const result = await runPush(office, { resource: 'order', items: orders, parameters: { options: { concurrency: 4 } } });
		expect(result.error).toBeUndefined();
		const { results, rejected } = outputsOf(result);
		expect(rejected).toEqual([]);
		return { results, hints: hintsOf(result) };
	}

	it('a first push of 150 orders: a few lookups one by one until one order is known, then one list per 49 orders; requests per order near 1', async () => {
		const orders = manyOrders(150, 30000);
		await start('honoured', orders);
		const { results, hints } = await push(orders);
		expect(results.every((r) => r.outcome === 'created')).toBe(true);
		onceEach(office, orders);
		const seen = requestsOf(office);
		expect(seen.posts).toBe(150);
		expect(seen.single).toBeLessThanOrEqual(4);
		expect(seen.lists).toBeGreaterThanOrEqual(3);
		expect(seen.lists).toBeLessThanOrEqual(4);
		expect(office.log.length / orders.length).toBeLessThan(1.06);
		expect(hints.join(' ')).not.toMatch(/looked each order up on its own/);
	});

	it('a push that meets orders Extend holds (this run or an earlier one): they are found in the list, never created again', async () => {
		const earlier = manyOrders(60, 31000);
		await start('honoured', earlier);
		await push(earlier);
		const before = requestsOf(office);
		const mixed = [...manyOrders(60, 31000), ...manyOrders(40, 32000)];
		const { results } = await push(mixed);
		onceEach(office, mixed);
		expect(results.filter((r) => r.outcome === 'created').map((r) => r.orderNumberExternal)).toEqual(manyOrders(40, 32000).map((o) => String(o.number)));
		const seen = requestsOf(office);
		// Only the 40 new orders are posted, and none is refused as a duplicate.
		expect(seen.posts - before.posts).toBe(40);
		expect(seen.refusedPosts).toBe(0);
		expect(seen.single - before.single).toBeLessThanOrEqual(4);
	});

	it.each([
		['ignored', /answered orders that were not asked for/],
		['refused', /refused the list of several shop order numbers/],
		['firstOnly', /left out an order it holds/],
	] as const)('a tenant whose list is %s: the run looks each order up on its own, says so once, and creates each order once', async (support, why) => {
		const earlier = manyOrders(30, 33000);
		await start(support, earlier);
		await push(earlier);
		const before = requestsOf(office);
		const mixed = [...manyOrders(30, 33000), ...manyOrders(30, 34000)];
		const { results, hints } = await push(mixed);
		onceEach(office, mixed);
		expect(results.filter((r) => r.outcome === 'created')).toHaveLength(30);
		const seen = requestsOf(office);
		// No order was concluded absent from an answer that did not prove it: nothing posted twice.
		expect(seen.posts - before.posts).toBe(30);
		expect(seen.refusedPosts).toBe(0);
		expect(seen.lists - before.lists).toBe(1);
		const fallbacks = hints.filter((hint) => /looked each order up on its own/.test(hint));
		expect(fallbacks).toHaveLength(1);
		expect(fallbacks[0]).toMatch(why);
		expect(fallbacks[0]).toContain('"orderNumbersExternal"');
	});

	it.each([
		['honoured', 'confirmed', /answered exactly those two orders/],
		['ignored', 'contradicted', /did not answer exactly those two orders \(the push then looks each order up on its own/],
		['refused', 'contradicted', /The tenant refused "orderNumbersExternal" \(HTTP 400/],
	] as const)('Back Office API → Check Assumptions: a list the tenant has %s is %s', async (support, result, evidence) => {
		const orders = manyOrders(3, 35000);
		await start(support, orders);
		await push(orders);
		const check = pushWorkflow({ resource: 'order', items: [], window: null, parameters: { resource: 'backOfficeApi', operation: 'checkAssumptions' } });
		const run = await runWorkflow(check, { credentials: pushCredentials(office), triggerItems: [{ json: {} }] });
		expect(run.error).toBeUndefined();
		const finding = run.items(PUSH).map((item) => item.json).find((item) => item.key === 'list.orderNumbersExternal');
		expect(finding).toMatchObject({ result, assumed: 'orderNumbersExternal' });
		expect(String(finding?.evidence)).toMatch(evidence);
	});

	it('a tenant whose pages hold at most 20 orders: refused lists at first (looked up one by one, said once); with list.maxPageSize 20 in API Adjustments, lists of 19', async () => {
		const orders = manyOrders(60, 36000);
		office = await startOffice(skusOf(orders), { choices: { list: { maxPageSize: 20 } } });
		const first = await push(orders.slice(0, 30));
		expect(first.hints.filter((hint) => /refused the list of several shop order numbers/.test(hint))).toHaveLength(1);
		const before = requestsOf(office);
		const from = office.log.length;
		const adjusted = { ...pushCredentials(office), [officeCredentialType('apiKey')]: { ...officeCredential(office), apiAdjustments: JSON.stringify({ list: { maxPageSize: 20 } }) } };
		const run = await runWorkflow(pushWorkflow({ resource: 'order', items: orders }), { credentials: adjusted, triggerItems: orders.map((json) => ({ json })) });
		expect(run.error).toBeUndefined();
		expect(hintsOf(run).join(' ')).not.toMatch(/looked each order up on its own/);
		onceEach(office, orders);
		const seen = requestsOf(office);
		expect(seen.posts - before.posts).toBe(30);
		expect(seen.refusedPosts).toBe(0);
		const lists = office.log.slice(from).filter((entry) => LIST.test(entry.path));
		expect(lists.length).toBeGreaterThanOrEqual(3);
		expect(lists.every((entry) => entry.status === 200 && Number(new URL(entry.path, office.url).searchParams.get('pageSize')) <= 20)).toBe(true);
	});
});
