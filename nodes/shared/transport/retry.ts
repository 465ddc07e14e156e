import { sleep } from 'n8n-workflow';

import type { HttpResponse } from './http';

export interface RetryPolicy {
	/** Total tries including the first. */
	attempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/** What one try produced: an answer, or a failure before any answer came. */
export type Attempt =
	| { kind: 'response'; response: HttpResponse }
	| { kind: 'network'; code: string; message: string };

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524]);
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ECONNREFUSED',
	'ERR_BAD_RESPONSE',
	'ERR_NETWORK',
	'EPROTO',
	'TIMEOUT',
	'INCOMPLETE',
]);

/** The one place that decides what is worth another try: rate limits, server errors, timeouts and resets. 4xx are final. */
export function isRetryable(attempt: Attempt): boolean {
	if (attempt.kind === 'network') return RETRYABLE_NETWORK_CODES.has(attempt.code);
	return RETRYABLE_STATUSES.has(attempt.response.status);
}

/** Retry-After in milliseconds: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const at = Date.parse(trimmed);
	if (Number.isNaN(at)) return undefined;
	return Math.max(0, at - now.getTime());
}

/** Exponential backoff with full jitter, at least what the server asked for, never more than the cap. */
export function backoffDelayMs(policy: RetryPolicy, failedTries: number, serverAskedMs: number | undefined, random: () => number): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedTries - 1));
	const jittered = Math.round(exponential / 2 + random() * (exponential / 2));
	return Math.min(policy.maxDelayMs, Math.max(jittered, serverAskedMs ?? 0));
}

export interface RetryHooks {
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	now?: () => Date;
	onRetry?: (attempt: Attempt, delayMs: number, tryNumber: number) => void;
}

/** Runs `tryOnce` until it gives a final attempt or the policy's tries run out; returns the last attempt. */
export async function withRetries(tryOnce: () => Promise<Attempt>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<Attempt> {
	const wait = hooks.sleep ?? sleep;
	const random = hooks.random ?? Math.random;
	const now = hooks.now ?? (() => new Date());
	let attempt = await tryOnce();
	for (let tryNumber = 1; tryNumber < policy.attempts && isRetryable(attempt); tryNumber++) {
		const asked = attempt.kind === 'response' ? retryAfterMs(attempt.response.headers['retry-after'], now()) : undefined;
		// A server that asks for a longer pause than we would ever wait (maintenance mode) gets no
		// early retry: the run fails now and the next scheduled run tries again.
		if (asked !== undefined && asked > policy.maxDelayMs) break;
		const delay = backoffDelayMs(policy, tryNumber, asked, random);
		hooks.onRetry?.(attempt, delay, tryNumber);
		await wait(delay);
		attempt = await tryOnce();
	}
	return attempt;
}
