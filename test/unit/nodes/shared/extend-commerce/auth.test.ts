import { applyExtendAuth, extendSecretsOf, normaliseExtendApiUrl } from '../../../../../nodes/shared/extend-commerce/auth';

const base = { method: 'GET' as const, url: 'https://api.example.com/t/api/CustomerOrders', headers: { Accept: 'application/json' } };

describe('Extend authentication', () => {
	it('puts an API key into the named header', () => {
		expect(applyExtendAuth({ authMode: 'apiKey', headerName: 'X-Extend-Key', apiKeyValue: ' k-123 ' }, base).headers).toEqual({ Accept: 'application/json', 'X-Extend-Key': 'k-123' });
	});

	it('sends a bearer token, or user and password as Basic', () => {
		expect(applyExtendAuth({ authMode: 'bearer', bearerToken: 'tok' }, base).headers).toMatchObject({ Authorization: 'Bearer tok' });
		expect(applyExtendAuth({ authMode: 'basic', username: 'u', password: 'p' }, base).auth).toEqual({ username: 'u', password: 'p' });
	});

	it('lists every secret, the Basic header form and OAuth2 tokens included', () => {
		expect(extendSecretsOf({ authMode: 'basic', username: 'user', password: 'pass-word' })).toEqual(['pass-word', Buffer.from('user:pass-word').toString('base64')]);
		expect(extendSecretsOf({ clientSecret: 'cs-1', oauthTokenData: { access_token: 'at-1', refresh_token: 'rt-1' } })).toEqual(['cs-1', 'at-1', 'rt-1']);
	});

	it.each([
		['api.example.com/tenant/api/', 'https://api.example.com/tenant/api'],
		['https://api.example.com:8443/t/api?x=1#y', 'https://api.example.com:8443/t/api'],
		['http://127.0.0.1:3000/demo-tenant/api', 'http://127.0.0.1:3000/demo-tenant/api'],
		['ftp://x', ''],
		['', ''],
	])('keeps the API URL\'s path prefix: %s', (given, expected) => {
		expect(normaliseExtendApiUrl(given)).toBe(expected);
	});
});
