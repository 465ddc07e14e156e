import type { IDataObject } from 'n8n-workflow';

import { WEBHOOK_DETAIL_FIELDS, WEBHOOK_EVENTS, type WebhookEvent } from './api';

/**
 * Extend's webhook envelope (documented example):
 * `{ Id, Attempt, Properties: { NotificationId }, Notifications: [ { Action, Details } ] }`.
 * Extend promises models only grow, so unknown fields are kept, and names are matched without
 * regard to case (the REST samples are camelCase, the envelope PascalCase).
 */
export interface WebhookNotification extends IDataObject {
	event: string;
	details: IDataObject;
	envelopeId: string;
	attempt: number;
	notificationId: string;
	/** Position of the notification in the envelope, for envelopes that carry several. */
	index: number;
}

export interface ParsedEnvelope {
	envelopeId: string;
	attempt: number;
	notificationId: string;
	notifications: WebhookNotification[];
}

function field(object: unknown, name: string): unknown {
	if (!object || typeof object !== 'object' || Array.isArray(object)) return undefined;
	const record = object as Record<string, unknown>;
	if (name in record) return record[name];
	const lower = name.toLowerCase();
	const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
	return key === undefined ? undefined : record[key];
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function isDocumentedEvent(event: string): event is WebhookEvent {
	return (WEBHOOK_EVENTS as readonly string[]).includes(event);
}

/** The envelope's notifications, or what is wrong with a body that is not an envelope. */
export function parseEnvelope(body: unknown): { ok: true; envelope: ParsedEnvelope } | { ok: false; problem: string } {
	const notifications = field(body, 'Notifications');
	if (!Array.isArray(notifications)) return { ok: false, problem: 'The body has no Notifications list' };
	const envelopeId = text(field(body, 'Id'));
	const attemptValue = Number(field(body, 'Attempt'));
	const attempt = Number.isFinite(attemptValue) && attemptValue > 0 ? attemptValue : 1;
	// NotificationId is what stays the same across redeliveries; an envelope without one falls back to its Id.
	const notificationId = text(field(field(body, 'Properties'), 'NotificationId')) || envelopeId;
	const parsed = notifications.map((notification, index): WebhookNotification => {
		const details = field(notification, 'Details');
		return {
			event: text(field(notification, 'Action')),
			details: details && typeof details === 'object' && !Array.isArray(details) ? (details as IDataObject) : {},
			envelopeId,
			attempt,
			notificationId,
			index,
		};
	});
	return { ok: true, envelope: { envelopeId, attempt, notificationId, notifications: parsed } };
}

/** The Details field a workflow needs from each event it acts on (ASSUMED names: WEBHOOK_DETAIL_FIELDS). */
const NEEDED_DETAIL: Partial<Record<WebhookEvent, string>> = {
	AvailableBalanceChanged: WEBHOOK_DETAIL_FIELDS.productNumber,
	BalanceChanged: WEBHOOK_DETAIL_FIELDS.productNumber,
	OrderPicked: WEBHOOK_DETAIL_FIELDS.orderNumber,
	OrderCancelled: WEBHOOK_DETAIL_FIELDS.orderNumber,
	OrderReserved: WEBHOOK_DETAIL_FIELDS.orderNumber,
	OrderDeliveryDataChanged: WEBHOOK_DETAIL_FIELDS.orderNumber,
	OrderCreated: WEBHOOK_DETAIL_FIELDS.orderNumber,
};

/**
 * What is wrong with a notification the workflow could not act on: its event's Details field is
 * missing or empty (matched exactly as the templates read it). Names the field and what it got.
 */
export function unreadableNotification(notification: WebhookNotification): string | undefined {
	const name = isDocumentedEvent(notification.event) ? NEEDED_DETAIL[notification.event] : undefined;
	if (name === undefined) return undefined;
	const value = notification.details[name];
	if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return undefined;
	const got = value === undefined ? 'it is missing' : `it is ${JSON.stringify(value)}`;
	const keys = Object.keys(notification.details);
	return `Notification ${notification.index + 1} (${notification.event}) has no Details.${name}: ${got} (Details holds ${keys.length > 0 ? keys.join(', ') : 'nothing'})`;
}
