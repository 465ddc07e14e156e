import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { RATE_LIMIT_HEADERS } from './api';
import { assumptionsFrom, type ExtendAssumptions } from './assumptions';
import {
	EXTEND_API_CREDENTIAL,
	EXTEND_CLIENT_CREDENTIALS_TYPE,
	authModeOf,
	extendSecretsOf,
	ignoresSslIssues,
	normaliseExtendApiUrl,
	type ExtendCredentialType,
} from './auth';
import { describeExtendFailure, isNotFound, isRecordRefusal } from './errors';
import { JsonClient, type JsonResponse } from '../transport/client';
import { TransportError } from '../transport/errors';
import { sendWithCredential, type HttpRequest, type HttpSend } from '../transport/http';
import { settle } from '../transport/settle';
import { pacedSend, RateLimitPacer, type PacerState } from '../transport/pacer';
import { withQuery, type QueryValue } from '../transport/query';
import type { RetryHooks, RetryPolicy } from '../transport/retry';

export const EXTEND_SERVICE_NAME = 'Extend Commerce';

/** Retries for Extend: a rate-limit window can be a minute long, so a retry may wait that long. */
export const EXTEND_RETRY_POLICY: RetryPolicy = { attempts: 7, baseDelayMs: 500, maxDelayMs: 65_000 };

export const EXTEND_TIMEOUT_MS = 60_000;

export type Query = Record<string, QueryValue>;

export interface ExtendClientSettings {
	/** The API base, path prefix kept (see normaliseExtendApiUrl). */
	apiUrl: string;
	/** What a user checks when the credential is refused, e.g. "the API key in the Extend Commerce Back Office credential". */
	credentialHint: string;
	secrets: string[];
	ignoreSslIssues?: boolean;
	/** The credential's API Adjustments (JSON text or object), laid over the defaults; empty = none. */
	apiAdjustments?: unknown;
}

export interface ExtendClientOptions {
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
	retryHooks?: RetryHooks;
	/** Shared by every request of this client; one is made when not given. */
	pacer?: RateLimitPacer;
}

/**
 * Extend Commerce's REST API over the shared transport: paths relative to the API URL (names from
 * EXTEND_PATHS), JSON in and out, authentication by the credential, pacing from the rate-limit
 * headers, retries, error wording and secret redaction. Errors are TransportErrors; a
 * record-level refusal carries code `record_refused` and Extend's words in `detail`.
 */
export class ExtendClient {
	readonly http: JsonClient;

	readonly pacer: RateLimitPacer;

	readonly apiUrl: string;

	/** What this client assumes about the tenant's API: every reader and writer takes names from here. */
	readonly assumptions: ExtendAssumptions;

	constructor(send: HttpSend, readonly settings: ExtendClientSettings, options: ExtendClientOptions = {}) {
		this.apiUrl = normaliseExtendApiUrl(settings.apiUrl);
		if (!this.apiUrl) {
			throw new TransportError(
				'invalid-input',
				`The API URL "${settings.apiUrl}" of the Extend Commerce Back Office credential is not a web address.`,
				'Enter the REST API\'s base address as Extend gave it, e.g. https://api.example.com/tenant/api.',
			);
		}
		this.assumptions = assumptionsFrom(settings.apiAdjustments);
		const { remaining, reset } = this.assumptions.rateLimit;
		this.pacer = options.pacer ?? new RateLimitPacer({ headers: { limit: RATE_LIMIT_HEADERS.limit, remaining, reset } });
		this.http = new JsonClient({
			send: pacedSend(send, this.pacer, (request) => rateLimitBucket(request, this.apiUrl)),
			serviceName: EXTEND_SERVICE_NAME,
			describeHttpFailure: (response, request) => describeExtendFailure(response, request, settings.credentialHint, this.assumptions.errors.recordLevelStatuses),
			secrets: settings.secrets,
			skipTlsVerification: settings.ignoreSslIssues === true,
			timeoutMs: options.timeoutMs ?? EXTEND_TIMEOUT_MS,
			retryPolicy: options.retryPolicy ?? EXTEND_RETRY_POLICY,
			retryHooks: options.retryHooks,
		});
	}

	/** The absolute URL of a path under the API URL. */
	url(path: string, query: Query = {}): string {
		return withQuery(`${this.apiUrl}/${path.replace(/^\/+/, '')}`, query);
	}

	async get<T = unknown>(path: string, query: Query = {}): Promise<T> {
		return (await this.request<T>('GET', path, { query })).body;
	}

	/** GET that answers undefined when Extend says the record does not exist (a JSON 404). */
	async getIfExists<T = unknown>(path: string, query: Query = {}): Promise<T | undefined> {
		const read = await settle(async () => await this.get<T>(path, query));
		if (read.ok) return read.value;
		if (isNotFound(read.error)) return undefined;
		throw read.error;
	}

	async post<T = unknown>(path: string, body: unknown, query: Query = {}): Promise<T> {
		return (await this.request<T>('POST', path, { query, body })).body;
	}

	async put<T = unknown>(path: string, body: unknown, query: Query = {}): Promise<T> {
		return (await this.request<T>('PUT', path, { query, body })).body;
	}

	/** A write with the verb the tenant uses for it (see ExtendAssumptions). */
	async send<T = unknown>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown): Promise<T> {
		return (await this.request<T>(method, path, { body })).body;
	}

	/** The full answer (status and headers too). A 2xx without a body reads as null. */
	async request<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: { query?: Query; body?: unknown } = {}): Promise<JsonResponse<T>> {
		const url = this.url(path, options.query);
		const headers = options.body === undefined ? undefined : { 'Content-Type': 'application/json' };
		const response = await this.http.exchange({ method, url, body: options.body, headers });
		if (response.status >= 200 && response.status < 300 && response.text.trim() === '') {
			return { status: response.status, headers: response.headers, body: null as T };
		}
		const read = await settle(async () => this.http.read<T>(response, { method, url, body: options.body, headers }));
		if (read.ok) return read.value;
		// Only a write can be refused for its record; a refused read (a lookup) concerns every record.
		if (method === 'GET' && isRecordRefusal(read.error)) {
			const refusal = read.error;
			throw new TransportError(
				'http',
				refusal.message.replace(/^Extend Commerce refused the record/, `Extend Commerce refused the read ${method} ${path.split('?')[0]}`),
				'The lookups this package makes rest on assumptions about Extend\'s API (docs/extend-commerce-api.md); tell the package\'s maintainers what Extend answered.',
				refusal.status,
				'read_refused',
				refusal.detail,
			);
		}
		throw read.error;
	}

	redact(text: string): string {
		return this.http.redact(text);
	}

	pacerState(): PacerState {
		return this.pacer.state();
	}
}

/**
 * The bucket a request is paced in: Extend documents three rate-limit groups but not which methods
 * are in which, so each method on each resource starts on its own (e.g. "GET customerorders",
 * "POST customerorders", "PUT products"), and the pacer merges buckets once a 429 shows they
 * share a limit (RateLimitPacer).
 */
export function rateLimitBucket(request: Pick<HttpRequest, 'method' | 'url'>, apiUrl: string): string {
	const path = request.url.startsWith(apiUrl) ? request.url.slice(apiUrl.length) : request.url;
	const resource = path.replace(/^\/+/, '').split(/[/?#]/)[0].toLowerCase();
	return `${request.method} ${resource}`;
}

/** The secrets, the credential hint and the adjusted assumptions of an Extend credential. */
export function extendSettingsFrom(type: ExtendCredentialType, credentials: ICredentialDataDecryptedObject): ExtendClientSettings {
	const hint =
		type === EXTEND_CLIENT_CREDENTIALS_TYPE
			? 'the Client ID, Client Secret and Access Token URL in the Extend Commerce Back Office OAuth2 credential'
			: { apiKey: 'the header name and API key', bearer: 'the bearer token', basic: 'the user and password' }[authModeOf(credentials)] +
				' in the Extend Commerce Back Office credential';
	return {
		apiUrl: String(credentials.apiUrl ?? ''),
		credentialHint: hint,
		secrets: extendSecretsOf(credentials),
		ignoreSslIssues: ignoresSslIssues(credentials),
		apiAdjustments: credentials.apiAdjustments,
	};
}

/** The credential type the node's Authentication parameter chose. */
export function extendCredentialTypeOf(context: IExecuteFunctions, itemIndex = 0): ExtendCredentialType {
	const chosen = context.getNodeParameter('authentication', itemIndex, EXTEND_API_CREDENTIAL) as string;
	return chosen === EXTEND_CLIENT_CREDENTIALS_TYPE ? EXTEND_CLIENT_CREDENTIALS_TYPE : EXTEND_API_CREDENTIAL;
}

const clients = new WeakMap<IExecuteFunctions, Map<string, ExtendClient>>();

/**
 * The Extend client of a node execution: auth from the credential chosen by the node's
 * Authentication parameter, one rate-limit pacer for all its requests. Calls with the same
 * context share one client (and so one pacer), whichever item they are for.
 */
export async function extendClientFor(context: IExecuteFunctions, itemIndex = 0, options: Omit<ExtendClientOptions, 'pacer'> = {}): Promise<ExtendClient> {
	const type = extendCredentialTypeOf(context, itemIndex);
	const cache = clients.get(context) ?? new Map<string, ExtendClient>();
	clients.set(context, cache);
	const cached = cache.get(type);
	if (cached) return cached;
	const credentials = await context.getCredentials(type, itemIndex);
	const send = type === EXTEND_CLIENT_CREDENTIALS_TYPE ? sendWithOAuth2(context, type) : sendWithCredential(context, type, credentials);
	const client = new ExtendClient(send, extendSettingsFrom(type, credentials), options);
	cache.set(type, client);
	return client;
}

/**
 * Sends through n8n's OAuth2 handling (it fetches the client-credentials token and signs the
 * request). A token URL that refuses the client becomes a 401 answer, so the user reads the
 * same words as for any refused credential.
 */
function sendWithOAuth2(context: IExecuteFunctions, type: string): HttpSend {
	const send = sendWithCredential(context, type, undefined, { renewOn401: true });
	return async (request) => {
		const sent = await settle(async () => await send(request));
		if (sent.ok) return sent.value;
		if (tokenRefused(sent.error)) {
			return { status: 401, headers: { 'content-type': 'application/json' }, text: JSON.stringify({ message: 'the token URL did not issue a token for this client' }) };
		}
		throw sent.error;
	};
}

/**
 * Whether n8n's OAuth2 handling failed because the token URL refused the client (not because it
 * could not be reached): the OAuth client's EAUTH code, wherever n8n's wrapping puts it.
 */
function tokenRefused(error: unknown): boolean {
	const candidate = error as { message?: unknown; code?: unknown; httpCode?: unknown; cause?: { code?: unknown; cause?: { code?: unknown } } };
	const codes = [candidate?.code, candidate?.httpCode, candidate?.cause?.code, candidate?.cause?.cause?.code].filter((code) => typeof code === 'string');
	if (codes.includes('EAUTH')) return true;
	const message = typeof candidate?.message === 'string' ? candidate.message : '';
	return codes.length === 0 && /access token|client authentication/i.test(message);
}
