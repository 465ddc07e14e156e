import { randomBytes } from 'crypto';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { signUrl } from '../transport/oauth1';
import { withQuery } from '../transport/query';

export type WooAuthMode = 'automatic' | 'basic' | 'query' | 'oauth1';
export type WooAuthMethod = Exclude<WooAuthMode, 'automatic'>;

export interface WooKeys {
	consumerKey: string;
	consumerSecret: string;
	authMode: WooAuthMode;
}

export function wooKeysFrom(credentials: ICredentialDataDecryptedObject): WooKeys {
	return {
		consumerKey: String(credentials.accessToken ?? '').trim(),
		consumerSecret: String(credentials.secret ?? '').trim(),
		authMode: (credentials.authMode as WooAuthMode) || 'automatic',
	};
}

/** Automatic: Basic over https (the keys travel encrypted), OAuth 1.0a over plain http, as WooCommerce requires. */
export function resolveAuthMethod(mode: WooAuthMode, url: string): WooAuthMethod {
	if (mode !== 'automatic') return mode;
	return url.toLowerCase().startsWith('https:') ? 'basic' : 'oauth1';
}

export interface SigningClock {
	nonce: () => string;
	timestamp: () => number;
}

const systemClock: SigningClock = {
	nonce: () => randomBytes(16).toString('hex'),
	timestamp: () => Math.floor(Date.now() / 1000),
};

/** Adds WooCommerce key auth to a request whose URL already carries its query string. */
export function applyWooAuth(keys: WooKeys, options: IHttpRequestOptions, clock: SigningClock = systemClock): IHttpRequestOptions {
	const url = options.url;
	const method = resolveAuthMethod(keys.authMode, url);
	if (method === 'basic') {
		return { ...options, auth: { username: keys.consumerKey, password: keys.consumerSecret } };
	}
	if (method === 'query') {
		return { ...options, url: withQuery(url, { consumer_key: keys.consumerKey, consumer_secret: keys.consumerSecret }) };
	}
	return {
		...options,
		url: signUrl({
			method: options.method ?? 'GET',
			url,
			consumerKey: keys.consumerKey,
			consumerSecret: keys.consumerSecret,
			nonce: clock.nonce(),
			timestamp: clock.timestamp(),
		}),
	};
}
