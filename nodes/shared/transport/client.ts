import type { HttpRequest, HttpResponse, HttpSend } from './http';
import { redactSecrets, redactUrl } from './redact';
import type { Attempt, RetryHooks, RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, withRetries } from './retry';
import { describeNetworkFailure, TransportError } from './errors';

export interface JsonResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	body: T;
}

/** Turns a final non-2xx answer into the error a user reads; each API supplies its own words. */
export type DescribeHttpFailure = (response: HttpResponse, request: HttpRequest) => TransportError;

export interface ClientOptions {
	send: HttpSend;
	/** e.g. 'The WooCommerce store', 'Extend Commerce'. */
	serviceName: string;
	describeHttpFailure: DescribeHttpFailure;
	/** Values that must never appear in an error (keys, secrets, tokens). */
	secrets: Array<string | undefined>;
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
	retryHooks?: RetryHooks;
	skipTlsVerification?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

function networkCode(error: unknown): { code: string; message: string } {
	const candidate = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown; context?: { data?: { code?: unknown } }; httpCode?: unknown };
	// n8n 1.x wraps a network failure in a NodeApiError whose httpCode is the system code (ECONNABORTED, …).
	const wrapped = typeof candidate?.httpCode === 'string' && !/^\d+$/.test(candidate.httpCode) ? candidate.httpCode : undefined;
	const code = candidate?.code ?? candidate?.cause?.code ?? candidate?.context?.data?.code ?? wrapped;
	const message = typeof candidate?.message === 'string' ? candidate.message : String(error);
	if (typeof code === 'string') return { code, message };
	// n8n 1.x's legacy request helper throws its own NodeSslError for any certificate problem.
	if ((error as { name?: unknown })?.name === 'NodeSslError') return { code: 'CERT_UNTRUSTED', message };
	if (/timeout/i.test(message)) return { code: 'TIMEOUT', message };
	return { code: 'UNKNOWN', message };
}

function isJsonContent(response: HttpResponse): boolean {
	return /json/i.test(response.headers['content-type'] ?? '') || /^\s*[[{]/.test(response.text);
}

/**
 * The single request path of both nodes and both credential tests: retries, redirect and
 * content checks, error wording and secret redaction happen here and nowhere else.
 */
export class JsonClient {
	private readonly timeoutMs: number;

	constructor(private readonly options: ClientOptions) {
		this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	}

	/** Removes this client's secrets from any text that may reach a user. */
	redact(text: string): string {
		return redactSecrets(text, this.options.secrets);
	}

	/** The raw final answer (after retries) of one request; throws only when no answer came. */
	async exchange(request: Omit<HttpRequest, 'timeoutMs'> & { timeoutMs?: number }): Promise<HttpResponse> {
		const full: HttpRequest = {
			timeoutMs: this.timeoutMs,
			skipTlsVerification: this.options.skipTlsVerification,
			...request,
		};
		const attempt = await withRetries(() => this.tryOnce(full), this.options.retryPolicy ?? DEFAULT_RETRY_POLICY, this.options.retryHooks);
		if (attempt.kind === 'network') {
			const error = describeNetworkFailure(attempt, this.options.serviceName, this.where(full.url));
			throw this.sanitised(error);
		}
		return attempt.response;
	}

	/** A JSON request: 2xx with a JSON body, or a TransportError in the user's words. */
	async json<T = unknown>(request: Omit<HttpRequest, 'timeoutMs'> & { timeoutMs?: number }): Promise<JsonResponse<T>> {
		const response = await this.exchange(request);
		const where = this.where(request.url);
		if (response.status >= 300 && response.status < 400) {
			const location = response.headers.location ? redactUrl(response.headers.location) : 'another address';
			throw this.sanitised(
				new TransportError(
					'redirect',
					`${this.options.serviceName} redirected the request to ${location.split('?')[0]} (${where})`,
					'Redirects are not followed, so that keys never travel to another address. Put the final address (often https:// or with/without www) into the credential\'s URL.',
					response.status,
				),
			);
		}
		if (response.status < 200 || response.status >= 300) {
			throw this.sanitised(this.options.describeHttpFailure(response, { ...request, timeoutMs: this.timeoutMs }));
		}
		if (!isJsonContent(response)) {
			throw this.sanitised(notJsonError(this.options.serviceName, response, where));
		}
		try {
			return { status: response.status, headers: response.headers, body: (response.json !== undefined ? response.json : JSON.parse(response.text)) as T };
		} catch {
			throw this.sanitised(
				new TransportError(
					'not-json',
					`${this.options.serviceName} sent a broken JSON answer (${where})`,
					'The answer was cut off or mixed with other output (a PHP warning or a plugin printing text). Check the server\'s error log; try again later.',
					response.status,
				),
			);
		}
	}

	/** Like `json`, but hands a TransportError back instead of throwing it, for callers that expect some failures. */
	async tryJson<T = unknown>(request: Omit<HttpRequest, 'timeoutMs'> & { timeoutMs?: number }): Promise<{ ok: true; response: JsonResponse<T> } | { ok: false; error: TransportError }> {
		return await this.json<T>(request).then(
			(response) => ({ ok: true as const, response }),
			(error: unknown) => {
				if (error instanceof TransportError) return { ok: false as const, error };
				return Promise.reject(error);
			},
		);
	}

	private async tryOnce(request: HttpRequest): Promise<Attempt> {
		try {
			const response = await this.options.send(request);
			// A 2xx JSON body that is cut off is a transfer failure worth another try; a whole one is kept parsed.
			if (response.status >= 200 && response.status < 300 && /json/i.test(response.headers['content-type'] ?? '')) {
				const parsed = parseJson(response.text);
				if (parsed === NOT_JSON) return { kind: 'network', code: 'INCOMPLETE', message: 'truncated JSON' };
				response.json = parsed;
			}
			return { kind: 'response', response };
		} catch (error) {
			return { kind: 'network', ...networkCode(error) };
		}
	}

	private where(url: string): string {
		try {
			const parsed = new URL(url);
			return `${parsed.origin}${parsed.pathname}`;
		} catch {
			return 'an invalid URL';
		}
	}

	private sanitised(error: TransportError): TransportError {
		return new TransportError(error.kind, this.redact(error.message), this.redact(error.description), error.status, error.code);
	}
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
	if (text.trim() === '') return NOT_JSON;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return NOT_JSON;
	}
}

function notJsonError(service: string, response: HttpResponse, where: string): TransportError {
	const contentType = response.headers['content-type'] ?? 'no content type';
	const title = /<title>([^<]{0,120})<\/title>/i.exec(response.text)?.[1]?.trim();
	const looksLikeChallenge = /captcha|cloudflare|challenge|access denied|firewall|security check|just a moment/i.test(response.text);
	const what = title ? `an HTML page titled "${title}"` : `${contentType} instead of JSON`;
	return new TransportError(
		'not-json',
		`${service} answered with ${what} (${where})`,
		looksLikeChallenge
			? 'A firewall, CAPTCHA or bot protection answered instead of the API. Allow n8n\'s IP address or the /wp-json/ path in the firewall or security plugin.'
			: 'Something other than the API answered: check that the URL points at the right site and that no maintenance page, cache or security plugin intercepts /wp-json/.',
		response.status,
	);
}
