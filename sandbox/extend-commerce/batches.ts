/**
 * Batch upsert of canonical records with per-record validation and idempotent replay.
 */
import { createHash } from 'node:crypto';
import type { RecordResult } from '../../nodes/shared/mapping/canonical';
import { orderSchema, productSchema } from './canonical-schema';
import { ApiError, canonicalJson } from './http';
import { utcString, type Schema } from './schema';
import type { Resource, Store, StoredRecord } from './store';

export const MAX_RECORDS_PER_BATCH = 100;
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

const schemas: Record<Resource, Schema<unknown>> = { products: productSchema, orders: orderSchema };

export function requireIdempotencyKey(header: string | string[] | undefined): string {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value === '') {
		throw new ApiError(
			400,
			'idempotency_key_required',
			'The Idempotency-Key header is required on batch requests; send a unique key per batch (e.g. the execution id plus the batch number) and reuse it when retrying.',
		);
	}
	if (!IDEMPOTENCY_KEY_PATTERN.test(value)) {
		throw new ApiError(400, 'invalid_idempotency_key', 'The Idempotency-Key header must be 1–255 printable ASCII characters without spaces.');
	}
	return value;
}

export function requireRecords(body: Record<string, unknown>): unknown[] {
	const unknown = Object.keys(body).filter((k) => k !== 'records');
	if (unknown.length > 0) {
		throw new ApiError(400, 'validation_failed', `Unknown field '${unknown[0]}'; the body is { "records": [...] }.`);
	}
	const records = body.records;
	if (!Array.isArray(records)) {
		throw new ApiError(400, 'validation_failed', 'records must be an array of 1 to 100 canonical records: { "records": [...] }.');
	}
	if (records.length === 0 || records.length > MAX_RECORDS_PER_BATCH) {
		throw new ApiError(
			400,
			'invalid_batch_size',
			`A batch holds 1 to ${MAX_RECORDS_PER_BATCH} records; this one has ${records.length}.${records.length > 0 ? ' Split it into smaller batches.' : ''}`,
			{ count: records.length, max: MAX_RECORDS_PER_BATCH },
		);
	}
	return records;
}

export function requestHash(method: string, path: string, body: unknown): string {
	return createHash('sha256').update(`${method} ${path}\n`).update(canonicalJson(body)).digest('hex');
}

export interface BatchContext {
	store: Store;
	tenant: string;
	key: string;
	resource: Resource;
	now: Date;
	/** sourceIds a reject-records fault rejects (`true` = all). */
	faultRejects?: Set<string> | true;
}

/** Validates and upserts every record; returns the results in request order and the changes to persist. */
export function upsertBatch(records: unknown[], ctx: BatchContext): { results: RecordResult[]; changed: Array<{ stored: StoredRecord; json: string }> } {
	const existing = ctx.store.recordMap(ctx.tenant, ctx.key, ctx.resource);
	const schema = schemas[ctx.resource];
	const stamp = utcString(ctx.now);
	const pending = new Map<string, { stored: StoredRecord; json: string }>();
	const results: RecordResult[] = [];
	for (const record of records) {
		const rawId = typeof record === 'object' && record !== null ? (record as Record<string, unknown>).sourceId : undefined;
		const sourceId = typeof rawId === 'string' ? rawId : '';
		const errors: Array<{ field: string; message: string }> = [];
		schema.check(record, '', errors);
		if (ctx.faultRejects && (ctx.faultRejects === true || ctx.faultRejects.has(sourceId))) {
			errors.push({ field: 'sourceId', message: 'rejected by the sandbox fault injector (reject-records)' });
		}
		if (errors.length > 0) {
			results.push({ sourceId, outcome: 'rejected', errors: errors.slice(0, 50) });
			continue;
		}
		const json = canonicalJson(record);
		const previous = pending.get(sourceId) ?? existing.get(sourceId);
		if (previous && previous.json === json) {
			results.push({ sourceId, outcome: 'unchanged' });
			continue;
		}
		const stored: StoredRecord = previous
			? { sourceId, record, version: previous.stored.version + 1, createdAt: previous.stored.createdAt, updatedAt: stamp }
			: { sourceId, record, version: 1, createdAt: stamp, updatedAt: stamp };
		pending.set(sourceId, { stored, json });
		results.push({ sourceId, outcome: previous ? 'updated' : 'created' });
	}
	return { results, changed: [...pending.values()] };
}
