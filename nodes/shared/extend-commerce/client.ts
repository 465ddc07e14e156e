import type { CanonicalResource, RecordResult } from '../mapping/canonical';
import { JsonClient, type ClientOptions } from '../transport/client';
import { readApiError, TransportError } from '../transport/errors';
import type { HttpResponse, HttpSend } from '../transport/http';

export interface ExtendCommerceSettings {
	apiUrl: string;
	accessToken: string;
	ignoreSslIssues?: boolean;
}

export interface ConnectionRecord {
	name: string;
	externalSystem: string;
	storeUrl: string;
	orderStart: string;
	warehouse: string | null;
	companyGroup: string | null;
}

export interface PendingWindow {
	executionId: string;
	windowStart: string;
	windowEnd: string;
	registeredAt?: string;
	expiresAt?: string;
}

export interface SyncState {
	resource: CanonicalResource;
	committedCursor: string | null;
	pending: PendingWindow[];
	updatedAt?: string;
}

export interface CommitResult {
	committedCursor: string | null;
	advanced: boolean;
}

export const SERVICE_NAME = 'Extend Commerce';

export function normaliseApiUrl(url: string): string {
	let text = (url ?? '').trim();
	if (text && !/^[a-z]+:\/\//i.test(text)) text = `https://${text}`;
	return text.replace(/\/+$/, '').replace(/\/api\/v1$/i, '');
}

/** The words a user reads for each failing answer of the back office. */
export function describeExtendCommerceFailure(response: HttpResponse): TransportError {
	const { code, message } = readApiError(response.text);
	const said = message ? `: ${message}` : '';
	switch (response.status) {
		case 401:
			return new TransportError('http', `Extend Commerce did not accept the access token${said}`, 'Check the Access Token in the Extend Commerce API credential; create a new token in Extend Commerce if it was revoked.', 401, code);
		case 403:
			return new TransportError('http', `The access token may not do this${said}`, 'Give the token write access to connections, products and orders in Extend Commerce.', 403, code);
		case 404:
			return new TransportError('http', code === 'connection_not_found' ? `Extend Commerce does not know this connection${said}` : `Extend Commerce has no such endpoint${said}`, code === 'connection_not_found' ? 'The push node registers the connection before pushing; check the connection Name.' : 'Check the API URL in the Extend Commerce API credential: it should be the back office address without /api/v1.', 404, code);
		case 409:
			return new TransportError('http', `Extend Commerce refused the sync-state change${said}`, 'Another execution changed the sync state first. Nothing was skipped; the next run fetches from the committed cursor.', 409, code);
		case 413:
			return new TransportError('http', `The batch is too large for Extend Commerce${said}`, 'Lower the Batch Size of the push node.', 413, code);
		case 429:
			return new TransportError('http', `Extend Commerce kept rate-limiting the requests${said}`, 'Lower the number of batches in flight, or run the workflow less often.', 429, code);
		default:
			if (response.status >= 500) {
				return new TransportError('http', `Extend Commerce had a server error (HTTP ${response.status})${said}`, 'The back office failed; nothing was committed. The next run retries.', response.status, code);
			}
			return new TransportError('http', `Extend Commerce rejected the request (HTTP ${response.status})${said}`, 'See the message for the field to fix.', response.status, code);
	}
}

/** Typed calls of the back-office contract (docs/extend-commerce-api.md) over the shared transport. */
export class ExtendCommerceClient {
	readonly http: JsonClient;

	private readonly base: string;

	constructor(send: HttpSend, settings: ExtendCommerceSettings, options: Partial<ClientOptions> = {}) {
		this.base = `${normaliseApiUrl(settings.apiUrl)}/api/v1`;
		this.http = new JsonClient({
			send,
			serviceName: SERVICE_NAME,
			describeHttpFailure: describeExtendCommerceFailure,
			secrets: [settings.accessToken],
			skipTlsVerification: settings.ignoreSslIssues === true,
			...options,
		});
	}

	async ping(): Promise<{ service?: string; apiVersion?: string; tenant?: string }> {
		return (await this.http.json<{ service?: string; apiVersion?: string; tenant?: string }>({ method: 'GET', url: `${this.base}/ping` })).body;
	}

	async putConnection(key: string, connection: ConnectionRecord): Promise<void> {
		await this.http.json({ method: 'PUT', url: `${this.base}/connections/${key}`, body: connection, headers: { 'Content-Type': 'application/json' } });
	}

	async upsertBatch(key: string, resource: CanonicalResource, records: unknown[], idempotencyKey: string): Promise<RecordResult[]> {
		return (await this.pushBatch(key, resource, records, idempotencyKey)).results;
	}

	/** Like `upsertBatch`, and says whether the back office replayed a stored answer (Idempotency-Replayed: true) instead of applying the batch. */
	async pushBatch(key: string, resource: CanonicalResource, records: unknown[], idempotencyKey: string): Promise<{ results: RecordResult[]; replayed: boolean }> {
		const response = await this.http.json<{ results?: unknown }>({
			method: 'POST',
			url: `${this.base}/connections/${key}/${resource}/batch`,
			body: { records },
			headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
		});
		const results = response.body?.results;
		if (!Array.isArray(results)) {
			throw new TransportError('http', `${SERVICE_NAME} answered a ${resource} batch without a results list`, 'The back office does not follow the batch contract (docs/extend-commerce-api.md); check the API URL in the Extend Commerce API credential.', response.status);
		}
		return { results: results as RecordResult[], replayed: /^true$/i.test(response.headers['idempotency-replayed'] ?? '') };
	}

	async getSyncState(key: string, resource: CanonicalResource): Promise<SyncState> {
		return (await this.http.json<SyncState>({ method: 'GET', url: this.syncStateUrl(key, resource) })).body;
	}

	/** The sync-state address of a connection and resource. */
	syncStateUrl(key: string, resource: CanonicalResource): string {
		return `${this.base}/connections/${key}/sync-state/${resource}`;
	}

	async registerPending(key: string, resource: CanonicalResource, window: PendingWindow): Promise<void> {
		await this.http.json({
			method: 'POST',
			url: `${this.base}/connections/${key}/sync-state/${resource}/pending`,
			body: window,
			headers: { 'Content-Type': 'application/json' },
		});
	}

	/** Commits an execution's pending window; undefined when the execution registered none (or it expired). */
	async commit(key: string, resource: CanonicalResource, executionId: string): Promise<CommitResult | undefined> {
		const result = await this.http.tryJson<CommitResult>({
			method: 'POST',
			url: `${this.base}/connections/${key}/sync-state/${resource}/commit`,
			body: { executionId },
			headers: { 'Content-Type': 'application/json' },
		});
		if (result.ok) return result.response.body;
		if (result.error.status === 409 && result.error.code === 'pending_window_not_found') return undefined;
		throw result.error;
	}

	async resetSyncState(key: string, resource: CanonicalResource, cursor: string | null): Promise<SyncState> {
		return (
			await this.http.json<SyncState>({
				method: 'PUT',
				url: `${this.base}/connections/${key}/sync-state/${resource}`,
				body: { cursor },
				headers: { 'Content-Type': 'application/json' },
			})
		).body;
	}
}

