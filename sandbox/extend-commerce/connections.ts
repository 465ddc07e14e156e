import { ApiError } from './http';
import { describe, isUtcTimestamp, utcString, type FieldError } from './schema';
import type { Connection } from './store';

export const CONNECTION_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,127}$/;

const CONNECTION_FIELDS = ['name', 'externalSystem', 'storeUrl', 'orderStart', 'warehouse', 'companyGroup'];

/** Field names that look like store credentials; the back office never takes them. */
const SECRET_FIELD = /(consumer_?key|consumer_?secret|secret|password|passwd|token|api_?key|private_?key|credential|authorization)/i;

export function requireConnectionKey(key: string): void {
	if (!CONNECTION_KEY_PATTERN.test(key)) {
		throw new ApiError(
			400,
			'invalid_connection_key',
			`The connection key '${key.slice(0, 140)}' is not valid; use 1–128 characters of a–z, 0–9 and '-', starting with a letter or digit (pattern ${CONNECTION_KEY_PATTERN.source}).`,
		);
	}
}

/** Finds a secret-looking field anywhere in the body (returns its dotted path). */
function findSecretField(value: unknown, path: string): string | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		const fieldPath = path ? `${path}.${k}` : k;
		if (SECRET_FIELD.test(k)) return fieldPath;
		const nested = findSecretField(v, fieldPath);
		if (nested) return nested;
	}
	return undefined;
}

function storeUrlProblem(value: unknown): string | undefined {
	if (typeof value !== 'string' || value.trim() === '') return `must be the store's http(s) URL, got ${describe(value)}`;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return `must be an absolute http(s) URL such as "https://shop.example.com", got ${describe(value)}`;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use http or https';
	if (url.username || url.password) return 'must not contain credentials (user:password@); the back office never stores store secrets';
	for (const name of url.searchParams.keys()) {
		if (SECRET_FIELD.test(name)) return `must not contain the query parameter '${name}'; the back office never stores store secrets`;
	}
	return undefined;
}

/** Validates a PUT body and builds the connection to store (timestamps from `existing` / `now`). */
export function buildConnection(key: string, body: Record<string, unknown>, existing: Connection | undefined, now: Date): Connection {
	const secret = findSecretField(body, '');
	if (secret) {
		throw new ApiError(
			400,
			'secret_not_accepted',
			`The field '${secret}' looks like a store secret. Extend Commerce never accepts or stores WooCommerce keys or tokens; keep them in the n8n credential and remove the field.`,
			{ field: secret },
		);
	}
	const errors: FieldError[] = [];
	for (const field of Object.keys(body)) {
		if (!CONNECTION_FIELDS.includes(field)) errors.push({ field, message: 'is not a known field; remove it' });
	}
	if (typeof body.name !== 'string' || body.name.trim() === '' || body.name.length > 200) {
		errors.push({ field: 'name', message: `must be a non-empty string of at most 200 characters, got ${describe(body.name)}` });
	}
	if (body.externalSystem !== 'woocommerce') {
		errors.push({ field: 'externalSystem', message: `must be "woocommerce", got ${describe(body.externalSystem)}` });
	}
	const urlProblem = storeUrlProblem(body.storeUrl);
	if (urlProblem) errors.push({ field: 'storeUrl', message: urlProblem });
	if (!isUtcTimestamp(body.orderStart)) {
		errors.push({
			field: 'orderStart',
			message: `must be a UTC timestamp in ISO 8601 with a Z suffix such as "2025-01-01T00:00:00Z", got ${describe(body.orderStart)}`,
		});
	}
	for (const field of ['warehouse', 'companyGroup']) {
		const value = body[field];
		if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 200)) {
			errors.push({ field, message: `must be a string of at most 200 characters or null, got ${describe(value)}` });
		}
	}
	if (errors.length > 0) {
		throw new ApiError(
			400,
			'validation_failed',
			`The connection is not valid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`,
			{ errors },
		);
	}
	const fields = {
		key,
		name: body.name as string,
		externalSystem: 'woocommerce' as const,
		storeUrl: body.storeUrl as string,
		orderStart: body.orderStart as string,
		warehouse: (body.warehouse as string | null | undefined) ?? null,
		companyGroup: (body.companyGroup as string | null | undefined) ?? null,
	};
	if (!existing) return { ...fields, createdAt: utcString(now), updatedAt: utcString(now) };
	const same = (Object.keys(fields) as Array<keyof typeof fields>).every((k) => fields[k] === existing[k]);
	return { ...fields, createdAt: existing.createdAt, updatedAt: same ? existing.updatedAt : utcString(now) };
}
