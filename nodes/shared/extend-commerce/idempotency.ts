import { createHash } from 'crypto';

import type { CanonicalResource } from '../mapping/canonical';

/** Bumped only if the key derivation changes; part of the hashed text. */
const KEY_VERSION = 'ec-push-v1';

/**
 * JSON with object keys sorted at every level (arrays keep their order; undefined properties are
 * left out as JSON.stringify does), so that equal content always gives the same text.
 */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
	if (value !== null && typeof value === 'object') {
		const withToJson = value as { toJSON?: () => unknown };
		if (typeof withToJson.toJSON === 'function') return sortKeys(withToJson.toJSON());
		const sorted: Record<string, unknown> = {};
		for (const key of Object.keys(value).sort()) {
			const entry = (value as Record<string, unknown>)[key];
			if (entry !== undefined) sorted[key] = sortKeys(entry);
		}
		return sorted;
	}
	return value;
}

/**
 * The Idempotency-Key of one batch: a SHA-256 of the connection key, the resource and the
 * batch's canonical JSON. The same batch content always gives the same key — so a re-run after a
 * failure is answered from the back office's stored answer instead of being applied twice — and
 * any change (a record, its order in the batch, the connection, the resource) gives another key.
 * Printable ASCII, 75 characters, as the contract requires (1–255, no spaces).
 */
export function batchIdempotencyKey(connectionKey: string, resource: CanonicalResource, records: readonly unknown[]): string {
	const digest = createHash('sha256')
		.update(canonicalJson([KEY_VERSION, connectionKey, resource, records]), 'utf8')
		.digest('hex');
	return `${resource}-${digest}`;
}
