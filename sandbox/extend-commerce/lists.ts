/** List parameters (the back office's choices, by default ASSUMED_LIST): paging and the change-date filter. */
import type { BackOfficeChoices } from './choices';
import { ApiError } from './http';
import { parseIsoTime } from './validate';

/** Without `pageSize` a page holds this many records. */
export const DEFAULT_PAGE_SIZE = 50;

export interface Paging {
	/** How many records come before the page. */
	start: number;
	pageSize: number;
}

function wholeNumber(query: URLSearchParams, name: string, fallback: number, min: number, max?: number): number {
	const raw = query.get(name);
	if (raw === null) return fallback;
	const value = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || (max !== undefined && value > max)) {
		throw new ApiError(400, `Query parameter ${name} must be a whole number from ${min}${max !== undefined ? ` to ${max}` : ''}, got '${raw.slice(0, 20)}'.`, { parameter: name });
	}
	return value;
}

export function parsePaging(query: URLSearchParams, list: BackOfficeChoices['list']): Paging {
	const pageSize = wholeNumber(query, list.pageSize, DEFAULT_PAGE_SIZE, 1, list.maxPageSize);
	if (list.paging === 'offset') return { start: wholeNumber(query, list.page, 0, 0), pageSize };
	return { start: (wholeNumber(query, list.page, 1, 1) - 1) * pageSize, pageSize };
}

/** `changedSince` (inclusive): an ISO 8601 time with Z or an offset. */
export function parseChangedSince(query: URLSearchParams, list: BackOfficeChoices['list']): number | undefined {
	const raw = query.get(list.changedSince);
	if (raw === null) return undefined;
	const parsed = parseIsoTime(raw);
	if (!parsed) {
		throw new ApiError(400, `Query parameter ${list.changedSince} must be an ISO 8601 time with Z or an offset (e.g. 2025-03-04T09:00:00Z), got '${raw.slice(0, 40)}'.`, {
			parameter: list.changedSince,
		});
	}
	return parsed.getTime();
}

/** Oldest change first, ties by key, so pages are stable while nothing changes. */
export function pageOf<T>(items: T[], paging: Paging, changed: (item: T) => string, key: (item: T) => string): T[] {
	const sorted = [...items].sort((a, b) => changed(a).localeCompare(changed(b)) || key(a).localeCompare(key(b), 'en', { numeric: true }));
	return sorted.slice(paging.start, paging.start + paging.pageSize);
}

/**
 * The shop order numbers of the ASSUMED list parameter (comma-separated), as this tenant treats it
 * (choices `orderNumbersExternalSupport`); null: no filter by number.
 */
export function orderNumbersAsked(query: URLSearchParams, list: BackOfficeChoices['list']): string[] | null {
	const raw = query.get(list.orderNumbersExternal);
	if (raw === null || list.orderNumbersExternalSupport === 'ignored') return null;
	if (list.orderNumbersExternalSupport === 'refused') {
		throw new ApiError(400, `Unknown query parameter ${list.orderNumbersExternal}.`, { parameter: list.orderNumbersExternal });
	}
	const numbers = [...new Set(raw.split(',').map((number) => number.trim()).filter(Boolean))];
	return list.orderNumbersExternalSupport === 'firstOnly' ? numbers.slice(0, 1) : numbers;
}
