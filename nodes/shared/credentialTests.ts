import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { applyExtendAuth, EXTEND_API_CREDENTIAL, EXTEND_CLIENT_CREDENTIALS_TYPE } from './extend-commerce/auth';
import { extendSettingsFrom } from './extend-commerce/client';
import { checkExtendCredential } from './extend-commerce/credentialCheck';
import { clientCredentialsToken } from './extend-commerce/oauth2Token';
import { sendFromCredentialTest } from './transport/http';
import { applyWooAuth, wooKeysFrom } from './woocommerce/auth';
import { diagnoseStore } from './woocommerce/diagnose';

/** "Verify Connection" for the Extend Commerce Connection credential: checks the store step by step. */
export async function wooCommerceConnectionTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const keys = wooKeysFrom(data);
	const diagnosis = await diagnoseStore(
		data,
		(override) => sendFromCredentialTest(this, (options) => applyWooAuth(override ? { ...keys, authMode: override } : keys, options)),
		sendFromCredentialTest(this, (options) => options),
	);
	return { status: diagnosis.ok ? 'OK' : 'Error', message: diagnosis.message };
}

/** Tests the Extend Commerce Back Office API credential (API key, bearer token or Basic) with one cheap read. */
export async function extendCommerceApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const send = sendFromCredentialTest(this, (options) => applyExtendAuth(data, options));
	const result = await checkExtendCredential(send, extendSettingsFrom(EXTEND_API_CREDENTIAL, data));
	return { status: result.ok ? 'OK' : 'Error', message: result.message };
}

/**
 * Tests the Extend Commerce Back Office Client OAuth2 API credential: asks the token URL for a client-credentials
 * token, then makes the same read with it. (In the n8n editor, n8n runs its own OAuth2 check for
 * credentials extending oAuth2Api; this one runs where the node's test is called.)
 */
export async function extendCommerceOAuth2ApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const settings = extendSettingsFrom(EXTEND_CLIENT_CREDENTIALS_TYPE, data);
	const token = await clientCredentialsToken(sendFromCredentialTest(this, (options) => options), data, settings);
	if (!token.ok) return { status: 'Error', message: token.message };
	settings.secrets.push(token.accessToken);
	const send = sendFromCredentialTest(this, (options) => ({ ...options, headers: { ...options.headers, Authorization: `Bearer ${token.accessToken}` } }));
	const result = await checkExtendCredential(send, settings);
	return { status: result.ok ? 'OK' : 'Error', message: result.message };
}

/**
 * "Test" for the Extend Commerce Webhook credential. Extend offers no call to check a webhook
 * secret, so only its form is checked here; every incoming call is checked against it.
 */
export async function extendCommerceWebhookSecretTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const secret = String(credential.data?.secret ?? '');
	if (secret.trim() === '') return { status: 'Error', message: 'Enter the Secret from the webhook\'s form in Extend Commerce Backend.' };
	if (secret !== secret.trim()) return { status: 'Error', message: 'The Secret starts or ends with a space: Extend signs with the exact text, so remove the spaces here or in Extend.' };
	return { status: 'OK', message: 'Saved. Extend offers no way to check a webhook secret in advance: each call\'s signature is checked against it when it arrives.' };
}
