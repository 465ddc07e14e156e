import type { IDataObject } from 'n8n-workflow';

import type { BackOffice } from '../../../sandbox/extend-commerce';
import { capturedOrders, countRequests, outputsOf, runPush, skusOf, startOffice } from './helpers';

/** n distinct orders from one captured order. */
function manyOrders(n: number): IDataObject[] {
	const base = capturedOrders().find((o) => o.status === 'processing')!;
	return Array.from({ length: n }, (_, i) => ({ ...structuredClone(base), id: 20000 + i, number: String(20000 + i) }));
}

describe('rate limits (WorkflowExecute against the sandbox back office)', () => {
	let office: BackOffice;
	afterEach(async () => {
		await office.close();
	});

	it('paces by x-ratelimit-remaining/reset: 15 orders (15 creates and a few lookups) through a 12-per-2-s limit, all created, never answered 429', async () => {
		const orders = manyOrders(15);
		office = await startOffice(skusOf(orders), { rateLimits: { orders: { limit: 12, windowSeconds: 2 }, reads: { limit: 12, windowSeconds: 2 } } });
		const result = await runPush(office, { resource: 'order', items: orders, parameters: { options: { concurrency: 4 } } });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).results.every((r) => r.outcome === 'created')).toBe(true);
		expect(office.data.orders()).toHaveLength(15);
		// 15 creates: more than one window's worth, so the pacer had to wait.
		expect(countRequests(office, 'POST', /customerorders/i)).toBe(15);
		expect(office.log.filter((entry) => entry.status === 429)).toHaveLength(0);
	});

	it('learns that lookups and creates share one limit (sandbox grouping "shared"): only the requests in flight when it first ran out are answered 429', async () => {
		const orders = manyOrders(30);
		// A tenant that refuses the list of several order numbers: each order is looked up on its own,
		// so lookups and creates come in equal numbers and each alone would overrun the shared window.
		office = await startOffice(skusOf(orders), { rateLimitGrouping: 'shared', rateLimit: { limit: 12, windowSeconds: 2 }, choices: { list: { orderNumbersExternalSupport: 'refused' } } });
		const result = await runPush(office, { resource: 'order', items: orders, parameters: { options: { concurrency: 4 } } });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).results.every((r) => r.outcome === 'created')).toBe(true);
		expect(office.data.orders()).toHaveLength(30);
		// 60 requests through one window of 12 per 2 s. The lookups and the creates are paced
		// apart until a 429 shows they share the limit, so one must happen — only for the (at most
		// four) requests in flight when the window first ran out, all in that window: after it the
		// two are paced as one, and no later window is overrun.
		const limited = office.log.filter((entry) => entry.status === 429).map((entry) => Date.parse(entry.at));
		expect(limited.length).toBeGreaterThanOrEqual(1);
		expect(limited.length).toBeLessThanOrEqual(4);
		expect(Math.max(...limited) - Math.min(...limited)).toBeLessThan(2000);
		const sent = office.log.filter((entry) => entry.status !== 429).map((entry) => Date.parse(entry.at));
		expect(sent.some((at) => at > Math.max(...limited) + 2000)).toBe(true);
	});

	it('a 429 storm — more requests in flight than the window allows, before any header was seen — is waited out while retries remain', async () => {
		const orders = manyOrders(8);
		office = await startOffice(skusOf(orders), { retryAfter: true, rateLimits: { reads: { limit: 3, windowSeconds: 1 }, orders: { limit: 3, windowSeconds: 1 } } });
		const result = await runPush(office, { resource: 'order', items: orders, parameters: { options: { concurrency: 8 } } });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).results.every((r) => r.outcome === 'created')).toBe(true);
		expect(office.data.orders()).toHaveLength(8);
		expect(office.log.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
	});

	it('a window exhausted by another client is waited for instead of failing', async () => {
		const orders = manyOrders(3);
		office = await startOffice(skusOf(orders), { rateLimits: { reads: { limit: 3, windowSeconds: 1 }, orders: { limit: 3, windowSeconds: 1 } } });
		// Another client used up the read window just now.
		for (let i = 0; i < 3; i++) await fetch(`${office.url}/CustomerOrders?pageSize=1`, { headers: { [office.credentials.apiKey.header]: office.credentials.apiKey.value } });
		const result = await runPush(office, { resource: 'order', items: orders, parameters: { options: { concurrency: 3 } } });
		expect(result.error).toBeUndefined();
		expect(office.data.orders()).toHaveLength(3);
	});
});
