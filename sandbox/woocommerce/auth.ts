/**
 * WooCommerce REST authentication (`WC_REST_Authentication`), reproduced behaviour by behaviour:
 *
 * - It only runs when the raw REQUEST_URI contains `<prefix>/wc/` or `<prefix>/wc-` (prefix
 *   `wp-json`). A `?rest_route=/wc/v3/...` request therefore never authenticates with API keys:
 *   on a store with plain permalinks every key-authenticated request ends as the endpoint's 401
 *   `woocommerce_rest_cannot_view` (what real plain-permalink stores answer).
 * - Over HTTPS (is_ssl()) it tries "basic" first: `consumer_key`/`consumer_secret` in the query
 *   win over the Authorization header. An unknown key is silently ignored (the endpoint then says
 *   401 cannot_view); a known key with a wrong secret sets "Consumer secret is invalid.".
 * - Then OAuth 1.0a (one-legged), over HTTP or HTTPS: parameters from the query, a form body and
 *   an `Authorization: OAuth ...` header; base string `METHOD&rawurlencode(home+path)&` + the
 *   sorted (strcmp on keys), twice-encoded `k=v` pairs joined with `%26`; key `consumer_secret&`;
 *   HMAC-SHA1 or HMAC-SHA256; timestamp within ±15 min of the store clock; nonces remembered per
 *   key in a map keyed by timestamp (so a second request in the same second overwrites the first
 *   nonce — a faithful quirk).
 * - After authentication, `rest_pre_dispatch` checks the key's read/write permission by method.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type PhpArray, type PhpValue, phpUrldecode, rawurlencode } from './phpQuery';
import type { ApiKey } from './types';

export interface WpError {
	code: string;
	message: string;
	status: number;
	data?: Record<string, unknown>;
}

export interface KeyRecord {
	key: ApiKey;
	nonces: Map<number, string>;
}

export interface AuthInput {
	method: string;
	isSsl: boolean;
	basicOverHttp: boolean;
	rawUri: string;
	homeUrl: string;
	get: PhpArray;
	post: PhpArray | null;
	authorization: string | undefined;
	nowSec: number;
}

export interface AuthResult {
	key: KeyRecord | null;
	error: WpError | null;
}

const err = (message: string, code = 'woocommerce_rest_authentication_error'): WpError => ({ code, message, status: 401 });

export function isRequestToRestApi(rawUri: string): boolean {
	return rawUri.includes('wp-json/wc/') || rawUri.includes('wp-json/wc-');
}

function getStr(a: PhpArray, k: string): string {
	const v = a.get(k);
	return typeof v === 'string' ? v : '';
}

function basicCredentials(header: string | undefined): [string, string] | null {
	if (!header || !/^basic\s+/i.test(header)) return null;
	const decoded = Buffer.from(header.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
	const i = decoded.indexOf(':');
	if (i < 0) return null;
	return [decoded.slice(0, i), decoded.slice(i + 1)];
}

/** `parse_header()`: oauth_* pairs of an `Authorization: OAuth ...` header, urldecoded. */
export function parseOAuthHeader(header: string | undefined): PhpArray {
	const out: PhpArray = new Map();
	if (!header || !header.startsWith('OAuth ')) return out;
	const re = /(oauth_[a-z_-]*)=(:?"([^"]*)"|([^,]*))/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(header))) out.set(m[1], phpUrldecode(m[3] ? m[3] : (m[4] ?? '')));
	return out;
}

function hashEquals(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

function encodeDeep(v: PhpValue): PhpValue {
	if (v instanceof Map) {
		const out: PhpArray = new Map();
		for (const [k, x] of v) out.set(k, encodeDeep(x));
		return out;
	}
	return rawurlencode(v);
}

function joinWithEquals(params: PhpArray, acc: string[] = [], prefix = ''): string[] {
	for (const [k0, v] of params) {
		const k = prefix ? `${prefix}%5B${k0}%5D` : k0;
		if (v instanceof Map) joinWithEquals(v, acc, k);
		else acc.push(rawurlencode(`${k}=${v}`));
	}
	return acc;
}

/** The OAuth 1.0a base string exactly as WooCommerce builds it. */
export function oauthBaseString(method: string, baseUrl: string, params: PhpArray): string {
	const entries = [...params].filter(([k]) => k !== 'oauth_signature');
	entries.sort(([a], [b]) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
	const normalised: PhpArray = new Map(entries.map(([k, v]) => [rawurlencode(k), encodeDeep(v)]));
	return `${method.toUpperCase()}&${rawurlencode(baseUrl)}&${joinWithEquals(normalised).join('%26')}`;
}

export function oauthSign(baseString: string, secret: string, method: 'HMAC-SHA1' | 'HMAC-SHA256'): string {
	return createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${secret}&`).update(baseString).digest('base64');
}

export function authenticate(input: AuthInput, keys: Map<string, KeyRecord>): AuthResult {
	if (!isRequestToRestApi(input.rawUri)) return { key: null, error: null };
	let error: WpError | null = null;

	if (input.isSsl || input.basicOverHttp) {
		let ck = '';
		let cs = '';
		if (getStr(input.get, 'consumer_key') && getStr(input.get, 'consumer_secret')) {
			ck = getStr(input.get, 'consumer_key');
			cs = getStr(input.get, 'consumer_secret');
		}
		const basic = basicCredentials(input.authorization);
		if (!ck && basic && basic[0] && basic[1]) [ck, cs] = basic;
		if (ck && cs) {
			const rec = keys.get(ck.trim());
			if (rec) {
				if (hashEquals(rec.key.consumerSecret, cs)) return { key: rec, error: null };
				error = err('Consumer secret is invalid.');
			}
		}
	}

	// OAuth 1.0a
	const params: PhpArray = new Map([...input.get, ...(input.post ?? new Map())]);
	for (const [k, v] of parseOAuthHeader(input.authorization)) params.set(k, v);
	const required = ['oauth_consumer_key', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method'];
	const missing = required.filter((k) => !getStr(params, k) || getStr(params, k) === '0');
	if (missing.length === required.length) return { key: null, error };
	if (missing.length) {
		const msg = `Missing OAuth parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
		return { key: null, error: err(msg, 'woocommerce_rest_authentication_missing_parameter') };
	}
	const rec = keys.get(getStr(params, 'oauth_consumer_key').trim());
	if (!rec) return { key: null, error: err('Consumer key is invalid.') };

	const path = input.rawUri.split('?')[0];
	const baseUrl = `${input.homeUrl}${path}`;
	const consumerSignature = decodeURIComponentSafe(getStr(params, 'oauth_signature').replace(/ /g, '+'));
	const baseString = oauthBaseString(input.method, baseUrl, params);
	const sigMethod = getStr(params, 'oauth_signature_method');
	if (sigMethod !== 'HMAC-SHA1' && sigMethod !== 'HMAC-SHA256') {
		return { key: null, error: err('Invalid signature - signature method is invalid.') };
	}
	const expected = oauthSign(baseString, rec.key.consumerSecret, sigMethod);
	if (!hashEquals(expected, consumerSignature)) return { key: null, error: err('Invalid signature - provided signature does not match.') };

	const window = 15 * 60;
	const ts = Number(getStr(params, 'oauth_timestamp'));
	if (!Number.isFinite(ts) || ts < input.nowSec - window || ts > input.nowSec + window) return { key: null, error: err('Invalid timestamp.') };
	const nonce = getStr(params, 'oauth_nonce');
	if ([...rec.nonces.values()].includes(nonce)) return { key: null, error: err('Invalid nonce - nonce has already been used.') };
	rec.nonces.set(ts, nonce);
	for (const t of [...rec.nonces.keys()]) if (t < input.nowSec - window) rec.nonces.delete(t);
	return { key: rec, error: null };
}

/** PHP rawurldecode (leaves '+' alone, malformed escapes untouched). */
function decodeURIComponentSafe(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** `check_permissions()` run from rest_pre_dispatch for an authenticated key. */
export function checkKeyPermission(method: string, key: ApiKey): WpError | null {
	const p = key.permissions;
	switch (method) {
		case 'HEAD':
		case 'GET':
			return p === 'read' || p === 'read_write' ? null : err('The API key provided does not have read permissions.');
		case 'POST':
		case 'PUT':
		case 'PATCH':
		case 'DELETE':
			return p === 'write' || p === 'read_write' ? null : err('The API key provided does not have write permissions.');
		case 'OPTIONS':
			return null;
		default:
			return err('Unknown request method.');
	}
}
