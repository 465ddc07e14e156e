import { DEFAULT_ASSUMPTIONS, type ExtendAssumptions } from './assumptions';
import type { QueryValue } from '../transport/query';

type ListAssumptions = ExtendAssumptions['list'];

/**
 * The list inside an answer. Extend publishes no list shape (ASSUMED): a JSON array, or the first
 * array among the list's `arrayFields` of an envelope; undefined when there is none.
 */
export function listOf(body: unknown, arrayFields: readonly string[] = DEFAULT_ASSUMPTIONS.list.arrayFields): unknown[] | undefined {
	if (Array.isArray(body)) return body;
	if (!body || typeof body !== 'object') return undefined;
	for (const field of arrayFields) {
		const value = (body as Record<string, unknown>)[field];
		if (Array.isArray(value)) return value;
	}
	return undefined;
}

/** The records of a list answer (see listOf); anything else reads as no records. */
export function listRecords(body: unknown, arrayFields: readonly string[] = DEFAULT_ASSUMPTIONS.list.arrayFields): Array<Record<string, unknown>> {
	const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
	return (listOf(body, arrayFields) ?? []).filter(isRecord);
}

/**
 * The paging parameters of the page with this index (0 = the first), in the tenant's scheme: a
 * page number counted from `firstPage`, or the number of records to skip.
 */
export function pageQuery(list: ListAssumptions, index: number, pageSize: number): Record<string, QueryValue> {
	const position = list.paging === 'offset' ? index * pageSize : list.firstPage + index;
	return { [list.page]: position, [list.pageSize]: pageSize };
}
