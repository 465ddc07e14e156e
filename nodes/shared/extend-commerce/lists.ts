import { ASSUMED_LIST } from './api';

/**
 * The records of a list answer. Extend publishes no list shape (ASSUMED): a JSON array, or the
 * first array among ASSUMED_LIST.arrayFields of an envelope. Anything else reads as no records.
 */
export function listRecords(body: unknown): Array<Record<string, unknown>> {
	const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
	if (Array.isArray(body)) return body.filter(isRecord);
	if (isRecord(body)) {
		for (const field of ASSUMED_LIST.arrayFields) {
			const list = body[field];
			if (Array.isArray(list)) return list.filter(isRecord);
		}
	}
	return [];
}
