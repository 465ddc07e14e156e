import type { HttpRequest, HttpResponse } from '../../../../../nodes/shared/transport/http';
import { pacedSend, RateLimitPacer, resetAtFrom } from '../../../../../nodes/shared/transport/pacer';

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

	it('takes the earliest reset of one window (each answer\'s whole seconds are rounded up)', async () => {
		const { pacer, advance, now } = pacerAt();
		await pacer.acquire();
		await pacer.acquire();
		pacer.release(answer(200, { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '10' }));
		advance(400);
		pacer.release(answer(200, { 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': '9' }));
		expect(pacer.state().resetAt).toBe(now() + 9_000);
	});
});

/**
 * Virtual time for pacing many concurrent requests: every sleep is a timer, and the clock jumps to
 * the next timer once everything else has settled.
 */
function virtualTime() {
	let now = 0;
	const timers: Array<{ at: number; resolve: () => void }> = [];
	const sleep = async (ms: number) => await new Promise<void>((resolve) => timers.push({ at: now + ms, resolve }));
	async function run(work: Promise<unknown>): Promise<void> {
		let done = false;
		void work.finally(() => (done = true));
		while (!done) {
			await new Promise((resolve) => setImmediate(resolve));
			if (done) break;
			timers.sort((a, b) => a.at - b.at);
			const next = timers.shift();
			if (!next) throw new Error('nothing left to wait for');
			now = Math.max(now, next.at);
			next.resolve();
		}
		await work;
	}
	return { now: () => now, sleep, run };
}

/** A server with fixed windows of `limit` requests per `windowMs`, one counter per group, headers as Extend's. */
function fakeServer(time: ReturnType<typeof virtualTime>, limit: number, windowMs: number, groupOf: (request: HttpRequest) => string) {
	const windows = new Map<string, { start: number; used: number }>();
	let answered429 = 0;
	let requests = 0;
	const send = async (request: HttpRequest): Promise<HttpResponse> => {
		await time.sleep(20);
		requests += 1;
		const group = groupOf(request);
		let window = windows.get(group);
		if (!window || time.now() >= window.start + windowMs) {
			window = { start: time.now(), used: 0 };
			windows.set(group, window);
		}
		const allowed = window.used < limit;
		if (allowed) window.used += 1;
		else answered429 += 1;
		const headers = { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(limit - window.used), 'x-ratelimit-reset': String(Math.max(1, Math.ceil((window.start + windowMs - time.now()) / 1000))) };
		await time.sleep(20);
		return { status: allowed ? 200 : 429, headers, text: '{}' };
	};
	return { send, figures: () => ({ requests, answered429 }) };
}

/** `orders` orders pushed four at a time, each a lookup then a create, a 429 sent again (as the transport's retry does). */
async function pushOrders(grouping: 'method' | 'shared', orders: number) {
	const time = virtualTime();
	const pacer = new RateLimitPacer({ headers: HEADERS, marginMs: 250, now: time.now, sleep: time.sleep });
	const server = fakeServer(time, 30, 10_000, (request) => (grouping === 'shared' ? 'all' : request.method));
	const send = pacedSend(server.send, pacer, (request) => `${request.method} customerorders`);
	const request = async (method: string) => {
		while ((await send({ method, url: 'http://extend.test/api/CustomerOrders' } as HttpRequest)).status === 429);
	};
	let next = 0;
	const worker = async () => {
		while (next < orders) {
			next += 1;
			await request('GET');
			await request('POST');
		}
	};
	await time.run(Promise.all([worker(), worker(), worker(), worker()]));
	return { ...server.figures(), seconds: time.now() / 1000, groups: pacer.sharedGroups() };
}

describe('RateLimitPacer with rate-limit groups the server does not name', () => {
	it('paces a lookup and a create together once a 429 shows they share one limit', async () => {
		const run = await pushOrders('shared', 300);
		expect(run.groups).toEqual([['GET customerorders', 'POST customerorders']]);
		// Only the requests in flight when the shared limit first ran out are refused.
		expect(run.answered429).toBeLessThanOrEqual(4);
		// 600 requests at 30 per 10 s need 20 windows; pacing adds at most the margin per window.
		expect(run.seconds).toBeLessThan(20 * 10 + 20 * 1.5);
	});

	it('keeps methods with limits of their own apart: no 429 and twice the rate', async () => {
		const run = await pushOrders('method', 300);
		expect(run.answered429).toBe(0);
		expect(run.groups).toEqual([['GET customerorders'], ['POST customerorders']]);
		expect(run.seconds).toBeLessThan(10 * 10 + 10 * 1.5);
	});

	it('merges nothing on a 429 while the other method still has plenty left in its window', async () => {
		const { pacer } = pacerAt();
		await pacer.acquire('GET a');
		pacer.release(answer(200, { 'x-ratelimit-remaining': '250', 'x-ratelimit-reset': '30' }), 'GET a');
		await pacer.acquire('POST a');
		pacer.release(answer(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }), 'POST a');
		expect(pacer.sharedGroups()).toEqual([['GET a'], ['POST a']]);
	});
});
