import type { SinceMode, SyncResource } from '../shared/sync/syncWindow';
import { TransportError } from '../shared/transport/errors';
import { BEGINNING_OF_TIME, parseUtc } from '../shared/woocommerce/window';

export interface StartInput {
	since: SinceMode;
	resource: SyncResource;
	/** The Cursor parameter as the expression produced it: a string, a Date (a Data table date column), or nothing. */
	cursor?: unknown;
	sinceDate?: string;
	/** The connection's Order Start, epoch seconds. */
	orderStart: number;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function cursorSeconds(value: unknown): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : Math.floor(value.getTime() / 1000);
	// Luxon DateTime and other date-like values n8n expressions may hand over.
	if (typeof value === 'object' && value !== null && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return parseUtc(String((value as { toISO: () => string }).toISO()));
	}
	return typeof value === 'string' ? parseUtc(value) : undefined;
}

/** Where a fetch starts, in epoch seconds: from the cursor the workflow keeps, a given date, or Order Start. */
export function startOf(input: StartInput): number {
	const fallback = input.resource === 'orders' ? input.orderStart : BEGINNING_OF_TIME;
	if (input.since === 'orderStart') return input.orderStart;
	if (input.since === 'date') {
		const parsed = parseUtc(input.sinceDate);
		if (parsed === undefined) {
			throw new TransportError('invalid-input', `Since Date "${input.sinceDate ?? ''}" is not a date`, 'Enter a date such as 2025-06-01T00:00:00 (UTC) in Since Date.');
		}
		return parsed;
	}
	// An empty cursor is a first run: no row in the workflow's store yet.
	if (isEmpty(input.cursor)) return fallback;
	const parsed = cursorSeconds(input.cursor);
	if (parsed === undefined) {
		const shown = typeof input.cursor === 'object' ? JSON.stringify(input.cursor) : String(input.cursor);
		throw new TransportError(
			'invalid-input',
			`Cursor "${shown.slice(0, 80)}" is not a date`,
			'The Cursor parameter must give an ISO 8601 date such as 2025-06-01T00:00:00Z, or nothing for a first sync. Check the "cursor" column of the sync state row (or the expression in Cursor).',
		);
	}
	return parsed;
}
