/**
 * Sync windows: half-open UTC intervals [start, end) in whole seconds, the unit WooCommerce
 * stores dates in. Pure functions, so the planning is table-tested.
 */
export interface SyncWindow {
	/** Epoch seconds, inclusive. */
	start: number;
	/** Epoch seconds, exclusive. */
	end: number;
}

/** Products have no natural start: WooCommerce did not exist before this, so nothing is older. */
export const BEGINNING_OF_TIME = Date.UTC(2000, 0, 1) / 1000;

/** Parses an ISO 8601 timestamp; one without an offset is UTC. Returns epoch seconds, or undefined. */
export function parseUtc(text: string | null | undefined): number | undefined {
	if (!text) return undefined;
	const trimmed = String(text).trim();
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(trimmed);
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = match;
	let seconds = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
	if (Number.isNaN(seconds)) return undefined;
	if (zone && zone.toUpperCase() !== 'Z') {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		seconds -= sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4)) * 60);
	}
	return Math.floor(seconds);
}

/** WooCommerce's date parameter form for dates_are_gmt=true: naive UTC, second precision. */
export function toWooDate(seconds: number): string {
	return new Date(seconds * 1000).toISOString().slice(0, 19);
}

export function toIsoUtc(seconds: number): string {
	return `${toWooDate(seconds)}Z`;
}

/**
 * Query bounds for a window. WooCommerce's modified_after and modified_before are strict, so the
 * lower bound is sent one second early: records stamped exactly at `start` are included, those
 * stamped at `end` belong to the next window.
 */
export function windowQuery(window: SyncWindow): { modified_after: string; modified_before: string; dates_are_gmt: 'true' } {
	return { modified_after: toWooDate(window.start - 1), modified_before: toWooDate(window.end), dates_are_gmt: 'true' };
}

const WOO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * A test of whether a record's date_modified_gmt lies in the window. WooCommerce's own naive UTC
 * form is compared as text against bounds formatted once, which is all a loop over every record
 * should do; other forms are parsed.
 */
export function windowChecker(window: SyncWindow): (modifiedGmt: string | null | undefined) => boolean {
	const from = toWooDate(window.start);
	const to = toWooDate(window.end);
	return (modifiedGmt) => {
		if (typeof modifiedGmt === 'string' && modifiedGmt.length === 19 && WOO_DATE.test(modifiedGmt)) return modifiedGmt >= from && modifiedGmt < to;
		const seconds = parseUtc(modifiedGmt);
		return seconds !== undefined && seconds >= window.start && seconds < window.end;
	};
}

/** Whether a record's date_modified_gmt lies in the window. */
export function windowContains(window: SyncWindow, modifiedGmt: string | null | undefined): boolean {
	return windowChecker(window)(modifiedGmt);
}

export function splitWindow(window: SyncWindow): [SyncWindow, SyncWindow] {
	const middle = window.start + Math.floor((window.end - window.start) / 2);
	return [
		{ start: window.start, end: middle },
		{ start: middle, end: window.end },
	];
}

export interface WindowPlanInput {
	/** Where this run starts: the committed cursor, a given date, or the first-run start. */
	start: number;
	/** The store's clock when the run started. */
	storeNow: number;
	/** Seconds kept back from the store's "now" so records still being saved are not passed over. */
	settleSeconds: number;
}

/** The window a run covers: from its start up to the store's frozen clock minus the settle time; null when there is nothing to cover yet. */
export function planWindow(input: WindowPlanInput): SyncWindow | null {
	const end = input.storeNow - input.settleSeconds;
	if (end <= input.start) return null;
	return { start: input.start, end };
}
