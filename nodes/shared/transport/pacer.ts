import { sleep } from 'n8n-workflow';

import type { HttpRequest, HttpResponse, HttpSend } from './http';

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

interface Bucket {
	remaining: number | undefined;
	resetAt: number;
	inFlight: number;
}

/**
 * Keeps a client under a server's rate limit by reading the limit headers of each answer: while
 * the window's remaining requests (less those still in flight and the reserve) run out, new
 * requests wait for the window to reset instead of being answered 429. A 429 empties the
 * window until its reset, so concurrent requests stop too. Without headers it never waits.
 *
 * A server may keep several limits (Extend: three groups, without saying which requests belong to
 * which), so requests are paced per bucket — the caller names the bucket of each request, e.g. by
 * method and resource — and each bucket follows the headers of its own answers. Buckets that turn
 * out to share one limit are merged: a 429 that arrives while another bucket is inside its own
 * window, with so little left that the requests in flight could have used it up, means both
 * count against one window, and from then on they are paced as one.
 */
export class RateLimitPacer {
	/** Bucket name → the window it counts in (merged buckets point to one window). */
	private readonly buckets = new Map<string, Bucket>();

	private waits = 0;

	private waitedMs = 0;

	private readonly now: () => number;

	private readonly wait: (ms: number) => Promise<void>;

	constructor(private readonly options: PacerOptions) {
		this.now = options.now ?? Date.now;
		this.wait = options.sleep ?? sleep;
	}

	private bucket(name: string): Bucket {
		let bucket = this.buckets.get(name);
		if (!bucket) {
			bucket = { remaining: undefined, resetAt: 0, inFlight: 0 };
			this.buckets.set(name, bucket);
		}
		return bucket;
	}

	state(name = ''): PacerState {
		const { remaining, resetAt, inFlight } = this.bucket(name);
		return { remaining, resetAt, inFlight, waits: this.waits, waitedMs: this.waitedMs };
	}

	/** The bucket names paced together, each group sorted, e.g. [["GET orders", "POST orders"], ["PUT products"]]. */
	sharedGroups(): string[][] {
		const groups = new Map<Bucket, string[]>();
		for (const [name, bucket] of this.buckets) groups.set(bucket, [...(groups.get(bucket) ?? []), name]);
		return [...groups.values()].map((names) => names.sort());
	}

	/** Waits until a request of the bucket may be sent, then counts it as in flight. */
	async acquire(name = ''): Promise<void> {
		for (;;) {
			// Looked up on every pass: the bucket may have been merged with another while waiting.
			const bucket = this.bucket(name);
			const now = this.now();
			if (bucket.remaining !== undefined && now >= bucket.resetAt) bucket.remaining = undefined;
			const budget = bucket.remaining === undefined ? Infinity : bucket.remaining - bucket.inFlight - (this.options.reserve ?? 0);
			if (budget > 0) {
				bucket.inFlight += 1;
				return;
			}
			const pause = Math.max(0, bucket.resetAt - now) + (this.options.marginMs ?? 250);
			this.waits += 1;
			this.waitedMs += pause;
			await this.wait(pause);
		}
	}

	/** Counts a request of the bucket as answered (or failed) and reads the answer's limit headers. */
	release(response?: Pick<HttpResponse, 'status' | 'headers'>, name = ''): void {
		const now = this.now();
		if (response?.status === 429) this.learnSharing(name, now);
		const bucket = this.bucket(name);
		bucket.inFlight = Math.max(0, bucket.inFlight - 1);
		if (!response) return;
		const names = this.options.headers;
		const remaining = headerNumber(response.headers[names.remaining]);
		const resetAt = resetAtFrom(response.headers[names.reset], now);
		if (response.status === 429) {
			// Over the limit: nothing more until the server said (Retry-After first, then the window's reset).
			const retryAt = resetAtFrom(response.headers['retry-after'], now) ?? resetAt ?? now + 1000;
			bucket.remaining = 0;
			bucket.resetAt = Math.max(bucket.resetAt, retryAt);
			return;
		}
		if (remaining === undefined) return;
		// Answers arrive out of order: within one window the smallest remaining count is the truest,
		// and so is the earliest reset — each answer's reset is an upper bound (whole seconds, rounded up).
		const sameWindow = bucket.remaining !== undefined && resetAt !== undefined && Math.abs(resetAt - bucket.resetAt) < 1500;
		bucket.remaining = sameWindow ? Math.min(bucket.remaining as number, remaining) : remaining;
		if (resetAt !== undefined) bucket.resetAt = sameWindow ? Math.min(bucket.resetAt, resetAt) : resetAt;
		else if (bucket.resetAt < now) bucket.resetAt = now + 1000;
	}

	/**
	 * A 429 for `name` while another bucket is inside its window with no more left than the requests
	 * in flight: the two count against one limit, so they are merged into one window.
	 */
	private learnSharing(name: string, now: number): void {
		const own = this.bucket(name);
		const inFlight = [...new Set(this.buckets.values())].reduce((sum, bucket) => sum + bucket.inFlight, 0);
		const partners = [...new Set(this.buckets.values())].filter(
			(other) => other !== own && other.remaining !== undefined && now < other.resetAt && other.remaining <= inFlight,
		);
		if (partners.length === 0) return;
		const merged: Bucket = {
			remaining: Math.min(...[own, ...partners].map((bucket) => bucket.remaining ?? Infinity)),
			resetAt: Math.max(own.resetAt, ...partners.map((bucket) => bucket.resetAt)),
			inFlight: own.inFlight + partners.reduce((sum, bucket) => sum + bucket.inFlight, 0),
		};
		if (merged.remaining === Infinity) merged.remaining = undefined;
		for (const [bucketName, bucket] of this.buckets) if (bucket === own || partners.includes(bucket)) this.buckets.set(bucketName, merged);
	}
}

/** A send that goes through the pacer: waits for its bucket's budget first, reports the answer after. */
export function pacedSend(send: HttpSend, pacer: RateLimitPacer, bucketOf: (request: HttpRequest) => string = () => ''): HttpSend {
	return async (request) => {
		const bucket = bucketOf(request);
		await pacer.acquire(bucket);
		let response: HttpResponse | undefined;
		try {
			response = await send(request);
			return response;
		} finally {
			pacer.release(response, bucket);
		}
	};
}
