import { readApiError, TransportError } from '../transport/errors';
import type { HttpRequest, HttpResponse } from '../transport/http';
import { resolveAuthMethod, type WooAuthMode } from './auth';

export interface WooFailureContext {
	authMode: WooAuthMode;
	consumerKey: string;
	consumerSecret: string;
}

/** Key and secret pasted into each other's field: WooCommerce keys start with ck_, secrets with cs_. */
export function swappedKeysHint(context: Pick<WooFailureContext, 'consumerKey' | 'consumerSecret'>): string | undefined {
	if (context.consumerKey.startsWith('cs_') || context.consumerSecret.startsWith('ck_')) {
		return 'The Access Token and the Secret look swapped: the Access Token is the consumer key (ck_…), the Secret is the consumer secret (cs_…).';
	}
	return undefined;
}

/**
 * The one place that turns a failing WooCommerce answer into words a shop owner understands,
 * used by the fetch node and the credential test alike.
 */
export function describeWooFailure(response: HttpResponse, request: Pick<HttpRequest, 'url'>, context: WooFailureContext): TransportError {
	const { code, message } = readApiError(response.text);
	const status = response.status;
	const swapped = swappedKeysHint(context);
	const method = resolveAuthMethod(context.authMode, request.url);
	const overHttp = request.url.toLowerCase().startsWith('http:');
	const fail = (title: string, fix: string) => new TransportError('http', title, fix, status, code);

	if (swapped && (status === 401 || status === 403)) return fail('The store did not accept the API keys', swapped);
	if (code === 'woocommerce_rest_authentication_error' || code === 'woocommerce_rest_authentication_missing_parameter') {
		if (/consumer secret is invalid/i.test(message ?? '')) {
			return fail('The consumer secret is wrong', 'The consumer key exists but the Secret does not match it. Paste the consumer secret (cs_…) shown when the key was created, or create a new key in WooCommerce → Settings → Advanced → REST API.');
		}
		if (/consumer key is invalid/i.test(message ?? '')) {
			return fail('The store does not know this consumer key', 'Check the Access Token (ck_…); the key may have been revoked. Create a new key in WooCommerce → Settings → Advanced → REST API.');
		}
		if (/read permissions/i.test(message ?? '')) {
			return fail('The API key has no read permission', 'Edit the key in WooCommerce → Settings → Advanced → REST API and set Permissions to Read/Write (or Read).');
		}
		if (/write permissions/i.test(message ?? '')) {
			return fail('The API key has no write permission', 'Set the key\'s Permissions to Read/Write in WooCommerce → Settings → Advanced → REST API.');
		}
		if (/signature/i.test(message ?? '')) {
			return fail('The store rejected the OAuth signature', 'Usually the Secret is wrong, or the store sees a different address than the API URL (a proxy rewriting http/https or the port). Check the Secret and the API URL, or use https with Automatic authentication.');
		}
		if (/timestamp/i.test(message ?? '')) {
			return fail('The store rejected the OAuth timestamp', 'The clocks of n8n and the store differ by more than 15 minutes. Fix the server time, or use https with Basic authentication.');
		}
		if (/nonce/i.test(message ?? '')) {
			return fail('The store rejected a repeated OAuth nonce', 'A request was replayed by a proxy or cache. Try again, or use https with Basic authentication.');
		}
		return fail(`The store refused the API keys: ${message ?? code}`, 'Check the Access Token and Secret in the credential.');
	}
	if (code === 'woocommerce_rest_cannot_view' && status === 403) {
		return fail('The API key\'s user may not read this', 'The WordPress user the key belongs to lacks the capability (for example a Customer). Create the key for a Shop Manager or Administrator.');
	}
	if (code === 'woocommerce_rest_cannot_view' || status === 401) {
		if (overHttp && method === 'basic') {
			return fail('The store refuses Basic authentication over plain http', 'Use the store\'s https:// address, or set Authentication to Automatic (OAuth 1.0a over http).');
		}
		if (overHttp && method === 'query') {
			return fail('The store refuses keys in the query string over plain http', 'Use the store\'s https:// address, or set Authentication to Automatic (OAuth 1.0a over http).');
		}
		return fail('The store did not accept the API keys', 'Either the consumer key is unknown or revoked, or the web host strips the Authorization header. Run the credential test to find out which; for stripped headers set Authentication to Query String Keys.');
	}
	if (code === 'rest_no_route') {
		return fail('The store has no WooCommerce REST API at this address', 'Check that WooCommerce is active and up to date, and that the API URL is the store\'s address.');
	}
	if (code === 'rest_invalid_param') {
		return fail(`The store rejected a request parameter: ${message}`, 'This is a bug in the request or a store that is too old; please report it with the message.');
	}
	if (status === 404) {
		return fail('The store answered 404 Not Found for the REST API', 'If WordPress Permalinks are set to Plain, pick any other setting (Settings → Permalinks); otherwise check the API URL.');
	}
	if (status === 429) return fail('The store kept rate-limiting the requests', 'Lower the Concurrent Requests of the node, or ask the host to raise the limit for n8n.');
	if (status === 503 && /maintenance/i.test(response.text)) {
		return fail('The store is in maintenance mode (HTTP 503)', `WordPress is updating or in maintenance${response.headers['retry-after'] ? ` and asked to wait ${response.headers['retry-after']} s` : ''}. Nothing was committed; the next run tries again.`);
	}
	if (status >= 500) return fail(`The store had a server error (HTTP ${status})`, 'WordPress or a plugin failed while answering. Check the store\'s PHP error log; the next run retries.');
	return fail(`The store answered HTTP ${status}${message ? `: ${message}` : ''}`, 'See the message; check the credential and the node\'s filters.');
}
