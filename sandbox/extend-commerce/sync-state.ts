/**
 * The sync-state protocol, as pure functions: each takes the current state and answers the new
 * state plus the response, or throws an ApiError. The caller persists the new state.
 *
 *   register pending window -> (fetch + push) -> commit (compare-and-set on the cursor)
 */
import { ApiError } from './http';
import { describe, isUtcTimestamp, utcString } from './schema';
import type { PendingWindow, SyncState } from './store';

export const DEFAULT_PENDING_TTL_SECONDS = 24 * 60 * 60;

const ms = (timestamp: string) => Date.parse(timestamp);

/** Drops pending windows whose TTL has passed (in place); returns the state. */
export function pruneExpired(state: SyncState, now: Date): SyncState {
	const live = state.pending.filter((p) => ms(p.expiresAt) > now.getTime());
	if (live.length !== state.pending.length) state.pending = live;
	return state;
}

function requireTimestamp(body: Record<string, unknown>, field: string, nullable = false): void {
	const value = body[field];
	if (nullable && value === null) return;
	if (!isUtcTimestamp(value)) {
		throw new ApiError(
			400,
			'validation_failed',
			`${field} must be a UTC timestamp in ISO 8601 with a Z suffix such as "2025-03-04T04:11:35Z"${nullable ? ' or null' : ''}, got ${describe(value)}.`,
			{ errors: [{ field, message: 'must be a UTC ISO 8601 timestamp with Z' }] },
		);
	}
}

function requireExecutionId(body: Record<string, unknown>): string {
	const value = body.executionId;
	if (typeof value !== 'string' || value.trim() === '' || value.length > 255) {
		throw new ApiError(400, 'validation_failed', `executionId must be a non-empty string of at most 255 characters, got ${describe(value)}.`, {
			errors: [{ field: 'executionId', message: 'must be a non-empty string' }],
		});
	}
	return value;
}

function rejectUnknownFields(body: Record<string, unknown>, allowed: string[]): void {
	const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
	if (unknown.length > 0) {
		throw new ApiError(400, 'validation_failed', `Unknown field '${unknown[0]}'; send only ${allowed.join(', ')}.`, {
			errors: unknown.map((field) => ({ field, message: 'is not a known field; remove it' })),
		});
	}
}

export function registerPending(
	state: SyncState,
	body: Record<string, unknown>,
	now: Date,
	ttlSeconds: number,
): { state: SyncState; window: PendingWindow; created: boolean } {
	rejectUnknownFields(body, ['executionId', 'windowStart', 'windowEnd']);
	const executionId = requireExecutionId(body);
	requireTimestamp(body, 'windowStart');
	requireTimestamp(body, 'windowEnd');
	const windowStart = body.windowStart as string;
	const windowEnd = body.windowEnd as string;
	if (ms(windowStart) >= ms(windowEnd)) {
		throw new ApiError(400, 'validation_failed', `windowStart (${windowStart}) must be earlier than windowEnd (${windowEnd}).`, {
			errors: [{ field: 'windowEnd', message: 'must be later than windowStart' }],
		});
	}
	pruneExpired(state, now);
	const window: PendingWindow = {
		executionId,
		windowStart,
		windowEnd,
		registeredAt: utcString(now),
		expiresAt: utcString(new Date(now.getTime() + ttlSeconds * 1000)),
	};
	const others = state.pending.filter((p) => p.executionId !== executionId);
	const created = others.length === state.pending.length;
	return {
		state: { ...state, pending: [...others, window], updatedAt: utcString(now) },
		window,
		created,
	};
}

export function commitPending(
	state: SyncState,
	body: Record<string, unknown>,
	now: Date,
): { state: SyncState; answer: { committedCursor: string | null; advanced: boolean } } {
	rejectUnknownFields(body, ['executionId']);
	const executionId = requireExecutionId(body);
	pruneExpired(state, now);
	const window = state.pending.find((p) => p.executionId === executionId);
	if (!window) {
		throw new ApiError(
			409,
			'pending_window_not_found',
			`No pending window is registered for executionId '${executionId}' (never registered, already committed, reset, or expired). Register the window again with POST .../pending before committing.`,
			{ executionId, committedCursor: state.committedCursor },
		);
	}
	const cursor = state.committedCursor;
	const remaining = state.pending.filter((p) => p !== window);
	if (cursor !== null && ms(window.windowEnd) <= ms(cursor)) {
		return {
			state: { ...state, pending: remaining, updatedAt: utcString(now) },
			answer: { committedCursor: cursor, advanced: false },
		};
	}
	if (cursor === null || ms(window.windowStart) <= ms(cursor)) {
		return {
			state: { ...state, committedCursor: window.windowEnd, pending: remaining, updatedAt: utcString(now) },
			answer: { committedCursor: window.windowEnd, advanced: true },
		};
	}
	throw new ApiError(
		409,
		'sync_state_conflict',
		`The window starts at ${window.windowStart}, after the committed cursor ${cursor}; committing it would skip the data in between. Commit the earlier window first, or fetch again from the committed cursor.`,
		{ committedCursor: cursor, windowStart: window.windowStart, windowEnd: window.windowEnd },
	);
}

export function resetCursor(state: SyncState, body: Record<string, unknown>, now: Date): SyncState {
	rejectUnknownFields(body, ['cursor']);
	if (!('cursor' in body)) {
		throw new ApiError(400, 'validation_failed', 'cursor is required: a UTC timestamp with a Z suffix, or null to sync from the start.', {
			errors: [{ field: 'cursor', message: 'is required' }],
		});
	}
	requireTimestamp(body, 'cursor', true);
	return { ...state, committedCursor: body.cursor as string | null, pending: [], updatedAt: utcString(now) };
}
