import type { ExtendCommerceClient, CommitResult } from '../extend-commerce/client';
import type { ConnectionIdentity } from '../extend-commerce/connection';
import type { CanonicalResource } from '../mapping/canonical';
import { parseUtc, toIsoUtc, type SyncWindow } from '../woocommerce/window';

/**
 * The sync cursor of one connection and resource, kept in Extend Commerce with a two-phase
 * protocol: the fetch registers its window as pending for its execution, the push commits it
 * once every record is accepted or rejected. n8n holds no state, so any worker can run any run.
 */
export class Checkpoint {
	constructor(
		private readonly client: ExtendCommerceClient,
		private readonly connection: ConnectionIdentity,
		private readonly resource: CanonicalResource,
	) {}

	/** Registers or updates the connection; the back office needs it before any sync state. */
	async ensureConnection(): Promise<void> {
		await this.client.putConnection(this.connection.key, this.connection.record);
	}

	/** The committed cursor in epoch seconds, or undefined before the first committed run. */
	async committedCursor(): Promise<number | undefined> {
		const state = await this.client.getSyncState(this.connection.key, this.resource);
		return parseUtc(state.committedCursor);
	}

	async registerPending(executionId: string, window: SyncWindow): Promise<void> {
		await this.client.registerPending(this.connection.key, this.resource, {
			executionId,
			windowStart: toIsoUtc(window.start),
			windowEnd: toIsoUtc(window.end),
		});
	}

	/**
	 * Commits this execution's pending window. Returns undefined when the execution registered
	 * none (a run with a given date, a manual run, or one whose window already expired).
	 */
	async commit(executionId: string): Promise<CommitResult | undefined> {
		return await this.client.commit(this.connection.key, this.resource, executionId);
	}
}
