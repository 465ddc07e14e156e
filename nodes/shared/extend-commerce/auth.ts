import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * How a request to Extend Commerce is authenticated. Extend publishes no authentication scheme
 * for its REST API, so the credential offers the common ones and the tenant picks what Extend
 * gave it. OAuth2 client credentials is a credential type of its own (n8n's OAuth2 machinery
 * fetches and refreshes the token), chosen by the node's Authentication parameter.
 */
export type ExtendAuthMode = 'apiKey' | 'bearer' | 'basic';

export const EXTEND_API_CREDENTIAL = 'extendCommerceApi';
export const EXTEND_CLIENT_CREDENTIALS_TYPE = 'extendCommerceOAuth2Api';
export type ExtendCredentialType = typeof EXTEND_API_CREDENTIAL | typeof EXTEND_CLIENT_CREDENTIALS_TYPE;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value).trim();
}

export function authModeOf(credentials: ICredentialDataDecryptedObject): ExtendAuthMode {
	const mode = credentials.authMode;
	return mode === 'bearer' || mode === 'basic' ? mode : 'apiKey';
}

/** Adds the credential's authentication to a request (the credential class's `authenticate` uses it too). */
export function applyExtendAuth(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions): IHttpRequestOptions {
	const mode = authModeOf(credentials);
	if (mode === 'basic') {
		return { ...options, auth: { username: text(credentials.username), password: text(credentials.password) } };
	}
	if (mode === 'bearer') {
		return { ...options, headers: { ...options.headers, Authorization: `Bearer ${text(credentials.bearerToken)}` } };
	}
	const header = text(credentials.headerName) || 'X-API-Key';
	return { ...options, headers: { ...options.headers, [header]: text(credentials.apiKeyValue) } };
}

/** Every value of either Extend credential that must never reach an output, error or URL. */
export function extendSecretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	const secrets: unknown[] = [credentials.apiKeyValue, credentials.bearerToken, credentials.password, credentials.clientSecret];
	const token = credentials.oauthTokenData as { access_token?: unknown; refresh_token?: unknown } | undefined;
	if (token && typeof token === 'object') secrets.push(token.access_token, token.refresh_token);
	const basic = authModeOf(credentials) === 'basic' ? Buffer.from(`${text(credentials.username)}:${text(credentials.password)}`).toString('base64') : undefined;
	return [...secrets.map(text), basic ?? ''].filter((value) => value.length > 0);
}

/**
 * The API base as the tenant received it: https:// added when missing, trailing slashes removed,
 * any path prefix kept (Extend publishes no host or prefix, so none is assumed).
 */
export function normaliseExtendApiUrl(url: unknown): string {
	let value = text(url);
	if (value === '') return '';
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) value = `https://${value}`;
	try {
		const parsed = new URL(value);
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '';
		parsed.search = '';
		parsed.hash = '';
		return parsed.toString().replace(/\/+$/, '');
	} catch {
		return '';
	}
}

/** Whether the credential asks to skip certificate checks (the two credential types spell it differently). */
export function ignoresSslIssues(credentials: ICredentialDataDecryptedObject): boolean {
	return credentials.ignoreSslIssues === true || credentials.ignoreSSLIssues === true;
}
