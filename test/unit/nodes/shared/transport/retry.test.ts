import type { HttpResponse } from '../../../../../nodes/shared/transport/http';
import { backoffDelayMs, isRetryable, retryAfterMs, withRetries, type Attempt } from '../../../../../nodes/shared/transport/retry';

const response = (status: number, headers: Record<string, string> = {}): Attempt => ({ kind: 'response', response: { status, headers, text: '' } as HttpResponse });

describe('what is retried', () => {
	it.each([429, 500, 502, 503, 504])('retries HTTP %i', (status) => expect(isRetryable(response(status))).toBe(true));
	it.each([200, 400, 401, 403, 404, 409, 413])('never retries HTTP %i', (status) => expect(isRetryable(response(status))).toBe(false));
	it.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'INCOMPLETE'])('retries the network failure %s', (code) => expect(isRetryable({ kind: 'network', code, message: '' })).toBe(true));
	it('does not retry an unknown host', () => expect(isRetryable({ kind: 'network', code: 'ENOTFOUND', message: '' })).toBe(false));
});

describe('Retry-After', () => {
	const now = new Date('2026-01-01T00:00:00Z');
	it('reads delta seconds', () => expect(retryAfterMs('3', now)).toBe(3000));
	it('reads an HTTP date', () => expect(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000));
	it('treats a date in the past as now', () => expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0));
	it('ignores garbage', () => expect(retryAfterMs('soon', now)).toBeUndefined());
});

describe('backoff', () => {
	const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
	it('grows exponentially with jitter between half and the full step', () => {
		expect(backoffDelayMs(policy, 1, undefined, () => 0)).toBe(50);
		expect(backoffDelayMs(policy, 1, undefined, () => 1)).toBe(100);
		expect(backoffDelayMs(policy, 3, undefined, () => 1)).toBe(400);
	});
	it('waits at least what the server asked, capped by the maximum', () => {
		expect(backoffDelayMs(policy, 1, 700, () => 0)).toBe(700);
		expect(backoffDelayMs(policy, 1, 60_000, () => 0)).toBe(1000);
	});
});

describe('withRetries', () => {
	it('retries until an answer is final and honours Retry-After', async () => {
		const answers = [response(429, { 'retry-after': '2' }), response(503), response(200)];
		const waits: number[] = [];
		const result = await withRetries(async () => answers.shift() as Attempt, { attempts: 5, baseDelayMs: 10, maxDelayMs: 5000 }, { sleep: async (ms) => void waits.push(ms), random: () => 0 });
		expect(result).toEqual(response(200));
		expect(waits).toEqual([2000, 10]);
	});

	it('gives up after the policy\'s tries and returns the last failure', async () => {
		let tries = 0;
		const result = await withRetries(async () => (tries++, response(500)), { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 }, { sleep: async () => {} });
		expect(tries).toBe(3);
		expect(result).toEqual(response(500));
	});

	it('gives up at once when the server asks for a longer pause than the longest backoff', async () => {
		let tries = 0;
		const result = await withRetries(async () => (tries++, response(503, { 'retry-after': '600' })), { attempts: 5, baseDelayMs: 1, maxDelayMs: 30_000 }, { sleep: async () => {} });
		expect(tries).toBe(1);
		expect(result).toEqual(response(503, { 'retry-after': '600' }));
	});

	it('does not retry a 401', async () => {
		let tries = 0;
		await withRetries(async () => (tries++, response(401)), { attempts: 5, baseDelayMs: 1, maxDelayMs: 1 }, { sleep: async () => {} });
		expect(tries).toBe(1);
	});
});
