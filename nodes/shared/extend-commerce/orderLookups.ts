import { EXTEND_PATHS } from './api';
import type { ExtendClient } from './client';
import { listOf, listRecords, pageQuery } from './lists';
import { existingOrder, externalNumberOf, findOrder, type ExistingOrder } from './orders';
import { TransportError } from '../transport/errors';
import { settle } from '../transport/settle';

/**
 * Most shop order numbers asked in one list request (one more, a known order, goes with them): a
 * short URL, and a page size under what a tenant is likely to allow.
 */
export const ORDERS_PER_LIST = 49;

/** Answers to the list request that say the tenant does not take it (the parameter, its form or the URL). */
const REFUSED_LIST_STATUSES: readonly number[] = [400, 404, 405, 413, 414, 422];

/** Why a run stopped asking the list and looked each order up on its own. */
export type ListFallback = 'refused' | 'ignored' | 'unreadable' | 'missedKnownOrder' | 'truncated';

const FALLBACK_WORDS: Record<ListFallback, string> = {
	refused: 'refused the list of several shop order numbers',
	ignored: 'answered orders that were not asked for (it ignores the list of several shop order numbers)',
	unreadable: 'answered the list of several shop order numbers with no list',
	missedKnownOrder: 'left out an order it holds from the list of several shop order numbers',
	truncated: 'answered the list of several shop order numbers with a full page, so more may have followed',
};

/**
 * What Extend already holds of a run's orders, learnt with as few requests as the API allows: one
 * `GET CustomerOrders` per list of up to ORDERS_PER_LIST shop order numbers (the ASSUMED parameter
 * `list.orderNumbersExternal`), and what this run confirmed itself (found, or created). Anything the
 * list does not prove is looked up per order (`findOrder`), as before.
 *
 * A list answer can only prove an absence when it proves that it filtered by the whole list, since
 * creating an order on a false "absent" would send it twice. So each list carries, last, one order
 * this run already knows Extend holds: the answer must hold it, every order in it must be one asked
 * for, and the page must not be full. Until the run knows one order, orders are looked up one by
 * one. A tenant that refuses, ignores or cuts the list is looked up per order for the rest of the
 * run (fallback() says why, for the run's hint).
 */
export class OrderLookups {
	/** null: the list proved Extend does not hold it. */
	private readonly known = new Map<string, ExistingOrder | null>();

	private readonly batchOf = new Map<string, number>();

	private batches: string[][] | undefined;

	private readonly learning = new Map<number, Promise<void>>();

	private lastConfirmed: string | undefined;

	private stopped: ListFallback | undefined;

	/** The tenant's name of the list parameter, for the hint. */
	private parameter = '';

	/** `numbers`: the run's shop order numbers in the order they are sent (repeats are harmless). */
	constructor(private readonly numbers: readonly string[]) {}

	/** The order Extend holds under this shop order number, or undefined when it holds none. */
	async find(client: ExtendClient, orderNumberExternal: string): Promise<ExistingOrder | undefined> {
		if (!this.known.has(orderNumberExternal)) await this.learnListOf(client, orderNumberExternal);
		const known = this.known.get(orderNumberExternal);
		if (known !== undefined) return known ?? undefined;
		const found = await findOrder(client, orderNumberExternal);
		if (found) this.confirmed(orderNumberExternal, found);
		return found;
	}

	/** Extend holds this order now (found, or created by this run). */
	confirmed(orderNumberExternal: string, order: ExistingOrder): void {
		this.known.set(orderNumberExternal, order);
		this.lastConfirmed = orderNumberExternal;
	}

	/** Why this run looks orders up one by one, if it does. */
	fallback(): ListFallback | undefined {
		return this.stopped;
	}

	/** The run's hint when it fell back, in an integrator's words. */
	fallbackHint(): string | undefined {
		if (!this.stopped) return undefined;
		return `Extend Commerce ${FALLBACK_WORDS[this.stopped]} ("${this.parameter}"), so this run looked each order up on its own: one more request per order. Back Office API → Check Assumptions tells whether an API Adjustment lets the push ask for many orders at once.`;
	}

	private listsFor(size: number): string[][] {
		if (!this.batches) {
			const unique = [...new Set(this.numbers)];
			this.batches = [];
			for (let start = 0; start < unique.length; start += size) this.batches.push(unique.slice(start, start + size));
			this.batches.forEach((batch, index) => batch.forEach((number) => this.batchOf.set(number, index)));
		}
		return this.batches;
	}

	private async learnListOf(client: ExtendClient, orderNumberExternal: string): Promise<void> {
		const canary = this.lastConfirmed;
		if (this.stopped || canary === undefined) return;
		const size = Math.max(1, Math.min(ORDERS_PER_LIST, client.assumptions.list.maxPageSize - 1));
		const lists = this.listsFor(size);
		const index = this.batchOf.get(orderNumberExternal);
		if (index === undefined) return;
		let learning = this.learning.get(index);
		if (!learning) {
			learning = this.learn(client, lists[index], canary);
			this.learning.set(index, learning);
		}
		await learning;
	}

	private async learn(client: ExtendClient, list: readonly string[], canary: string): Promise<void> {
		const asked = [...list.filter((number) => number !== canary && !this.known.has(number)), canary];
		if (asked.length === 1) return;
		const assumed = client.assumptions;
		this.parameter = assumed.list.orderNumbersExternal;
		const pageSize = asked.length;
		const read = await settle(async () => await client.get(EXTEND_PATHS.customerOrders, { [assumed.list.orderNumbersExternal]: asked.join(','), ...pageQuery(assumed.list, 0, pageSize) }));
		if (!read.ok) {
			const { error } = read;
			if (error instanceof TransportError && error.status !== undefined && REFUSED_LIST_STATUSES.includes(error.status)) return this.stop('refused');
			// Anything else (a refused credential, a server down) fails the run as a lookup would.
			throw error;
		}
		const body = read.value;
		if (listOf(body, assumed.list.arrayFields) === undefined) return this.stop('unreadable');
		const rows = listRecords(body, assumed.list.arrayFields);
		const wanted = new Set(asked);
		const held = new Map<string, ExistingOrder>();
		for (const row of rows) {
			const number = externalNumberOf(row, assumed);
			if (!wanted.has(number)) return this.stop('ignored');
			held.set(number, existingOrder(row, assumed));
		}
		if (!held.has(canary)) return this.stop('missedKnownOrder');
		const absent = asked.filter((number) => !held.has(number));
		if (rows.length >= pageSize && absent.length > 0) return this.stop('truncated');
		for (const [number, order] of held) this.known.set(number, order);
		for (const number of absent) this.known.set(number, null);
	}

	private stop(why: ListFallback): void {
		this.stopped ??= why;
	}
}
