import type { Attempt } from './retry';

export type FailureKind =
	| 'unreachable'
	| 'timeout'
	| 'tls'
	| 'redirect'
	| 'not-json'
	| 'http'
	| 'invalid-input';

/**
 * A request that failed for good. `message` is written for the person who runs the shop or the
 * workflow; `description` adds what to do. Both are already free of secrets.
 */
export class TransportError extends Error {
	constructor(
		readonly kind: FailureKind,
		message: string,
		readonly description: string,
		readonly status?: number,
		/** The API's own error code, e.g. woocommerce_rest_authentication_error. */
		readonly code?: string,
		/** The API's own words, when they matter on their own (a refused record's reason). */
		readonly detail?: string,
	) {
		super(message);
		this.name = 'TransportError';
	}
}

export interface ApiErrorBody {
	code?: string;
	message?: string;
	data?: unknown;
	error?: { code?: string; message?: string; details?: unknown };
}

/** The API's own code and message from an error body, for either API. */
export function readApiError(text: string): { code?: string; message?: string } {
	try {
		const body = JSON.parse(text) as ApiErrorBody;
		if (body?.error && typeof body.error === 'object') return { code: body.error.code, message: body.error.message };
		return { code: body?.code, message: body?.message };
	} catch {
		return {};
	}
}

/** Words for a network failure: what happened and where, without the query string. */
export function describeNetworkFailure(attempt: Extract<Attempt, { kind: 'network' }>, service: string, where: string): TransportError {
	const code = attempt.code;
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'TIMEOUT') {
		return new TransportError('timeout', `${service} did not answer in time (${where})`, 'The server may be overloaded or a firewall drops the connection. Try again later, or raise the timeout.');
	}
	if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code) || /certificate/i.test(attempt.message)) {
		return new TransportError('tls', `The TLS certificate of ${service} is not trusted (${where})`, 'Install a valid certificate on the server, or turn on "Ignore SSL Issues" in the credential if you trust this server.');
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return new TransportError('unreachable', `The host of ${service} cannot be found (${where})`, 'Check the URL in the credential: the domain name does not resolve.');
	}
	if (code === 'ECONNREFUSED') {
		return new TransportError('unreachable', `${service} refused the connection (${where})`, 'Check the URL and port in the credential and that the server is running.');
	}
	if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_NETWORK') {
		return new TransportError('unreachable', `The connection to ${service} was cut off (${where})`, 'The server or a proxy closed the connection. Try again later.');
	}
	if (code === 'INCOMPLETE') {
		return new TransportError('not-json', `${service} sent an incomplete answer (${where})`, 'The answer stopped mid-way, which usually means the server ran out of time or memory. Try again later, or fetch fewer records per page.');
	}
	return new TransportError('unreachable', `${service} cannot be reached (${where}): ${code}`, 'Check the URL in the credential and the network between n8n and the server.');
}
