import { EXTEND_API_CREDENTIAL, EXTEND_CLIENT_CREDENTIALS_TYPE } from '../../../../../nodes/shared/extend-commerce/auth';
import { ExtendClient, extendSettingsFrom } from '../../../../../nodes/shared/extend-commerce/client';
import type { HttpSend } from '../../../../../nodes/shared/transport/http';

// The editor shows the credential as "Extend Commerce Back Office API" (slot "Extend Commerce Back Office")
// and its twin as "Extend Commerce Back Office Client OAuth2 API": the words name it so a user finds it.
describe('the Extend credential hint names the credential as the editor shows it', () => {
	it.each([
		['apiKey', 'the header name and API key in the Extend Commerce Back Office credential'],
		['bearer', 'the bearer token in the Extend Commerce Back Office credential'],
		['basic', 'the user and password in the Extend Commerce Back Office credential'],
	])('%s', (authMode, hint) => {
		expect(extendSettingsFrom(EXTEND_API_CREDENTIAL, { apiUrl: 'https://api.example.com/tenant/api', authMode }).credentialHint).toBe(hint);
	});

	it('OAuth2', () => {
		expect(extendSettingsFrom(EXTEND_CLIENT_CREDENTIALS_TYPE, { apiUrl: 'https://api.example.com/tenant/api' }).credentialHint).toBe(
			'the Client ID, Client Secret and Access Token URL in the Extend Commerce Back Office OAuth2 credential',
		);
	});

	it('an API URL that is no web address', () => {
		const send: HttpSend = () => Promise.reject(new Error('not called'));
		expect(() => new ExtendClient(send, { apiUrl: 'not a url', credentialHint: '', secrets: [] })).toThrow(
			'The API URL "not a url" of the Extend Commerce Back Office credential is not a web address.',
		);
	});
});
