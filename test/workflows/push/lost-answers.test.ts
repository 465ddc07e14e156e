import type { BackOffice } from '../../../sandbox/extend-commerce';
import { capturedOrders, countRequests, outputsOf, runPush, skusOf, startOffice } from './helpers';

/**
 * Issue 20: Extend documents no duplicate answer, and an order it stored can lose its answer (a
 * timeout, a 5xx after processing). The push looks the order up again after any failed create, so
 * the order ends as created or unchanged — once in Extend, never on Rejected records.
 */
describe('a create whose answer is lost or refused as a duplicate is looked up again (WorkflowExecute)', () => {
	let office: BackOffice;
	const order = capturedOrders().find((o) => o.status === 'processing')!;
	const external = String(order.number ?? order.id);

	beforeEach(async () => {
		office = await startOffice(skusOf([order]));
	});
	afterEach(async () => {
		await office.close();
	});

	async function pushOnce(options: Record<string, unknown>) {
		const result = await runPush(office, { resource: 'order', items: [order], parameters: { options } });
		expect(result.error).toBeUndefined();
		const { results, nextCursor, rejected } = outputsOf(result);
		expect(rejected).toEqual([]);
		expect(office.data.orders().filter((o) => o.orderNumberExternal === external)).toHaveLength(1);
		expect(nextCursor).toHaveLength(1);
		return results;
	}

	it('a 503 after Extend stored the order, then the retry meets the order: unchanged, one order, nothing rejected', async () => {
		office.faults.add({ kind: 'status', status: 503, times: 1, afterProcessing: true, match: { method: 'POST' } });
		const results = await pushOnce({ retries: 2 });
		expect(results).toEqual([expect.objectContaining({ outcome: 'unchanged', orderNumberExternal: external, extendOrderNumber: office.data.orders()[0].orderNumber })]);
		expect(countRequests(office, 'POST', /customerorders/i)).toBe(2);
	});

	it('a 503 after Extend stored the order and no retry left: created, found by the lookup after the failure', async () => {
		office.faults.add({ kind: 'status', status: 503, times: 1, afterProcessing: true, match: { method: 'POST' } });
		const results = await pushOnce({ retries: 0 });
		expect(results).toEqual([expect.objectContaining({ outcome: 'created', extendOrderNumber: office.data.orders()[0].orderNumber })]);
		expect(countRequests(office, 'GET', /customerorders/i)).toBe(2);
	});

	it('a timeout after Extend stored the order: created, not sent twice', async () => {
		office.faults.add({ kind: 'hang', times: 1, afterProcessing: true, match: { method: 'POST' } });
		const results = await pushOnce({ retries: 0, timeoutSeconds: 1 });
		expect(results).toEqual([expect.objectContaining({ outcome: 'created' })]);
		expect(countRequests(office, 'POST', /customerorders/i)).toBe(1);
	});

	it.each([400, 409, 422])('a lost answer whose retry is refused as a duplicate with HTTP %s naming the external number: unchanged, never rejected', async (status) => {
		office.faults.add({ kind: 'status', status: 500, times: 1, afterProcessing: true, match: { method: 'POST' } });
		office.faults.add({ kind: 'duplicate', status, times: 1 });
		const results = await pushOnce({ retries: 2 });
		expect(results).toEqual([expect.objectContaining({ outcome: 'unchanged', extendOrderNumber: office.data.orders()[0].orderNumber })]);
	});

	it('a refusal of an order that is not in Extend stays a refusal, after one more lookup', async () => {
		const unknown = structuredClone(order);
		unknown.id = 7002;
		unknown.number = '7002';
		(unknown.line_items as Array<Record<string, unknown>>)[0].sku = 'NOT-IN-EXTEND';
		const result = await runPush(office, { resource: 'order', items: [unknown] });
		expect(result.error).toBeUndefined();
		expect(outputsOf(result).rejected).toEqual([expect.objectContaining({ record: 'order 7002', extendStatus: 422 })]);
		expect(countRequests(office, 'GET', /customerorders/i)).toBe(2);
		expect(office.data.orders()).toHaveLength(0);
	});

	it('a 5xx on every try of an order that is not there fails the run, hands on no cursor', async () => {
		office.faults.add({ kind: 'status', status: 503, match: { method: 'POST' } });
		const result = await runPush(office, { resource: 'order', items: [order], parameters: { options: { retries: 1 } } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Extend Commerce had a server error \(HTTP 503\)/);
		expect(outputsOf(result).nextCursor).toEqual([]);
	});
});
