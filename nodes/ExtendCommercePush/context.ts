import type { IExecuteFunctions } from 'n8n-workflow';

import { ExtendCommerceClient } from '../shared/extend-commerce/client';
import { connectionFrom, type ConnectionIdentity } from '../shared/extend-commerce/connection';
import { sendWithCredential } from '../shared/transport/http';
import { DEFAULT_RETRY_POLICY } from '../shared/transport/retry';

export interface TransportSettings {
	retries?: number;
	timeoutSeconds?: number;
}

export interface PushContext {
	client: ExtendCommerceClient;
	connection: ConnectionIdentity;
}

/**
 * Every secret the node can see — the Extend Commerce token and the store's consumer key and
 * secret — for redaction. Read before anything else so that even a failing setup is redacted.
 */
export async function readSecrets(context: IExecuteFunctions): Promise<string[]> {
	const secrets: string[] = [];
	for (const [type, fields] of [
		['extendCommerceApi', ['accessToken']],
		['extendCommerceConnectionApi', ['accessToken', 'secret']],
	] as const) {
		try {
			const data = await context.getCredentials(type);
			for (const field of fields) if (data[field]) secrets.push(String(data[field]));
		} catch {
			// A missing credential is reported where it is used.
		}
	}
	return secrets;
}

/**
 * The back-office client and the connection's identity. The connection credential gives only the
 * identity (name → key, store URL, order start, warehouse, company group), never its keys.
 */
export async function openPushContext(context: IExecuteFunctions, settings: TransportSettings, secrets: string[]): Promise<PushContext> {
	const connection = connectionFrom(await context.getCredentials('extendCommerceConnectionApi'));
	const extendCommerce = await context.getCredentials('extendCommerceApi');
	const retries = Math.max(0, Math.floor(settings.retries ?? DEFAULT_RETRY_POLICY.attempts - 1));
	const client = new ExtendCommerceClient(
		sendWithCredential(context, 'extendCommerceApi', extendCommerce),
		{ apiUrl: String(extendCommerce.apiUrl ?? ''), accessToken: String(extendCommerce.accessToken ?? ''), ignoreSslIssues: extendCommerce.ignoreSslIssues === true },
		{
			timeoutMs: Math.max(1, settings.timeoutSeconds ?? 60) * 1000,
			retryPolicy: { ...DEFAULT_RETRY_POLICY, attempts: retries + 1 },
			// The back office could echo any of them; the client removes all from its errors.
			secrets: [String(extendCommerce.accessToken ?? ''), ...secrets],
		},
	);
	return { client, connection };
}
