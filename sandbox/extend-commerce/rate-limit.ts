/**
 * Rate limits with fixed windows, counted per group; which requests form a group is the
 * grouping's choice (RateLimitGrouping), since Extend names three groups without saying which
 * methods are in which. Every API answer carries the three `x-ratelimit-*` headers; over the
 * limit the answer is 429.
 */
import { RATE_LIMIT_HEADERS } from '../../nodes/shared/extend-commerce/api';
import { DOCUMENTED_LIMIT_HEADER, DOCUMENTED_STANDARD_LIMIT } from './documented';
import { groupOf } from './routes';
import { RATE_LIMIT_GROUPS, type RateLimitGrouping, type RateLimitWindow } from './types';

/** Documented: "300 would be Standard limit". The window is not published; the sandbox uses a minute. */
export const STANDARD_LIMIT: RateLimitWindow = { limit: DOCUMENTED_STANDARD_LIMIT, windowSeconds: 60 };

/** The live settings the limiter reads on every request. */
export interface RateLimitSettings {
	grouping: RateLimitGrouping;
	groups: Record<string, RateLimitWindow>;
	window: RateLimitWindow;
}

interface Counter {
	windowStart: number;
	used: number;
}

export interface RateDecision {
	allowed: boolean;
	headers: Record<string, string>;
	/** Seconds until the window resets (whole seconds, at least 1 when limited). */
	resetSeconds: number;
	/** The group's window. */
	window: RateLimitWindow;
}

/** The settings of a new back office: with 'purpose' each of the three groups is listed with its window. */
export function rateLimitSettings(grouping: RateLimitGrouping = 'purpose', window: RateLimitWindow = STANDARD_LIMIT, named: Partial<Record<string, RateLimitWindow>> = {}): RateLimitSettings {
	const groups: Record<string, RateLimitWindow> = {};
	if (grouping === 'purpose') for (const group of RATE_LIMIT_GROUPS) groups[group] = { ...window };
	for (const [group, own] of Object.entries(named)) if (own) groups[group] = { ...window, ...own };
	return { grouping, groups, window: { ...window } };
}

/** The group a request counts in under a grouping; `path` is the path below the API prefix. */
export function rateLimitGroupOf(grouping: RateLimitGrouping, method: string, path: string): string {
	const resource = path.replace(/^\/+/, '').split('/')[0].toLowerCase();
	switch (grouping) {
		case 'purpose':
			return groupOf(method, path);
		case 'method':
			return `${method.toUpperCase()} ${resource}`;
		case 'resource':
			return resource;
		case 'shared':
			return 'all';
	}
}

export class RateLimiter {
	private counters = new Map<string, Counter>();

	constructor(
		readonly settings: RateLimitSettings,
		private readonly clock: () => Date,
	) {}

	reset(): void {
		this.counters.clear();
	}

	windowOf(group: string): RateLimitWindow {
		return this.settings.groups[group] ?? this.settings.window;
	}

	/** Counts one request in the group and says whether it may go on. */
	take(group: string): RateDecision {
		const window = this.windowOf(group);
		const { limit, windowSeconds } = window;
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
			window,
			headers: {
				[DOCUMENTED_LIMIT_HEADER]: String(limit),
				// ASSUMED names (Extend shows only the first of its three headers).
				[RATE_LIMIT_HEADERS.remaining]: String(Math.max(0, limit - counter.used)),
				[RATE_LIMIT_HEADERS.reset]: String(resetSeconds),
			},
		};
	}
}
