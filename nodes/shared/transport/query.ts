import { percentEncode } from './oauth1';

export type QueryValue = string | number | boolean | undefined | null | Array<string | number>;

/** Builds an encoded query string; arrays become comma lists (WooCommerce reads both forms). */
export function buildQuery(params: Record<string, QueryValue>): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null || value === '') continue;
		const text = Array.isArray(value) ? value.join(',') : String(value);
		parts.push(`${percentEncode(key)}=${percentEncode(text)}`);
	}
	return parts.join('&');
}

export function withQuery(url: string, params: Record<string, QueryValue>): string {
	const query = buildQuery(params);
	if (!query) return url;
	return url + (url.includes('?') ? '&' : '?') + query;
}
