import { WEBHOOK_EVENTS } from '../../../../../nodes/shared/extend-commerce/api';
import { isDocumentedEvent, parseEnvelope } from '../../../../../nodes/shared/extend-commerce/webhookEnvelope';

describe('Extend webhook envelope', () => {
	it("reads Extend's documented example into one item per notification", () => {
		const parsed = parseEnvelope({
			Id: '13f078bcbe2243dc997655ed2cdbbdf7',
			Attempt: 2,
			Properties: { NotificationId: '90c6340b-1' },
			Notifications: [
				{ Action: 'ProductCreated', Details: { ProductNumber: 'TB-S-001' } },
				{ Action: 'AvailableBalanceChanged', Details: { ProductNumber: 'TB-S-002', Warehouse: 'MAIN' } },
			],
		});
		expect(parsed).toEqual({
			ok: true,
			envelope: {
				envelopeId: '13f078bcbe2243dc997655ed2cdbbdf7',
				attempt: 2,
				notificationId: '90c6340b-1',
				notifications: [
					{ event: 'ProductCreated', details: { ProductNumber: 'TB-S-001' }, envelopeId: '13f078bcbe2243dc997655ed2cdbbdf7', attempt: 2, notificationId: '90c6340b-1', index: 0 },
					{ event: 'AvailableBalanceChanged', details: { ProductNumber: 'TB-S-002', Warehouse: 'MAIN' }, envelopeId: '13f078bcbe2243dc997655ed2cdbbdf7', attempt: 2, notificationId: '90c6340b-1', index: 1 },
				],
			},
		});
	});

	it('matches names without regard to case and falls back to the envelope Id without a NotificationId', () => {
		const parsed = parseEnvelope({ id: 'E1', notifications: [{ action: 'OrderPicked', details: { OrderNumber: '1001' } }] });
		expect(parsed.ok && parsed.envelope.notifications[0]).toMatchObject({ event: 'OrderPicked', notificationId: 'E1', attempt: 1 });
	});

	it.each([[null], ['text'], [{}], [{ Notifications: 'x' }], [[]]])('names what is wrong with %j', (body) => {
		expect(parseEnvelope(body)).toEqual({ ok: false, problem: 'The body has no Notifications list' });
	});

	it('knows the 18 documented events and nothing else', () => {
		expect(WEBHOOK_EVENTS).toHaveLength(18);
		expect(WEBHOOK_EVENTS.every(isDocumentedEvent)).toBe(true);
		expect(isDocumentedEvent('orderpicked')).toBe(false);
	});
});
