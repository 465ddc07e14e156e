/**
 * A plain RFC 5849 OAuth 1.0a query-string signer, written for the tests independently of the
 * sandbox's verifier (standard percent-encoding, parameters sorted by encoded key then value).
 */
import { createHmac, randomBytes } from 'node:crypto';

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SignOptions {
	method?: string;
	key: string;
	secret: string;
	algorithm?: 'HMAC-SHA1' | 'HMAC-SHA256';
	timestamp?: number;
	nonce?: string;
}

/** Returns the URL with oauth_* parameters appended (existing query order kept). */
export function signUrl(url: string, o: SignOptions): string {
	const u = new URL(url);
	const algorithm = o.algorithm ?? 'HMAC-SHA256';
	const oauth: Array<[string, string]> = [
		['oauth_consumer_key', o.key],
		['oauth_nonce', o.nonce ?? randomBytes(16).toString('hex')],
		['oauth_signature_method', algorithm],
		['oauth_timestamp', String(o.timestamp ?? Math.floor(Date.now() / 1000))],
	];
	const params: Array<[string, string]> = [...u.searchParams.entries(), ...oauth];
	const normalized = params
		.map(([k, v]) => [enc(k), enc(v)] as const)
		.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
		.map(([k, v]) => `${k}=${v}`)
		.join('&');
	const base = `${(o.method ?? 'GET').toUpperCase()}&${enc(`${u.origin}${u.pathname}`)}&${enc(normalized)}`;
	const sig = createHmac(algorithm === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${enc(o.secret)}&`).update(base).digest('base64');
	const extra = [...oauth, ['oauth_signature', sig]].map(([k, v]) => `${k}=${enc(v)}`).join('&');
	return `${u.origin}${u.pathname}${u.search ? `${u.search}&` : '?'}${extra}`;
}
