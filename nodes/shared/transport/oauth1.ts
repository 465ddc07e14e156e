import { createHmac } from 'crypto';

export type OAuthSignatureMethod = 'HMAC-SHA1' | 'HMAC-SHA256';

/** RFC 3986 percent-encoding, as PHP's rawurlencode and OAuth 1.0a require. */
export function percentEncode(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The signature base string: METHOD & encoded base URL & encoded sorted parameters. */
export function signatureBaseString(method: string, url: string, params: Array<[string, string]>): string {
	const parsed = new URL(url);
	const defaultPort = (parsed.protocol === 'https:' && parsed.port === '443') || (parsed.protocol === 'http:' && parsed.port === '80');
	const host = parsed.hostname.toLowerCase() + (parsed.port && !defaultPort ? `:${parsed.port}` : '');
	const baseUrl = `${parsed.protocol.toLowerCase()}//${host}${parsed.pathname}`;
	const encoded = params
		.map(([key, value]) => [percentEncode(key), percentEncode(value)] as const)
		.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
	const normalised = encoded.map(([key, value]) => `${key}=${value}`).join('&');
	return [method.toUpperCase(), percentEncode(baseUrl), percentEncode(normalised)].join('&');
}

export function oauthSignature(baseString: string, consumerSecret: string, method: OAuthSignatureMethod): string {
	const algorithm = method === 'HMAC-SHA1' ? 'sha1' : 'sha256';
	// One-legged OAuth: there is no token secret, so the key is the consumer secret and "&".
	return createHmac(algorithm, `${percentEncode(consumerSecret)}&`).update(baseString).digest('base64');
}

export interface OAuthRequestParts {
	method: string;
	url: string;
	consumerKey: string;
	consumerSecret: string;
	signatureMethod?: OAuthSignatureMethod;
	nonce: string;
	timestamp: number;
}

/** The URL with oauth_* query parameters appended and signed over every query parameter. */
export function signUrl(parts: OAuthRequestParts): string {
	const url = new URL(parts.url);
	const signatureMethod = parts.signatureMethod ?? 'HMAC-SHA256';
	const oauthParams: Array<[string, string]> = [
		['oauth_consumer_key', parts.consumerKey],
		['oauth_nonce', parts.nonce],
		['oauth_signature_method', signatureMethod],
		['oauth_timestamp', String(parts.timestamp)],
		['oauth_version', '1.0'],
	];
	const queryParams = [...url.searchParams.entries()].filter(([key]) => !key.startsWith('oauth_'));
	const base = signatureBaseString(parts.method, parts.url, [...queryParams, ...oauthParams]);
	const signature = oauthSignature(base, parts.consumerSecret, signatureMethod);
	const query = [...queryParams, ...oauthParams, ['oauth_signature', signature] as [string, string]]
		.map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
		.join('&');
	return `${url.origin}${url.pathname}?${query}`;
}
