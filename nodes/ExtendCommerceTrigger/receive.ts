import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { WEBHOOK_SIGNATURE_HEADER } from '../shared/extend-commerce/api';
import { parseEnvelope, unreadableNotification } from '../shared/extend-commerce/webhookEnvelope';
import { verifySignature } from '../shared/extend-commerce/webhookSignature';

const WEBHOOK_CREDENTIAL = 'extendCommerceWebhookApi';

/** Answers the call itself (no run is started): refusals and malformed calls. */
function answer(context: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

/** The body exactly as it arrived: the signature covers these bytes, not a re-serialised object. */
async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject();
	if (request.rawBody === undefined && typeof request.readRawBody === 'function') await request.readRawBody();
	return request.rawBody ?? undefined;
}

async function webhookSecret(context: IWebhookFunctions): Promise<string | undefined> {
	if (!context.getNode().credentials?.[WEBHOOK_CREDENTIAL]) return undefined;
	const credential = await context.getCredentials(WEBHOOK_CREDENTIAL);
	const secret = String(credential.secret ?? '');
	return secret === '' ? undefined : secret;
}

/**
 * One call from Extend: check the signature, keep the chosen events, start one run whose items
 * are the envelope's notifications. n8n answers when the run has finished (responseMode
 * lastNode): 200 after the store was written, 500 when the run failed, so Extend retries.
 */
export async function receiveNotification(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = await webhookSecret(this);
	const raw = await rawBodyOf(this);
	if (secret !== undefined) {
		if (raw === undefined) {
			this.logger.warn('Extend Commerce Trigger: the request body could not be read as sent, so its signature cannot be checked; the call was refused.');
			return answer(this, 401, { message: 'The signature could not be checked' });
		}
		const check = verifySignature(raw, secret, this.getHeaderData()[WEBHOOK_SIGNATURE_HEADER]);
		if (!check.ok) {
			this.logger.warn(`Extend Commerce Trigger: refused a call whose ${WEBHOOK_SIGNATURE_HEADER} header is ${check.reason}.`);
			return answer(this, 401, { message: check.reason === 'missing' ? `The ${WEBHOOK_SIGNATURE_HEADER} header is missing` : `The ${WEBHOOK_SIGNATURE_HEADER} header does not match the body` });
		}
	}

	let body: unknown = this.getBodyData();
	if (raw !== undefined) {
		try {
			body = JSON.parse(raw.toString('utf8')) as unknown;
		} catch {
			return answer(this, 400, { message: 'The body is not JSON' });
		}
	}
	const parsed = parseEnvelope(body);
	if (!parsed.ok) return answer(this, 400, { message: parsed.problem });

	const events = this.getNodeParameter('events', []) as string[];
	const wanted = parsed.envelope.notifications.filter((notification) => events.includes(notification.event));
	if (wanted.length === 0) return { webhookResponse: { received: true, started: false } };

	// A notification the workflow cannot act on is refused as a whole, naming the field: nothing is
	// half done, and Extend keeps it (and shows the answer) instead of it vanishing in a green run.
	const problems = wanted.map(unreadableNotification).filter((problem): problem is string => problem !== undefined);
	if (problems.length > 0) {
		this.logger.warn(`Extend Commerce Trigger: refused notification ${parsed.envelope.notificationId}: ${problems.join('; ')}`);
		return answer(this, 422, { message: problems.join('; ') });
	}
	// No memory of delivered notifications: a redelivery (same NotificationId, higher Attempt) comes
	// after an answer that was not 2xx or got lost, so it runs again; the writes are idempotent.
	return { workflowData: [wanted.map((notification) => ({ json: notification }))] };
}
