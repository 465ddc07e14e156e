/**
 * Webhooks as Extend documents them: a callback URL with a secret and chosen events; each
 * notification is POSTed as `{ Id, Attempt, Properties: { NotificationId }, Notifications: [ {
 * Action, Details } ] }`, signed in `ms-signature: sha256=<HEX>` (HMAC-SHA256 of the exact raw
 * body with the secret, upper-case hex as in Extend's example). Extend's retry policy is not
 * published; the sandbox retries until a 2xx with a growing `Attempt`, a bounded number of times,
 * the delay doubling from `firstDelayMs`.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { DOCUMENTED_SIGNATURE_HEADER, DOCUMENTED_SIGNATURE_PREFIX, DOCUMENTED_WEBHOOK_EVENTS as WEBHOOK_EVENTS } from './documented';
import { utc } from './http';
import type { Notice } from './notices';
import type { Store } from './store';
import type { WebhookDelivery, WebhookEvent, WebhookRegistration, WebhookRegistrationInput } from './types';

export const DEFAULT_WEBHOOK_RETRY = { maxAttempts: 5, firstDelayMs: 1000, timeoutMs: 5000 };
const DELIVERY_LOG_LIMIT = 10_000;

/** `sha256=` + upper-case hex HMAC-SHA256 of the raw body, keyed with the secret (UTF-8). */
export function signBody(secret: string, rawBody: string | Buffer): string {
	return `${DOCUMENTED_SIGNATURE_PREFIX}${createHmac('sha256', secret).update(rawBody).digest('hex').toUpperCase()}`;
}

export function checkRegistration(input: WebhookRegistrationInput): void {
	let url: URL | undefined;
	try {
		url = new URL(input.url);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new Error(`The callback URL must be an http(s) URL, got '${String(input.url).slice(0, 80)}'`);
	if (typeof input.secret !== 'string' || input.secret === '') throw new Error('The webhook needs a secret (it signs every notification)');
	const unknown = (input.events ?? []).filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
	if (unknown.length > 0) throw new Error(`Unknown webhook event(s) ${unknown.join(', ')}; use ${WEBHOOK_EVENTS.join(', ')}`);
}

export class Webhooks {
	readonly deliveries: WebhookDelivery[] = [];
	private readonly inFlight = new Set<Promise<void>>();
	private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
	private closed = false;

	constructor(
		private readonly store: Store,
		private readonly clock: () => Date,
		readonly retry: { maxAttempts: number; firstDelayMs: number; timeoutMs: number },
	) {}

	/** Adds a registration; one with the same callback URL is replaced (keeping its id). */
	register(input: WebhookRegistrationInput): WebhookRegistration {
		checkRegistration(input);
		const existing = [...this.store.webhooks.values()].find((w) => w.url === input.url);
		const registration: WebhookRegistration = {
			id: existing?.id ?? `wh_${randomBytes(6).toString('hex')}`,
			url: input.url,
			secret: input.secret,
			events: input.events && input.events.length > 0 ? [...input.events] : [...WEBHOOK_EVENTS],
			name: input.name ?? input.url,
			warehouse: input.warehouse ?? null,
			active: input.active ?? true,
		};
		this.store.putWebhook(registration);
		return registration;
	}

	list(): WebhookRegistration[] {
		return [...this.store.webhooks.values()];
	}

	remove(id: string): void {
		if (this.store.webhooks.has(id)) this.store.removeWebhook(id);
	}

	clear(): void {
		for (const id of [...this.store.webhooks.keys()]) this.store.removeWebhook(id);
	}

	/** Sends each notice to every active registration that subscribes to it. */
	notify(notices: Notice[]): void {
		if (this.closed) return;
		for (const notice of notices) {
			for (const registration of this.store.webhooks.values()) {
				if (!registration.active || !registration.events.includes(notice.action)) continue;
				const warehouse = notice.details.Warehouse;
				if (registration.warehouse !== null && warehouse !== undefined && warehouse !== registration.warehouse) continue;
				const run = this.deliver(registration, notice.action, notice.details).finally(() => this.inFlight.delete(run));
				this.inFlight.add(run);
			}
		}
	}

	async settled(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
	}

	close(): void {
		this.closed = true;
		for (const entry of this.timers) {
			clearTimeout(entry.timer);
			entry.resolve();
		}
		this.timers.clear();
	}

	private async deliver(registration: WebhookRegistration, action: WebhookEvent, details: Record<string, string>): Promise<void> {
		const id = randomUUID().replace(/-/g, '');
		const notificationId = randomUUID();
		for (let attempt = 1; attempt <= this.retry.maxAttempts && !this.closed; attempt++) {
			const body = JSON.stringify({ Id: id, Attempt: attempt, Properties: { NotificationId: notificationId }, Notifications: [{ Action: action, Details: details }] });
			const signature = signBody(registration.secret, body);
			const entry: WebhookDelivery = { registrationId: registration.id, url: registration.url, id, notificationId, action, details, attempt, body, signature, status: 0, at: utc(this.clock()) };
			try {
				const response = await fetch(registration.url, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', [DOCUMENTED_SIGNATURE_HEADER]: signature },
					body,
					signal: AbortSignal.timeout(this.retry.timeoutMs),
				});
				entry.status = response.status;
				await response.arrayBuffer().catch(() => undefined);
			} catch (error) {
				entry.error = (error as Error).message;
			}
			this.record(entry);
			if (entry.status >= 200 && entry.status < 300) return;
			if (attempt < this.retry.maxAttempts) await this.wait(this.retry.firstDelayMs * 2 ** (attempt - 1));
		}
	}

	private record(entry: WebhookDelivery): void {
		this.deliveries.push(entry);
		if (this.deliveries.length > DELIVERY_LOG_LIMIT) this.deliveries.splice(0, this.deliveries.length - DELIVERY_LOG_LIMIT);
	}

	private wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const entry = { timer: setTimeout(() => {
				this.timers.delete(entry);
				resolve();
			}, ms), resolve };
			this.timers.add(entry);
		});
	}
}
