/** List parameters (ASSUMED_LIST): paging and the change-date filter. Lists answer a JSON array. */
import { ASSUMED_LIST } from '../../nodes/shared/extend-commerce/api';
import { ApiError } from './http';
import { parseIsoTime } from './validate';

/** Without `pageSize` a page holds this many records. */
export const DEFAULT_PAGE_SIZE = 50;

export interface Paging {
	page: number;
	pageSize: number;
}

function positiveInteger(query: URLSearchParams, name: string, fallback: number, max?: number): number {
	const raw = query.get(name);
	if (raw === null) return fallback;
	const value = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1 || (max !== undefined && value > max)) {
		throw new ApiError(400, `Query parameter ${name} must be a whole number from 1${max !== undefined ? ` to ${max}` : ''}, got '${raw.slice(0, 20)}'.`, { parameter: name });
	}
	return value;
}

export function parsePaging(query: URLSearchParams): Paging {
	return {
		page: positiveInteger(query, ASSUMED_LIST.page, ASSUMED_LIST.firstPage),
		pageSize: positiveInteger(query, ASSUMED_LIST.pageSize, DEFAULT_PAGE_SIZE, ASSUMED_LIST.maxPageSize),
	};
}

/** `changedSince` (inclusive): an ISO 8601 time with Z or an offset. */
export function parseChangedSince(query: URLSearchParams): number | undefined {
	const raw = query.get(ASSUMED_LIST.changedSince);
	if (raw === null) return undefined;
	const parsed = parseIsoTime(raw);
	if (!parsed) {
		throw new ApiError(400, `Query parameter ${ASSUMED_LIST.changedSince} must be an ISO 8601 time with Z or an offset (e.g. 2025-03-04T09:00:00Z), got '${raw.slice(0, 40)}'.`, {
			parameter: ASSUMED_LIST.changedSince,
		});
	}
	return parsed.getTime();
}

/** Oldest change first, ties by key, so pages are stable while nothing changes. */
export function pageOf<T>(items: T[], paging: Paging, changed: (item: T) => string, key: (item: T) => string): T[] {
	const sorted = [...items].sort((a, b) => changed(a).localeCompare(changed(b)) || key(a).localeCompare(key(b), 'en', { numeric: true }));
	const start = (paging.page - 1) * paging.pageSize;
	return sorted.slice(start, start + paging.pageSize);
}
