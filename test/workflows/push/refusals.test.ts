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

	it('an unknown SKU goes to Rejected records with Extend\'s message, reason first, with n8n\'s default On Error; the run goes on', async () => {
		const items = [orders[0], unknownSku(), orders[1]];
		const result = await runPush(office, { resource: 'order', items });
		expect(result.error).toBeUndefined();
		const { results, nextCursor, rejected } = outputsOf(result);
		expect(results.map((r) => r.outcome)).toEqual(['created', 'created']);
		expect(rejected).toHaveLength(1);
		expect(Object.keys(rejected[0])[0]).toBe('reason');
		expect(rejected[0]).toMatchObject({
			outcome: 'rejected',
			record: 'order 7001',
			wooCommerceId: '7001',
			orderNumberExternal: '7001',
			extendStatus: 422,
			extendMessage: expect.stringContaining('NOT-IN-EXTEND'),
			inputItem: 1,
		});
		expect(result.items(PUSH, 2)[0].pairedItem).toEqual({ item: 1 });
		expect(String(rejected[0].reason)).toMatch(/^Extend Commerce refused the record \(HTTP 422\): .*NOT-IN-EXTEND/);
		expect(String(rejected[0].reason)).not.toMatch(/\.\./);
		// Every record was accepted or refused: the cursor moves on and counts the refusal.
		expect(nextCursor).toHaveLength(1);
		expect(nextCursor[0]).toMatchObject({ created: 2, rejected: 1 });
		expect(office.data.orders()).toHaveLength(2);
		expect(everythingSaid(result)).not.toMatch(new RegExp(officeSecrets(office).join('|')));
	});

	it('an order line without SKU is refused before any request, saying Extend order rows refer to products by SKU', async () => {
		const order = unknownSku();
		(order.line_items as IDataObject[])[0].sku = '';
		const result = await runPush(office, { resource: 'order', items: [order] });
		expect(result.error).toBeUndefined();
		const refused = outputsOf(result).rejected[0];
		expect(refused.reason).toMatch(/^order 7001: line_items\[0\]\.sku is empty/);
		expect(refused.fix).toMatch(/Extend order rows refer to products by SKU/);
		expect(office.log.filter((entry) => entry.method === 'POST')).toHaveLength(0);
	});

	it.each(['continueRegularOutput', 'continueErrorOutput'] as const)('with On Error "%s" chosen by the user, refused records still go to Rejected records, never to Results or n8n\'s error output', async (onError) => {
		const result = await runPush(office, { resource: 'order', items: [orders[0], unknownSku()], onError });
		expect(result.error).toBeUndefined();
		expect(result.items(PUSH, 0).map((item) => item.json.outcome)).toEqual(['created']);
		expect(outputsOf(result).rejected.map((r) => r.record)).toEqual(['order 7001']);
		expect(result.items(PUSH, 3)).toEqual([]);
	});
});
