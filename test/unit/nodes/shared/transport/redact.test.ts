import { redactSecrets, redactUrl } from '../../../../../nodes/shared/transport/redact';

describe('secret redaction', () => {
	it('removes secrets and their URL-encoded forms from any text', () => {
		const secret = 'cs_a+b/c=';
		const text = `failed: cs_a+b/c= and ${encodeURIComponent(secret)}`;
		expect(redactSecrets(text, [secret])).toBe('failed: [redacted] and [redacted]');
	});

	it('blanks secret query parameters in URLs even when the secret is not known', () => {
		expect(redactUrl('https://s/wp-json/wc/v3/orders?page=2&consumer_key=ck_1&consumer_secret=cs_2&oauth_signature=abc%3D')).toBe(
			'https://s/wp-json/wc/v3/orders?page=2&consumer_key=[redacted]&consumer_secret=[redacted]&oauth_signature=[redacted]',
		);
	});

	it('leaves short or empty values alone rather than shredding the text', () => {
		expect(redactSecrets('a b c', ['', undefined, 'a'])).toBe('a b c');
	});
});
