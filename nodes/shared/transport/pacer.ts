import { sleep } from 'n8n-workflow';

import type { HttpResponse, HttpSend } from './http';

export interface RateLimitHeaderNames {
	limit: string;
	remaining: string;
	reset: string;
}

export interface PacerOptions {
	headers: RateLimitHeaderNames;
	/** Requests left unused per window, as a safety margin for other clients of the same key. */
	reserve?: number;
	/** Added to every wait, because the server's reset is given in whole seconds. */
	marginMs?: number;
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
}

export interface PacerState {
	remaining: number | undefined;
	resetAt: number;
	inFlight: number;
	waits: number;
	waitedMs: number;
}

function headerNumber(value: string | undefined): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const parsed = Number(value.trim());
	return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

/** A reset given as seconds from now, or (when it looks like one) as epoch seconds. */
export function resetAtFrom(value: string | undefined, now: number): number | undefined {
	const seconds = headerNumber(value);
	if (seconds === undefined) return undefined;
	return seconds > 1e9 ? seconds * 1000 : now + seconds * 1000;
}

/**
 * Keeps a client under a server's rate limit by reading the limit headers of each answer: while
 * the window's remaining requests (less those still in flight and the reserve) run out, new
 * requests wait for the window to reset instead of being answered 429. A 429 empties the
 * window until its reset, so concurrent requests stop too. Without headers it never waits.
 */
export class RateLimitPacer {
	private remaining: number | undefined;

	private resetAt = 0;

	private inFlight = 0;

	private waits = 0;

	private waitedMs = 0;

	private readonly now: () => number;

	private readonly wait: (ms: number) => Promise<void>;

	constructor(private readonly options: PacerOptions) {
		this.now = options.now ?? Date.now;
		this.wait = options.sleep ?? sleep;
	}

	state(): PacerState {
		return { remaining: this.remaining, resetAt: this.resetAt, inFlight: this.inFlight, waits: this.waits, waitedMs: this.waitedMs };
	}

	/** Waits until a request may be sent, then counts it as in flight. */
	async acquire(): Promise<void> {
		for (;;) {
			const now = this.now();
			if (this.remaining !== undefined && now >= this.resetAt) this.remaining = undefined;
			const budget = this.remaining === undefined ? Infinity : this.remaining - this.inFlight - (this.options.reserve ?? 0);
			if (budget > 0) break;
			const pause = Math.max(0, this.resetAt - now) + (this.options.marginMs ?? 250);
			this.waits += 1;
			this.waitedMs += pause;
			await this.wait(pause);
		}
		this.inFlight += 1;
	}

	/** Counts a request as answered (or failed) and reads the answer's limit headers. */
	release(response?: Pick<HttpResponse, 'status' | 'headers'>): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (!response) return;
		const now = this.now();
		const names = this.options.headers;
		const remaining = headerNumber(response.headers[names.remaining]);
		const resetAt = resetAtFrom(response.headers[names.reset], now);
		if (response.status === 429) {
			// Over the limit: nothing more until the server said (Retry-After first, then the window's reset).
			const retryAt = resetAtFrom(response.headers['retry-after'], now) ?? resetAt ?? now + 1000;
			this.remaining = 0;
			this.resetAt = Math.max(this.resetAt, retryAt);
			return;
		}
		if (remaining === undefined) return;
		// Answers arrive out of order: within one window the smallest remaining count is the truest.
		const sameWindow = this.remaining !== undefined && resetAt !== undefined && Math.abs(resetAt - this.resetAt) < 1500;
		this.remaining = sameWindow ? Math.min(this.remaining as number, remaining) : remaining;
		if (resetAt !== undefined) this.resetAt = sameWindow ? Math.max(this.resetAt, resetAt) : resetAt;
		else if (this.resetAt < now) this.resetAt = now + 1000;
	}
}

/** A send that goes through the pacer: waits for budget first, reports the answer after. */
export function pacedSend(send: HttpSend, pacer: RateLimitPacer): HttpSend {
	return async (request) => {
		await pacer.acquire();
		let response: HttpResponse | undefined;
		try {
			response = await send(request);
			return response;
		} finally {
			pacer.release(response);
		}
	};
}
