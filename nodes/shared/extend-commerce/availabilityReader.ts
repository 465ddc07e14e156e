import type { IDataObject } from 'n8n-workflow';

import { TransportError } from '../transport/errors';
import type { QueryValue } from '../transport/query';
import { ASSUMED_AVAILABILITY, EXTEND_PATHS } from './api';
import { DEFAULT_ASSUMPTIONS } from './assumptions';
import type { ExtendGet } from './extendGet';
import { listOf, pageQuery } from './lists';

export interface AvailabilityRow extends IDataObject {
	productNumber: string;
	warehouse: string;
	availableBalance: number;
	/** UTC, as Extend sent it. */
	changed: string;
}

export interface AvailabilityQuery {
	/** ISO 8601 UTC; omitted = every balance. */
	changedSince?: string;
	warehouse?: string;
	productNumbers?: string[];
	pageSize?: number;
	/** Stop after this many rows (0 = all). */
	limit?: number;
}

export interface AvailabilityResult {
	rows: AvailabilityRow[];
	/** Rows without a readable product number or balance: never dropped, the caller reports them. */
	unreadable: UnreadableRow[];
	pages: number;
	/** The latest `changed` read: the next run's Changed Since (the filter includes it, so nothing at that instant is lost). */
	latestChange: string | undefined;
}

/**
 * The next run's Changed Since: the latest change read, but never past a row that was not handed
 * on — the earliest change among those, or (when one of them has no readable change) where this
 * read started — so the next run reads them again instead of passing them over.
 */
export function resumeFrom(latestChange: string | undefined, held: ReadonlyArray<{ changed?: string }>, changedSince: string | undefined): string | undefined {
	if (held.length === 0) return latestChange ?? changedSince;
	let earliest: string | undefined;
	for (const row of held) {
		const at = row.changed ? Date.parse(row.changed) : Number.NaN;
		if (Number.isNaN(at)) return changedSince;
		if (earliest === undefined || at < Date.parse(earliest)) earliest = row.changed;
	}
	// A row read again whole (every warehouse of a product) may have changed long before: never go back past where this read started.
	return changedSince !== undefined && earliest !== undefined && Date.parse(earliest) < Date.parse(changedSince) ? changedSince : earliest;
}

/** A row the package cannot read: which assumed field it lacks, and what it held instead. */
export interface UnreadableRow {
	/** Position in the whole read, from 0. */
	position: number;
	field: string;
	value: unknown;
	/** The row's change time, when it has a readable one: the next run's Changed Since may not pass it. */
	changed?: string;
}

/** A balance as a number: a JSON number or a numeric text; null, empty or other text is unreadable (never 0). */
function balanceOf(value: unknown): number | undefined {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
	return Number.isFinite(number) ? number : undefined;
}

/** One row in fixed names (ASSUMED_AVAILABILITY, as adjusted), keeping any field Extend adds; or the field it lacks. */
export function availabilityRowOf(raw: unknown, fields: Record<keyof typeof ASSUMED_AVAILABILITY, string> = ASSUMED_AVAILABILITY): { ok: true; row: AvailabilityRow } | { ok: false; field: string; value: unknown } {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, field: fields.productNumber, value: raw };
	const record = raw as IDataObject;
	const productNumber = record[fields.productNumber];
	if ((typeof productNumber !== 'string' || productNumber.trim() === '') && typeof productNumber !== 'number') return { ok: false, field: fields.productNumber, value: productNumber };
	const available = balanceOf(record[fields.available]);
	if (available === undefined) return { ok: false, field: fields.available, value: record[fields.available] };
	return {
		ok: true,
		row: {
			...record,
			productNumber: String(productNumber),
			warehouse: String(record[fields.warehouse] ?? ''),
			availableBalance: available,
			changed: String(record[fields.changed] ?? ''),
		},
	};
}

function changedOf(raw: unknown, field: string): { changed?: string } {
	const value = raw && typeof raw === 'object' ? (raw as IDataObject)[field] : undefined;
	return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? { changed: value } : {};
}

/**
 * Product Availability → Get Changed: `GET ProductAvailability` page by page (ASSUMED paging: a
 * page shorter than the page size is the last) with the change-date, warehouse and product filters.
 */
export async function readChangedAvailability(client: ExtendGet, query: AvailabilityQuery): Promise<AvailabilityResult> {
	const assumed = client.assumptions ?? DEFAULT_ASSUMPTIONS;
	const pageSize = Math.min(assumed.list.maxPageSize, Math.max(1, query.pageSize ?? assumed.list.maxPageSize));
	const filters: Record<string, QueryValue> = {};
	if (query.changedSince) filters[assumed.list.changedSince] = query.changedSince;
	if (query.warehouse) filters[assumed.list.warehouse] = query.warehouse;
	if (query.productNumbers && query.productNumbers.length > 0) filters[assumed.list.productNumbers] = query.productNumbers.join(',');
	const rows: AvailabilityRow[] = [];
	const unreadable: UnreadableRow[] = [];
	let pages = 0;
	let position = 0;
	for (let page = 0; ; page++) {
		const body = await client.get(EXTEND_PATHS.productAvailability, { ...filters, ...pageQuery(assumed.list, page, pageSize) });
		pages += 1;
		const list = listOf(body, assumed.list.arrayFields);
		if (!list) {
			throw new TransportError('not-json', `Extend Commerce answered ${EXTEND_PATHS.productAvailability} with something other than a list`, 'The answer holds no list of balances; check that the API URL points at the Extend Commerce API.');
		}
		for (const raw of list) {
			const read = availabilityRowOf(raw, assumed.availability);
			if (read.ok) rows.push(read.row);
			else unreadable.push({ position, field: read.field, value: read.value, ...changedOf(raw, assumed.availability.changed) });
			position += 1;
		}
		if (list.length < pageSize || (query.limit && rows.length >= query.limit)) break;
	}
	const kept = query.limit ? rows.slice(0, query.limit) : rows;
	const latestChange = kept.reduce<string | undefined>((latest, row) => (row.changed && (!latest || Date.parse(row.changed) > Date.parse(latest)) ? row.changed : latest), undefined);
	return { rows: kept, unreadable, pages, latestChange };
}
