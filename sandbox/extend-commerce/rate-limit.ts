/**
 * Three rate-limit groups with fixed windows. Every API answer carries the three
 * `x-ratelimit-*` headers (RATE_LIMIT_HEADERS); over the limit the answer is 429.
 */
import { RATE_LIMIT_HEADERS } from '../../nodes/shared/extend-commerce/api';
import { RATE_LIMIT_GROUPS, type RateLimitGroup, type RateLimitWindow } from './types';

/** Documented: "300 would be Standard limit". The window is not published; the sandbox uses a minute. */
export const STANDARD_LIMIT: RateLimitWindow = { limit: 300, windowSeconds: 60 };

interface Counter {
	windowStart: number;
	used: number;
}

export interface RateDecision {
	allowed: boolean;
	headers: Record<string, string>;
	/** Seconds until the window resets (whole seconds, at least 1 when limited). */
	resetSeconds: number;
}

export class RateLimiter {
	readonly groups: Record<RateLimitGroup, RateLimitWindow>;
	private counters = new Map<RateLimitGroup, Counter>();

	constructor(
		initial: Partial<Record<RateLimitGroup, RateLimitWindow>> | undefined,
		private readonly clock: () => Date,
	) {
		const groups = {} as Record<RateLimitGroup, RateLimitWindow>;
		for (const group of RATE_LIMIT_GROUPS) groups[group] = { ...STANDARD_LIMIT, ...initial?.[group] };
		this.groups = groups;
	}

	reset(): void {
		this.counters.clear();
	}

	/** Counts one request in the group and says whether it may go on. */
	take(group: RateLimitGroup): RateDecision {
		const { limit, windowSeconds } = this.groups[group];
		const now = this.clock().getTime();
		const windowMs = Math.max(1, windowSeconds * 1000);
		let counter = this.counters.get(group);
		if (!counter || now >= counter.windowStart + windowMs || now < counter.windowStart) {
			counter = { windowStart: now, used: 0 };
			this.counters.set(group, counter);
		}
		const allowed = counter.used < limit;
		if (allowed) counter.used += 1;
		const resetSeconds = Math.max(1, Math.ceil((counter.windowStart + windowMs - now) / 1000));
		return {
			allowed,
			resetSeconds,
			headers: {
				[RATE_LIMIT_HEADERS.limit]: String(limit),
				[RATE_LIMIT_HEADERS.remaining]: String(Math.max(0, limit - counter.used)),
				[RATE_LIMIT_HEADERS.reset]: String(resetSeconds),
			},
		};
	}
}
