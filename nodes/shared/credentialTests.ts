import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { ExtendCommerceClient } from './extend-commerce/client';
import { TransportError } from './transport/errors';
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

/** Checks the Extend Commerce API credential: reachable, token accepted, really Extend Commerce. */
export async function extendCommerceApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const accessToken = String(data.accessToken ?? '');
	const send = sendFromCredentialTest(this, (options) => ({ ...options, headers: { ...options.headers, Authorization: `Bearer ${accessToken}` } }));
	const client = new ExtendCommerceClient(send, { apiUrl: String(data.apiUrl ?? ''), accessToken, ignoreSslIssues: data.ignoreSslIssues === true }, { retryPolicy: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 }, timeoutMs: 20_000 });
	try {
		const ping = await client.ping();
		if (ping.service !== 'extend-commerce') {
			return { status: 'Error', message: 'This address answers, but not as an Extend Commerce API. Check the API URL: it should be the back office address without /api/v1.' };
		}
		return { status: 'OK', message: `Connected to Extend Commerce${ping.tenant ? ` (tenant "${ping.tenant}")` : ''}.` };
	} catch (error) {
		if (error instanceof TransportError) {
			if (error.kind === 'not-json' || (error.status === 404 && error.code !== 'connection_not_found')) {
				return { status: 'Error', message: 'This address answers, but not as an Extend Commerce API. Check the API URL: it should be the back office address without /api/v1.' };
			}
			return { status: 'Error', message: `${error.message}. ${error.description}` };
		}
		return { status: 'Error', message: 'Extend Commerce could not be checked: an unexpected error occurred.' };
	}
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
