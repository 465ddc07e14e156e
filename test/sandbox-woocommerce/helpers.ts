/** Small HTTP client for the sandbox tests (trusts the sandbox's self-signed certificate). */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { ApiKey } from '../../sandbox/woocommerce';

const CA = readFileSync(path.resolve(__dirname, '../../sandbox/certs/cert.pem'));

export interface Reply {
	status: number;
	headers: Record<string, string>;
	rawHeaders: Array<[string, string]>;
	text: string;
	json<T = unknown>(): T;
}

export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const u = new URL(url);
		const lib = u.protocol === 'https:' ? https : http;
		const req = lib.request(
			u,
			{ method: init.method ?? 'GET', headers: init.headers, ca: CA, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					const rawHeaders: Array<[string, string]> = [];
					for (let i = 0; i < res.rawHeaders.length; i += 2) rawHeaders.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
					const headers: Record<string, string> = {};
					for (const [k, v] of rawHeaders) headers[k.toLowerCase()] = v;
					resolve({ status: res.statusCode ?? 0, headers, rawHeaders, text, json: <T>() => JSON.parse(text) as T });
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		if (init.timeoutMs) req.setTimeout(init.timeoutMs, () => req.destroy(new Error('client timeout')));
		if (init.body) req.write(init.body);
		req.end();
	});
}

export const basic = (k: Pick<ApiKey, 'consumerKey' | 'consumerSecret'>) => ({
	authorization: `Basic ${Buffer.from(`${k.consumerKey}:${k.consumerSecret}`).toString('base64')}`,
});

export function get(url: string, key?: ApiKey, extra: Record<string, string> = {}): Promise<Reply> {
	return request(url, { headers: { ...(key ? basic(key) : {}), ...extra } });
}

export type Shape = string | Shape[] | { [k: string]: Shape };

/** Keys and value types, recursively ("null" for null; arrays as the list of element shapes). */
export function shapeOf(v: unknown): Shape {
	if (v === null) return 'null';
	if (Array.isArray(v)) return v.map(shapeOf);
	if (typeof v === 'object') {
		const out: Record<string, Shape> = {};
		for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = shapeOf(x);
		return out;
	}
	return typeof v;
}

/**
 * Differences between an actual value and a reference value: same keys at every level and same
 * primitive types (null matches anything: WooCommerce prints null for unset dates/amounts). Array
 * elements are compared against the reference element with the same index, or the first one.
 */
export function shapeDiff(actual: unknown, expected: unknown, at = '$'): string[] {
	if (expected === null || actual === null) return [];
	if (Array.isArray(expected)) {
		if (!Array.isArray(actual)) return [`${at}: expected array, got ${typeof actual}`];
		if (expected.length === 0 || actual.length === 0) return [];
		// each element must match the shape of at least one reference element (lists mix kinds)
		return actual.flatMap((a, i) => {
			let best: string[] | null = null;
			for (const e of expected) {
				const d = shapeDiff(a, e, `${at}[${i}]`);
				if (best === null || d.length < best.length) best = d;
				if (d.length === 0) break;
			}
			return best ?? [];
		});
	}
	if (typeof expected === 'object') {
		if (typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: expected object, got ${Array.isArray(actual) ? 'array' : typeof actual}`];
		const e = expected as Record<string, unknown>;
		const a = actual as Record<string, unknown>;
		const out: string[] = [];
		for (const k of Object.keys(e)) if (!(k in a)) out.push(`${at}.${k}: missing`);
		for (const k of Object.keys(a)) if (!(k in e)) out.push(`${at}.${k}: unexpected`);
		for (const k of Object.keys(e)) if (k in a) out.push(...shapeDiff(a[k], e[k], `${at}.${k}`));
		return out;
	}
	// WooCommerce prints a line item's image id as '' when the product has no image, else a number
	if (/\.image\.id$/.test(at) && (actual === '' || expected === '')) return [];
	return typeof actual === typeof expected ? [] : [`${at}: expected ${typeof expected}, got ${typeof actual}`];
}

/** Parse a Link header into [{rel, url}]. */
export function parseLink(h: string | undefined): Array<{ rel: string; url: URL }> {
	if (!h) return [];
	return h.split(/,\s*(?=<)/).map((part) => {
		const m = /^<([^>]*)>;\s*rel="([^"]*)"/.exec(part.trim());
		if (!m) throw new Error(`bad Link part ${part}`);
		return { rel: m[2], url: new URL(m[1]) };
	});
}
