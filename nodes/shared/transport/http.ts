import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
} from 'n8n-workflow';

/** One HTTP exchange as the rest of the package sees it, whoever sends it. */
export interface HttpRequest {
	method: IHttpRequestMethods;
	/** Absolute URL with its query string already encoded: what is signed is what is sent. */
	url: string;
	headers?: Record<string, string>;
	body?: unknown;
	timeoutMs: number;
	skipTlsVerification?: boolean;
}

export interface HttpResponse {
	status: number;
	/** Header names in lower case. */
	headers: Record<string, string>;
	/** The body as text; JSON is parsed by the caller so that a non-JSON answer can be named. */
	text: string;
	/** The parsed JSON body, once the client has parsed it (each body is parsed once). */
	json?: unknown;
}

export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

/** Adds auth to a request; the credential classes' `authenticate` uses the same functions. */
export type Authenticate = (options: IHttpRequestOptions) => Promise<IHttpRequestOptions> | IHttpRequestOptions;

function toN8nOptions(request: HttpRequest): IHttpRequestOptions {
	return {
		method: request.method,
		url: request.url,
		headers: { Accept: 'application/json', ...request.headers },
		body: request.body as IHttpRequestOptions['body'],
		// A string body (a form) is sent as it is; anything else as JSON.
		json: request.body !== undefined && typeof request.body !== 'string',
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Redirects are reported, never followed: a followed URL could carry keys to another host.
		disableFollowRedirect: true,
		timeout: request.timeoutMs,
		skipSslCertificateValidation: request.skipTlsVerification === true,
	};
}

function normaliseHeaders(raw: unknown): Record<string, string> {
	const headers: Record<string, string> = {};
	if (!raw || typeof raw !== 'object') return headers;
	for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
		if (value === undefined || value === null) continue;
		headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return headers;
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	if (body instanceof Uint8Array) return new TextDecoder().decode(body);
	return JSON.stringify(body);
}

interface FullResponse {
	statusCode?: number;
	status?: number;
	headers?: unknown;
	body?: unknown;
}

function fromFullResponse(response: FullResponse): HttpResponse {
	return {
		status: response.statusCode ?? response.status ?? 0,
		headers: normaliseHeaders(response.headers),
		text: bodyText(response.body),
	};
}

/**
 * Sends through n8n's `httpRequestWithAuthentication`, so the credential class adds the auth.
 * Given the credential's data the node already read, n8n skips reading and decrypting it again
 * for every request (a database read per page in a real n8n).
 */
export function sendWithCredential(context: IExecuteFunctions, credentialType: string, data?: ICredentialDataDecryptedObject): HttpSend {
	const additional = data ? { credentialsDecrypted: { id: '', name: credentialType, type: credentialType, data } } : undefined;
	return async (request) => {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			toN8nOptions(request),
			additional,
		)) as FullResponse;
		return fromFullResponse(response);
	};
}

/**
 * Sends from a credential test, where n8n offers only its legacy `request` helper and the
 * credential's data: the same `authenticate` function the credential class uses is applied here.
 */
export function sendFromCredentialTest(context: ICredentialTestFunctions, authenticate: Authenticate): HttpSend {
	return async (request) => {
		const options = await authenticate(toN8nOptions(request));
		const response = (await context.helpers.request({
			method: options.method,
			uri: options.url,
			headers: options.headers,
			body: options.body,
			json: options.json,
			auth: options.auth ? { user: options.auth.username, pass: options.auth.password } : undefined,
			resolveWithFullResponse: true,
			simple: false,
			followRedirect: false,
			followAllRedirects: false,
			timeout: options.timeout,
			rejectUnauthorized: !options.skipSslCertificateValidation,
		})) as FullResponse;
		return fromFullResponse(response);
	};
}
