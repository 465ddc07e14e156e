/**
 * Remembers which webhook notifications this n8n process has already started a run for, so
 * that a redelivery (same NotificationId, higher Attempt) does not start a second one.
 *
 * Deliberately in memory: the workflow's static data is not saved by webhook calls and is not
 * shared between the webhook processes of queue mode, and nothing else in a community node is.
 * A redelivery that reaches another process (or this one after a restart) does start a run; the
 * writes downstream are idempotent (stock is set to Extend's absolute balance and only when it
 * differs, an order already in the target status is left alone), so that run changes nothing.
 */
export class SeenNotifications {
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly ttlMs = 24 * 60 * 60 * 1000,
		private readonly maxEntries = 10_000,
	) {}

	/** True the first time a key is offered within the time to live; false for a repeat. */
	firstTime(key: string, nowMs: number = Date.now()): boolean {
		this.forgetExpired(nowMs);
		const at = this.seen.get(key);
		if (at !== undefined && nowMs - at < this.ttlMs) return false;
		this.seen.delete(key);
		this.seen.set(key, nowMs);
		if (this.seen.size > this.maxEntries) this.seen.delete(this.seen.keys().next().value as string);
		return true;
	}

	/** Lets a key through again, e.g. when the run it started could not be started after all. */
	forget(key: string): void {
		this.seen.delete(key);
	}

	get size(): number {
		return this.seen.size;
	}

	private forgetExpired(nowMs: number): void {
		// Entries are in insertion order, so the oldest come first.
		for (const [key, at] of this.seen) {
			if (nowMs - at < this.ttlMs) break;
			this.seen.delete(key);
		}
	}
}

/** One per n8n process: every Extend Commerce Trigger of the process shares it (keys carry the workflow and node). */
export const seenNotifications = new SeenNotifications();
