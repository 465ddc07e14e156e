/**
 * The Extend Commerce Trigger served the way n8n serves a live webhook (test/harness/run-webhook.ts):
 * signature check before anything runs, event filter, one item per notification, redeliveries.
 */
import type { INode } from 'n8n-workflow';

import { serveWebhook, type ServedWebhook } from '../../harness/run-webhook';
import { testCredential, type WorkflowJson } from '../../harness/run-workflow';
import { deliver, envelopeOf } from './notifications';

const SECRET = 'whsec-åäö-0123456789';

function triggerWorkflow(events: string[], withSecret = true): WorkflowJson {
	const trigger: INode = {
		id: 'trigger-1',
		name: 'Extend Commerce Trigger',
		type: 'n8n-nodes-extend-commerce.extendCommerceTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'b7f3c2d4-0000-4000-8000-000000000001',
		parameters: { events },
		...(withSecret ? { credentials: { extendCommerceWebhookApi: { id: 'w1', name: 'Extend webhook' } } } : {}),
	};
	const after: INode = { id: 'noop-1', name: 'After', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [200, 0], parameters: {} };
	return {
		id: `trigger-test-${Math.random().toString(36).slice(2)}`,
		nodes: [trigger, after],
		connections: { 'Extend Commerce Trigger': { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
	};
}

const credentials = { extendCommerceWebhookApi: { secret: SECRET } };
const balance = (productNumber: string) => ({ Action: 'AvailableBalanceChanged', Details: { ProductNumber: productNumber, Warehouse: 'MAIN' } });

describe('Extend Commerce Trigger', () => {
	let served: ServedWebhook;
	afterEach(async () => served?.close());

	it('starts a run for a correctly signed call, with one item per notification', async () => {
		served = await serveWebhook(triggerWorkflow(['AvailableBalanceChanged', 'OrderPicked']), { credentials });
		const envelope = envelopeOf([balance('TB-S-001'), { Action: 'OrderPicked', Details: { OrderNumber: '5001' } }, balance('TB-S-002')], 'n-1', 1);
		const delivery = await deliver(served.url, envelope, { secret: SECRET });
		expect(delivery.status).toBe(200);
		const [run] = await served.settled(1);
		expect(run.status).toBe('success');
		expect(run.items('After').map((item) => item.json)).toEqual([
			{ event: 'AvailableBalanceChanged', details: { ProductNumber: 'TB-S-001', Warehouse: 'MAIN' }, envelopeId: envelope.Id, attempt: 1, notificationId: 'n-1', index: 0 },
			{ event: 'OrderPicked', details: { OrderNumber: '5001' }, envelopeId: envelope.Id, attempt: 1, notificationId: 'n-1', index: 1 },
			{ event: 'AvailableBalanceChanged', details: { ProductNumber: 'TB-S-002', Warehouse: 'MAIN' }, envelopeId: envelope.Id, attempt: 1, notificationId: 'n-1', index: 2 },
		]);
	});

	it.each([
		['unsigned', {}],
		['signed with another secret', { secret: 'not-the-secret' }],
		['signed over another body', { header: 'sha256=25FB6994568A75CD233E04BA1C653AF1BF476041CC543AF04F82CAAC482C201A' }],
		['with a malformed signature', { header: 'sha256=xyz' }],
	])('refuses a call %s with 401 and starts nothing', async (_case, signing) => {
		served = await serveWebhook(triggerWorkflow(['AvailableBalanceChanged']), { credentials });
		const delivery = await deliver(served.url, envelopeOf([balance('TB-S-001')]), signing);
		expect(delivery.status).toBe(401);
		expect(delivery.text).not.toContain(SECRET);
		expect(served.runs).toHaveLength(0);
		expect(served.calls).toEqual([{ status: 401, body: '', started: false }]);
	});

	it('checks the bytes as sent: the same JSON re-spaced after signing is refused', async () => {
		served = await serveWebhook(triggerWorkflow(['AvailableBalanceChanged']), { credentials });
		const envelope = envelopeOf([balance('TB-S-001')]);
		const signedBody = JSON.stringify(envelope, null, 2);
		const { signatureOf } = await import('../../../nodes/shared/extend-commerce/webhookSignature');
		const response = await fetch(served.url, { method: 'POST', headers: { 'content-type': 'application/json', 'ms-signature': signatureOf(signedBody, SECRET) }, body: JSON.stringify(envelope) });
		expect(response.status).toBe(401);
		expect(served.runs).toHaveLength(0);
	});

	it('accepts unsigned calls when no secret is set (Extend calls checking optional)', async () => {
		served = await serveWebhook(triggerWorkflow(['AvailableBalanceChanged'], false));
		expect((await deliver(served.url, envelopeOf([balance('TB-S-001')]))).status).toBe(200);
		const [run] = await served.settled(1);
		expect(run.items('After')).toHaveLength(1);
	});

	it('answers 200 without a run for events it was not asked for, and keeps only the chosen ones', async () => {
		served = await serveWebhook(triggerWorkflow(['OrderPicked']), { credentials });
		const ignored = await deliver(served.url, envelopeOf([balance('TB-S-001')]), { secret: SECRET });
		expect(ignored.status).toBe(200);
		expect(served.runs).toHaveLength(0);
		await deliver(served.url, envelopeOf([balance('TB-S-001'), { Action: 'OrderPicked', Details: { OrderNumber: '7' } }]), { secret: SECRET });
		const [run] = await served.settled(1);
		expect(run.items('After').map((item) => item.json.event)).toEqual(['OrderPicked']);
	});

	it('answers only when the run has finished: 200 without a body (not the text "firstEntryJson")', async () => {
		served = await serveWebhook(triggerWorkflow(['AvailableBalanceChanged']), { credentials });
		const delivery = await deliver(served.url, envelopeOf([balance('TB-S-001')], 'n-answer', 1), { secret: SECRET });
		expect([delivery.status, delivery.text]).toEqual([200, '']);
		expect(served.calls).toEqual([{ status: 200, body: '', started: true }]);
		// The run is over by the time the answer arrives.
		expect((await served.runs[0]).status).toBe('success');
	});

	it('starts a run again for a notification Extend delivers again: nothing remembers a delivery as done', async () => {
		served = await serveWebhook(triggerWorkflow(['AvailableBalanceChanged']), { credentials });
		const first = envelopeOf([balance('TB-S-001')], 'redelivered-1', 1);
		expect((await deliver(served.url, first, { secret: SECRET })).status).toBe(200);
		const again = await deliver(served.url, { ...first, Id: 'another-envelope', Attempt: 2 }, { secret: SECRET });
		expect(again.status).toBe(200);
		const runs = await served.settled(2);
		expect(runs.map((run) => [run.items('After')[0].json.notificationId, run.items('After')[0].json.attempt])).toEqual([
			['redelivered-1', 1],
			['redelivered-1', 2],
		]);
	});

	it.each([
		['AvailableBalanceChanged without ProductNumber', { Action: 'AvailableBalanceChanged', Details: { productNumber: 'TB-S-001', Warehouse: 'MAIN' } }, 'Notification 2 (AvailableBalanceChanged) has no Details.ProductNumber: it is missing (Details holds productNumber, Warehouse)'],
		['OrderCancelled with an empty OrderNumber', { Action: 'OrderCancelled', Details: { OrderNumber: '' } }, 'Notification 2 (OrderCancelled) has no Details.OrderNumber: it is "" (Details holds OrderNumber)'],
	])('refuses a call with %s with 422 naming the field, and starts nothing', async (_case, notification, message) => {
		served = await serveWebhook(triggerWorkflow(['AvailableBalanceChanged', 'OrderCancelled']), { credentials });
		const delivery = await deliver(served.url, envelopeOf([balance('TB-S-001'), notification]), { secret: SECRET });
		expect(delivery.status).toBe(422);
		expect(JSON.parse(delivery.text)).toEqual({ message });
		expect(served.runs).toHaveLength(0);
	});

	it('answers 400 without a run to a signed body that is not an Extend envelope', async () => {
		served = await serveWebhook(triggerWorkflow(['AvailableBalanceChanged']), { credentials });
		const delivery = await deliver(served.url, { hello: 'world' }, { secret: SECRET });
		expect(delivery.status).toBe(400);
		expect(delivery.text).toContain('Notifications');
		expect(served.runs).toHaveLength(0);
	});
});

describe('Extend Commerce Webhook API credential test', () => {
	it.each([
		['', 'Error', /Enter the Secret/],
		[' padded ', 'Error', /starts or ends with a space/],
		['whsec-1', 'OK', /checked against it when it arrives/],
	])('secret %j → %s', async (secret, status, message) => {
		const result = await testCredential('n8n-nodes-extend-commerce.extendCommerceTrigger', 'extendCommerceWebhookApi', { secret });
		expect(result.status).toBe(status);
		expect(result.message).toMatch(message);
	});
});
