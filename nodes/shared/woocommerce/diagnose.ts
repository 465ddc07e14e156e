import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { joinSentences, splitSentences } from '../sentences';
import { TransportError } from '../transport/errors';
import type { HttpSend } from '../transport/http';
import { withQuery } from '../transport/query';
import { resolveAuthMethod } from './auth';
import { storeSettingsFrom, WooClient } from './client';
import { swappedKeysHint } from './errors';
import { toWooDate } from './window';

export interface Diagnosis {
	ok: boolean;
	message: string;
}

const NO_RETRIES = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

const UNKNOWN_KEY =
	'The store does not know this consumer key. Check the Access Token (ck_…), or create a new key in WooCommerce → Settings → Advanced → REST API if it was revoked.';

function failure(message: string): Diagnosis {
	return { ok: false, message };
}

/** Advice to run this very check makes no sense inside it. */
function withoutSelfReference(fix: string | undefined): string {
	return splitSentences(fix ?? '')
		.filter((sentence) => !/credential test/i.test(sentence))
		.join(' ');
}

function fromError(error: unknown, prefix = ''): Diagnosis {
	if (error instanceof TransportError) return failure(joinSentences(`${prefix}${error.message}`, withoutSelfReference(error.description)));
	return failure('The store could not be checked: an unexpected error occurred.');
}

/**
 * Verifies a store connection step by step, as "Verify Connection" does, and names the first
 * fault in a shop owner's words: the address, WordPress's REST API, Permalinks, the keys, their
 * permissions and the WooCommerce version. `sendAuthenticated` adds the credential's auth;
 * `sendAnonymous` does not.
 */
export async function diagnoseStore(
	credentials: ICredentialDataDecryptedObject,
	sendAuthenticated: (authModeOverride?: 'query') => HttpSend,
	sendAnonymous: HttpSend,
): Promise<Diagnosis> {
	let settings;
	try {
		settings = storeSettingsFrom(credentials);
	} catch (error) {
		return fromError(error);
	}
	const { consumerKey, consumerSecret } = settings.keys;
	if (!consumerKey || !consumerSecret) return failure('The Access Token (consumer key, ck_…) and the Secret (consumer secret, cs_…) are both needed.');
	const swapped = swappedKeysHint(settings.keys);
	if (swapped) return failure(swapped);

	// 1. Is there a WordPress REST API at this address?
	const anonymous = new WooClient(sendAnonymous, settings, { retryPolicy: NO_RETRIES, timeoutMs: 20_000 });
	let index: { name?: string; namespaces?: string[] };
	try {
		index = (await anonymous.http.json<{ name?: string; namespaces?: string[] }>({ method: 'GET', url: `${settings.storeUrl}/wp-json/` })).body;
	} catch (error) {
		if (error instanceof TransportError && (error.kind === 'not-json' || error.status === 404)) {
			const plain = await anonymous.http
				.json<{ namespaces?: string[] }>({ method: 'GET', url: withQuery(`${settings.storeUrl}/`, { rest_route: '/' }) })
				.then((response) => Array.isArray(response.body.namespaces))
				.catch(() => false);
			if (plain) {
				return failure('WordPress Permalinks are set to Plain, so the REST API at /wp-json/ is missing. In WordPress go to Settings → Permalinks and pick any other setting (for example "Post name"), then save.');
			}
			if (error.kind === 'not-json') return fromError(error, 'This address does not answer like WordPress: ');
			return failure('This address has no WordPress REST API (/wp-json/ answered 404 Not Found). Check the API URL: it should be the address of the WordPress site that runs WooCommerce.');
		}
		return fromError(error);
	}
	if (!Array.isArray(index.namespaces) || !index.namespaces.includes('wc/v3')) {
		return failure('WordPress answers, but WooCommerce\'s REST API (wc/v3) is not there. Activate WooCommerce (version 3.5 or later) on this site.');
	}

	// 2. Are the keys accepted and allowed to read?
	const store = new WooClient(sendAuthenticated(), settings, { retryPolicy: NO_RETRIES, timeoutMs: 20_000 });
	const method = resolveAuthMethod(settings.keys.authMode, settings.storeUrl);
	try {
		await store.list('orders', { per_page: 1, _fields: 'id' });
	} catch (error) {
		const cannotView = error instanceof TransportError && error.status === 401 && error.code === 'woocommerce_rest_cannot_view';
		const overHttps = settings.storeUrl.startsWith('https:');
		const headerMayBeStripped = cannotView && method === 'basic' && overHttps;
		// Signed or query-string keys reach WooCommerce whatever the host does with headers: "cannot view" means an unknown key.
		if (cannotView && (method === 'oauth1' || (method === 'query' && overHttps))) return failure(UNKNOWN_KEY);
		if (!headerMayBeStripped) return fromError(error);
		// Basic got "cannot view": an unknown key, or a host that drops the Authorization header. The query form tells them apart.
		const viaQuery = new WooClient(sendAuthenticated('query'), { ...settings, keys: { ...settings.keys, authMode: 'query' } }, { retryPolicy: NO_RETRIES, timeoutMs: 20_000 });
		try {
			await viaQuery.list('orders', { per_page: 1, _fields: 'id' });
			return failure('The web host strips the Authorization header, so WooCommerce never sees the keys. Set Authentication to "Query String Keys" in this credential (or let the host pass the header through).');
		} catch (queryError) {
			if (queryError instanceof TransportError && queryError.status === 401 && queryError.code === 'woocommerce_rest_cannot_view') {
				return failure(UNKNOWN_KEY);
			}
			return fromError(queryError);
		}
	}

	// 3. Does the store filter by modified date (WooCommerce 5.8+)? A far-future bound must match nothing.
	try {
		const future = toWooDate(Math.floor(Date.UTC(2999, 0, 1) / 1000));
		const probe = await store.list('products', { per_page: 1, _fields: 'id', modified_after: future, dates_are_gmt: 'true' });
		if ((probe.total ?? probe.records.length) > 0) {
			return failure('The store ignores the modified_after filter: WooCommerce is older than 5.8, so changed-since syncing is unavailable. Update WooCommerce to 5.8 or later.');
		}
	} catch (error) {
		return fromError(error);
	}
	return { ok: true, message: `Connected to ${index.name ? `"${index.name}"` : 'the store'}: the keys can read orders and products, and changed-since filtering works.` };
}
