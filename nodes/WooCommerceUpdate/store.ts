import type { IExecuteFunctions } from 'n8n-workflow';

import { sendWithCredential } from '../shared/transport/http';
import { storeSettingsFrom, WooClient } from '../shared/woocommerce/client';

export interface OpenStore {
	store: WooClient;
	/** The connection's keys: kept out of every error and output. */
	secrets: string[];
}

/** The store of the node's Extend Commerce Connection credential, over the shared transport (auth, retries, redaction). */
export async function openStore(context: IExecuteFunctions, timeoutSeconds = 60): Promise<OpenStore> {
	const credentials = await context.getCredentials('extendCommerceConnectionApi');
	const secrets = [String(credentials.secret ?? ''), String(credentials.accessToken ?? '')];
	const store = new WooClient(sendWithCredential(context, 'extendCommerceConnectionApi', credentials), storeSettingsFrom(credentials), { timeoutMs: timeoutSeconds * 1000 });
	return { store, secrets };
}
