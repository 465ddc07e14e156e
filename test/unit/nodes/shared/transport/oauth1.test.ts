import { createHmac } from 'node:crypto';
// An independent OAuth 1.0a implementation (the one WooCommerce's official JS client uses) checks ours.
import OAuth from 'oauth-1.0a';

import { percentEncode, signatureBaseString, signUrl } from '../../../../../nodes/shared/transport/oauth1';

function independentSignature(method: string, url: string, key: string, secret: string, nonce: string, timestamp: number, hash: 'HMAC-SHA1' | 'HMAC-SHA256'): string {
	const oauth = new OAuth({
		consumer: { key, secret },
		signature_method: hash,
		hash_function: (base, signingKey) => createHmac(hash === 'HMAC-SHA1' ? 'sha1' : 'sha256', signingKey).update(base).digest('base64'),
	});
	const parsed = new URL(url);
	const data: Record<string, string> = {};
	parsed.searchParams.forEach((value, name) => (data[name] = value));
	const authorized = oauth.authorize({ url: `${parsed.origin}${parsed.pathname}`, method, data: { ...data, oauth_nonce: nonce, oauth_timestamp: timestamp } as never });
	return authorized.oauth_signature;
}

describe('OAuth 1.0a signing', () => {
	it.each([
		['HMAC-SHA256', 'http://127.0.0.1:8080/wp-json/wc/v3/products?per_page=3&status=publish'],
		['HMAC-SHA1', 'http://shop.example.com/wp-json/wc/v3/orders?modified_after=2025-01-01T00:00:00&status=pending,processing&page=2'],
		['HMAC-SHA256', 'http://shop.example.com/wp-json/wc/v3/products?search=T-shirt%20%26%20Mug&_fields=id,name'],
	] as const)('signs %s like an independent implementation for %s', (method, url) => {
		const signed = new URL(signUrl({ method: 'GET', url, consumerKey: 'ck_test', consumerSecret: 'cs_secret', nonce: 'abc123', timestamp: 1795745679, signatureMethod: method }));
		const expected = independentSignature('GET', url, 'ck_test', 'cs_secret', 'abc123', 1795745679, method);
		expect(signed.searchParams.get('oauth_signature')).toBe(expected);
		expect(signed.searchParams.get('oauth_signature_method')).toBe(method);
		expect(signed.searchParams.get('oauth_consumer_key')).toBe('ck_test');
	});

	it('keeps every original query parameter in the signed URL', () => {
		const signed = new URL(signUrl({ method: 'GET', url: 'http://h/wp-json/wc/v3/orders?a=1&b=x%20y', consumerKey: 'ck', consumerSecret: 'cs', nonce: 'n', timestamp: 1 }));
		expect(signed.searchParams.get('a')).toBe('1');
		expect(signed.searchParams.get('b')).toBe('x y');
	});

	it('leaves the default port out of the base string and lower-cases the host', () => {
		expect(signatureBaseString('get', 'http://Shop.Example.com:80/p', [])).toBe('GET&http%3A%2F%2Fshop.example.com%2Fp&');
		expect(signatureBaseString('GET', 'http://shop.example.com:8080/p', [['b', '2'], ['a', '1']])).toBe('GET&http%3A%2F%2Fshop.example.com%3A8080%2Fp&a%3D1%26b%3D2');
	});

	it('percent-encodes like RFC 3986 (PHP rawurlencode)', () => {
		expect(percentEncode("a b!*'()~")).toBe('a%20b%21%2A%27%28%29~');
	});
});
