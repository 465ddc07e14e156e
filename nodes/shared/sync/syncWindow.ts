/**
 * The hand-over between the fetch node and the push node. n8n holds the cursor (in a Data table,
 * or any store the workflow chooses); the nodes keep no state. The fetch node emits one
 * `SyncWindowInfo` item on its "Window" output; the push node reads it (its Sync Window
 * parameter) and, once every record was accepted, rejected or skipped, emits one `NextCursor`
 * item on its "Next Cursor" output — nothing when the run failed, nothing after a Limit run.
 */
export type SyncResource = 'products' | 'orders';

/** How the fetch chose its start. */
export type SinceMode = 'cursor' | 'date' | 'orderStart';

export interface SyncWindowInfo {
	/** The Extend Commerce Connection's Name (the credential's Name field). */
	connection: string;
	resource: SyncResource;
	since: SinceMode;
	/** ISO 8601 UTC ('…Z'), inclusive. */
	windowStart: string;
	/** ISO 8601 UTC, exclusive: the store's clock at the start of the read minus the settle time. */
	windowEnd: string;
	/** Records (parents; variations not counted) the fetch emitted. */
	records: number;
	/** True when Max Records per Run cut the window short: `windowEnd` is where this run stopped. */
	capped: boolean;
	/** False for a Limit run: only some records of the window were read, so the window must not move any cursor. */
	complete: boolean;
	/** The store connection's Warehouse, when it has one: the push node's warehouse when its own store slot is empty. */
	warehouse?: string;
}

export interface RecordCounts {
	created: number;
	updated: number;
	unchanged: number;
	cancelled: number;
	skipped: number;
	rejected: number;
}

export interface NextCursor extends RecordCounts {
	connection: string;
	resource: SyncResource;
	/** Where the next run starts: the window's end (ISO 8601 UTC). */
	cursor: string;
	/** Where this run started, for the record. */
	previousCursor: string;
	capped: boolean;
	/** When the push finished (ISO 8601 UTC). */
	syncedAt: string;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Checks a value that reached the push node as a Sync Window; returns a reason when it is not one. */
export function syncWindowProblem(value: unknown): string | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return 'it is empty or not an object';
	const window = value as Partial<SyncWindowInfo>;
	if (window.resource !== 'products' && window.resource !== 'orders') return 'its resource is neither products nor orders';
	if (typeof window.windowStart !== 'string' || !ISO_UTC.test(window.windowStart)) return 'its windowStart is not an ISO 8601 UTC date';
	if (typeof window.windowEnd !== 'string' || !ISO_UTC.test(window.windowEnd)) return 'its windowEnd is not an ISO 8601 UTC date';
	if (typeof window.complete !== 'boolean') return 'it has no complete flag';
	return undefined;
}

/** The cursor a finished push hands on, or undefined when this window must not move any cursor. */
export function nextCursorAfter(window: SyncWindowInfo, counts: RecordCounts, finishedAt: Date): NextCursor | undefined {
	if (!window.complete) return undefined;
	return {
		connection: window.connection,
		resource: window.resource,
		cursor: window.windowEnd,
		previousCursor: window.windowStart,
		capped: window.capped,
		...counts,
		syncedAt: finishedAt.toISOString(),
	};
}
