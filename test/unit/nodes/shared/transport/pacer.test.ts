import { RateLimitPacer, resetAtFrom } from '../../../../../nodes/shared/transport/pacer';

const HEADERS = { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset' };

/** A pacer on a fake clock whose sleeps move the clock. */
function pacerAt(start = 1_000_000) {
	let now = start;
	const sleeps: number[] = [];
	const pacer = new RateLimitPacer({
		headers: HEADERS,
		marginMs: 100,
		now: () => now,
		sleep: async (ms) => {
			sleeps.push(ms);
			now += ms;
		},
	});
	return { pacer, sleeps, advance: (ms: number) => (now += ms), now: () => now };
}

const answer = (status: number, headers: Record<string, string>) => ({ status, headers });

describe('RateLimitPacer', () => {
	it('never waits while the server sends no rate-limit headers', async () => {
		const { pacer, sleeps } = pacerAt();
		for (let i = 0; i < 50; i++) {
			await pacer.acquire();
			pacer.release(answer(200, {}));
		}
		expect(sleeps).toEqual([]);
	});

	it('waits for the window\'s reset once the remaining requests are used up, counting those still in flight', async () => {
		const { pacer, sleeps } = pacerAt();
		await pacer.acquire();
		pacer.release(answer(200, { 'x-ratelimit-remaining': '2', 'x-ratelimit-reset': '10' }));
		await pacer.acquire();
		await pacer.acquire();
		expect(sleeps).toEqual([]);
		// Two in flight, two remaining: the next one must wait for the reset (10 s) plus the margin.
		const third = pacer.acquire();
		await third;
		expect(sleeps).toEqual([10_100]);
	});

	it('within one window trusts the smallest remaining count (answers arrive out of order)', async () => {
		const { pacer } = pacerAt();
		for (let i = 0; i < 3; i++) await pacer.acquire();
		pacer.release(answer(200, { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '30' }));
		pacer.release(answer(200, { 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '30' }));
		expect(pacer.state().remaining).toBe(5);
	});

	it('after a 429 stops every request until Retry-After, which wins over the window reset', async () => {
		const { pacer, sleeps } = pacerAt();
		await pacer.acquire();
		pacer.release(answer(429, { 'retry-after': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '40' }));
		await pacer.acquire();
		expect(sleeps).toEqual([3_100]);
	});

	it('reads a reset given as epoch seconds as a moment, small numbers as seconds from now', () => {
		expect(resetAtFrom('5', 1_000)).toBe(6_000);
		expect(resetAtFrom('1800000000', 1_000)).toBe(1_800_000_000_000);
		expect(resetAtFrom('soon', 1_000)).toBeUndefined();
		expect(resetAtFrom(undefined, 1_000)).toBeUndefined();
	});
});
