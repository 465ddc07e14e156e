import type { IDataObject } from 'n8n-workflow';

import type { BackOffice } from '../../../sandbox/extend-commerce';
import { capturedOrders, everythingSaid, outputsOf, PUSH, runPush, skusOf, startOffice } from './helpers';
import { officeSecrets } from '../../support/sync-env';

describe('refused records (WorkflowExecute against the sandbox back office)', () => {
	let office: BackOffice;
	const orders = capturedOrders().filter((o) => o.status === 'processing' || o.status === 'completed');
	const unknownSku = (): IDataObject => {
		const order = structuredClone(orders[0]);
		order.id = 7001;
		order.number = '7001';
		(order.line_items as IDataObject[])[0].sku = 'NOT-IN-EXTEND';
		return order;
	};

	beforeEach(async () => {
		office = await startOffice(skusOf(orders));
	});
	afterEach(async () => {
		await office.close();
	});

	it('an unknown SKU goes to the error output with Extend\'s message, reason first, and the run goes on', async () => {
		const items = [orders[0], unknownSku(), orders[1]];
		const result = await runPush(office, { resource: 'order', items, onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const { results, nextCursor, errors } = outputsOf(result);
		expect(results.map((r) => r.outcome)).toEqual(['created', 'created']);
		expect(errors).toHaveLength(1);
		// Exactly {message, error}: what n8n 1.123 and 2.x both route; nothing merged in front of the reason.
		expect(Object.keys(errors[0].json)).toEqual(['message', 'error']);
		const refused = errors[0].json.error as IDataObject;
		expect(errors[0].json.message).toBe(refused.reason);
		expect(Object.keys(refused)[0]).toBe('reason');
		expect(refused).toMatchObject({
			outcome: 'rejected',
			record: 'order 7001',
			wooCommerceId: '7001',
			orderNumberExternal: '7001',
			extendStatus: 422,
			extendMessage: expect.stringContaining('NOT-IN-EXTEND'),
			inputItem: 1,
		});
		expect(String(refused.reason)).toMatch(/^Extend Commerce refused the record \(HTTP 422\): .*NOT-IN-EXTEND/);
		expect(String(refused.reason)).not.toMatch(/\.\./);
		// Every record was accepted or refused: the cursor moves on and counts the refusal.
		expect(nextCursor).toHaveLength(1);
		expect(nextCursor[0]).toMatchObject({ created: 2, rejected: 1 });
		expect(office.data.orders()).toHaveLength(2);
	});

	it('an order line without SKU is refused before any request, saying Extend order rows refer to products by SKU', async () => {
		const order = unknownSku();
		(order.line_items as IDataObject[])[0].sku = '';
		const result = await runPush(office, { resource: 'order', items: [order], onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const refused = outputsOf(result).errors[0].json.error as IDataObject;
		expect(refused.reason).toMatch(/^order 7001: line_items\[0\]\.sku is empty/);
		expect(refused.fix).toMatch(/Extend order rows refer to products by SKU/);
		expect(office.log.filter((entry) => entry.method === 'POST')).toHaveLength(0);
	});

	it('shown among the results with "Continue (regular output)", refused records keep their input item', async () => {
		const result = await runPush(office, { resource: 'order', items: [orders[0], unknownSku()], onError: 'continueRegularOutput' });
		expect(result.error).toBeUndefined();
		const items = result.items(PUSH, 0);
		expect(items.map((item) => item.json.outcome)).toEqual(['created', 'rejected']);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	it('without "continue", the others are still sent, then the run fails naming the refused order, and hands on no cursor', async () => {
		const result = await runPush(office, { resource: 'order', items: [unknownSku(), orders[0]] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^order 7001: Extend Commerce refused the record \(HTTP 422\)/);
		expect((result.error as unknown as { description: string }).description).toMatch(/Continue \(using error output\)/);
		expect(outputsOf(result).nextCursor).toHaveLength(0);
		expect(office.data.orders()).toHaveLength(1);
		expect(everythingSaid(result)).not.toMatch(new RegExp(officeSecrets(office).join('|')));
	});
});
