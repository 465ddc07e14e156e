import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { ExtendClientSettings } from './client';
import { describeExtendFailure, extendMessageOf } from './errors';
import { JsonClient } from '../transport/client';
import { TransportError } from '../transport/errors';
import type { HttpSend } from '../transport/http';
import { settle } from '../transport/settle';

export type TokenResult = { ok: true; accessToken: string } | { ok: false; message: string };

function formEncode(fields: Record<string, string>): string {
	return Object.entries(fields)
		.filter(([, value]) => value !== '')
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

/**
 * Asks the credential's Access Token URL for a client-credentials token (RFC 6749 §4.4), with the
 * client ID and secret in a Basic header or in the body as the credential says. Used by the
 * credential test; node runs leave tokens to n8n's OAuth2 handling.
 */
export async function clientCredentialsToken(send: HttpSend, credentials: ICredentialDataDecryptedObject, settings: ExtendClientSettings): Promise<TokenResult> {
	const tokenUrl = String(credentials.accessTokenUrl ?? '').trim();
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '').trim();
	if (!/^https?:\/\//i.test(tokenUrl)) {
		return { ok: false, message: 'The Access Token URL is not a web address. Enter the token address Extend gave you, starting with https://.' };
	}
	const inBody = credentials.authentication === 'body';
	const fields: Record<string, string> = { grant_type: 'client_credentials', scope: String(credentials.scope ?? '').trim() };
	const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
	if (inBody) Object.assign(fields, { client_id: clientId, client_secret: clientSecret });
	else headers.Authorization = `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`;
	const client = new JsonClient({
		send,
		serviceName: 'The Extend Commerce token URL',
		describeHttpFailure: (response, request) => {
			if (response.status === 400 || response.status === 401) {
				const said = extendMessageOf(response);
				return new TransportError('http', `The token URL refused the client ID or secret (HTTP ${response.status})${said ? `: ${said.replace(/[.\s]+$/, '')}` : ''}.`, 'Check the Client ID, Client Secret and Scope in the Extend Commerce Back Office OAuth2 credential.', response.status);
			}
			return describeExtendFailure(response, request, 'the Access Token URL in the Extend Commerce Back Office OAuth2 credential');
		},
		secrets: [...settings.secrets, headers.Authorization?.slice('Basic '.length)],
		skipTlsVerification: settings.ignoreSslIssues === true,
		timeoutMs: 15_000,
		retryPolicy: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
	});
	const answer = await settle(async () => await client.json<{ access_token?: unknown }>({ method: 'POST', url: tokenUrl, headers, body: formEncode(fields) }));
	if (!answer.ok) {
		if (answer.error instanceof TransportError) return { ok: false, message: `${answer.error.message.replace(/[.\s]+$/, '')}. ${answer.error.description}` };
		throw answer.error;
	}
	const token = answer.value.body?.access_token;
	if (typeof token !== 'string' || token === '') {
		return { ok: false, message: 'The Access Token URL answered without an access token. Check that it is the token address Extend gave you.' };
	}
	return { ok: true, accessToken: token };
}
