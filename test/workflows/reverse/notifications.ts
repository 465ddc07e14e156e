import { randomUUID } from 'node:crypto';

import { signatureOf } from '../../../nodes/shared/extend-commerce/webhookSignature';

export interface Envelope {
	Id: string;
	Attempt: number;
	Properties: { NotificationId: string };
	Notifications: Array<{ Action: string; Details: Record<string, unknown> }>;
}

/** An envelope in the shape of Extend's documented example. */
export function envelopeOf(notifications: Envelope['Notifications'], notificationId: string = randomUUID(), attempt = 1): Envelope {
	return { Id: randomUUID().replace(/-/g, ''), Attempt: attempt, Properties: { NotificationId: notificationId }, Notifications: notifications };
}

export interface Delivery {
	status: number;
	text: string;
}

/** Posts an envelope the way Extend does: JSON body, signed with the secret unless told otherwise. */
export async function deliver(url: string, envelope: unknown, signing: { secret?: string; header?: string } = {}): Promise<Delivery> {
	const body = JSON.stringify(envelope);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signing.header !== undefined) headers['ms-signature'] = signing.header;
	else if (signing.secret !== undefined) headers['ms-signature'] = signatureOf(body, signing.secret);
	const response = await fetch(url, { method: 'POST', headers, body });
	return { status: response.status, text: await response.text() };
}
