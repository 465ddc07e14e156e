/**
 * The back office's state in memory, optionally persisted to a folder as
 *   snapshot.jsonl — the compacted state, written to a temp file, fsynced and renamed into place;
 *   journal.jsonl  — every change since the snapshot, appended as it happens.
 * Every journal line sets an absolute value, so replaying a line the snapshot already holds is
 * harmless, and a torn last line (a crash mid-write) is ignored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AvailabilityRow, CustomerSeed, StoredOrder, StoredProduct, WebhookRegistration } from './types';

export type CodeKind = 'unit' | 'warehouse' | 'deliveryMethod' | 'orderType';

type Entry =
	| { t: 'order'; order: StoredOrder }
	| { t: 'product'; product: StoredProduct }
	| { t: 'customer'; customer: CustomerSeed }
	| { t: 'code'; kind: CodeKind; value: string }
	| { t: 'balance'; row: AvailabilityRow }
	| { t: 'webhook'; registration: WebhookRegistration }
	| { t: 'webhookRemoved'; id: string }
	| { t: 'nextOrderNumber'; value: number };

const SNAPSHOT = 'snapshot.jsonl';
const JOURNAL = 'journal.jsonl';
/** Extend's own order numbers in the sandbox start here. */
export const FIRST_ORDER_NUMBER = 100001;

export const balanceKey = (productNumber: string, warehouse: string): string => `${productNumber}\u0000${warehouse}`;

export class Store {
	readonly orders = new Map<string, StoredOrder>();
	readonly orderByExternal = new Map<string, string>();
	readonly products = new Map<string, StoredProduct>();
	readonly customers = new Map<string, CustomerSeed>();
	readonly codes: Record<CodeKind, string[]> = { unit: [], warehouse: [], deliveryMethod: [], orderType: [] };
	readonly balances = new Map<string, AvailabilityRow>();
	readonly webhooks = new Map<string, WebhookRegistration>();
	nextOrderNumber = FIRST_ORDER_NUMBER;
	private journalFd: number | null = null;

	constructor(private readonly dataDir?: string) {
		if (!dataDir) return;
		fs.mkdirSync(dataDir, { recursive: true });
		this.replay(path.join(dataDir, SNAPSHOT));
		const hadJournal = this.replay(path.join(dataDir, JOURNAL));
		this.journalFd = fs.openSync(path.join(dataDir, JOURNAL), 'a');
		if (hadJournal) this.compact();
	}

	putOrder(order: StoredOrder): void {
		this.apply({ t: 'order', order });
		this.write([{ t: 'order', order }]);
	}

	/** Takes the next Extend order number (journaled, so numbers are never reused after a restart). */
	takeOrderNumber(): string {
		const value = this.nextOrderNumber;
		this.nextOrderNumber += 1;
		this.write([{ t: 'nextOrderNumber', value: this.nextOrderNumber }]);
		return String(value);
	}

	putProduct(product: StoredProduct): void {
		this.apply({ t: 'product', product });
		this.write([{ t: 'product', product }]);
	}

	putCustomer(customer: CustomerSeed): void {
		this.apply({ t: 'customer', customer });
		this.write([{ t: 'customer', customer }]);
	}

	addCode(kind: CodeKind, value: string): void {
		if (this.codes[kind].includes(value)) return;
		this.apply({ t: 'code', kind, value });
		this.write([{ t: 'code', kind, value }]);
	}

	putBalance(row: AvailabilityRow): void {
		this.apply({ t: 'balance', row });
		this.write([{ t: 'balance', row }]);
	}

	putWebhook(registration: WebhookRegistration): void {
		this.apply({ t: 'webhook', registration });
		this.write([{ t: 'webhook', registration }]);
	}

	removeWebhook(id: string): void {
		this.apply({ t: 'webhookRemoved', id });
		this.write([{ t: 'webhookRemoved', id }]);
	}

	close(): void {
		if (this.journalFd === null) return;
		this.compact();
		fs.closeSync(this.journalFd);
		this.journalFd = null;
	}

	private apply(entry: Entry): void {
		switch (entry.t) {
			case 'order':
				this.orders.set(entry.order.orderNumber, entry.order);
				this.orderByExternal.set(entry.order.orderNumberExternal, entry.order.orderNumber);
				break;
			case 'product':
				this.products.set(entry.product.productNumber, entry.product);
				break;
			case 'customer':
				this.customers.set(entry.customer.customerNumber, entry.customer);
				break;
			case 'code':
				if (!this.codes[entry.kind].includes(entry.value)) this.codes[entry.kind].push(entry.value);
				break;
			case 'balance':
				this.balances.set(balanceKey(entry.row.productNumber, entry.row.warehouse), entry.row);
				break;
			case 'webhook':
				this.webhooks.set(entry.registration.id, entry.registration);
				break;
			case 'webhookRemoved':
				this.webhooks.delete(entry.id);
				break;
			case 'nextOrderNumber':
				this.nextOrderNumber = Math.max(this.nextOrderNumber, entry.value);
				break;
		}
	}

	private entries(): Entry[] {
		const kinds = Object.keys(this.codes) as CodeKind[];
		return [
			...kinds.flatMap((kind) => this.codes[kind].map((value): Entry => ({ t: 'code', kind, value }))),
			...[...this.customers.values()].map((customer): Entry => ({ t: 'customer', customer })),
			...[...this.products.values()].map((product): Entry => ({ t: 'product', product })),
			...[...this.balances.values()].map((row): Entry => ({ t: 'balance', row })),
			...[...this.orders.values()].map((order): Entry => ({ t: 'order', order })),
			...[...this.webhooks.values()].map((registration): Entry => ({ t: 'webhook', registration })),
			{ t: 'nextOrderNumber', value: this.nextOrderNumber },
		];
	}

	private write(entries: Entry[]): void {
		if (this.journalFd === null) return;
		fs.writeSync(this.journalFd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
	}

	/** Writes the whole state as a new snapshot, then empties the journal. */
	private compact(): void {
		if (!this.dataDir || this.journalFd === null) return;
		const target = path.join(this.dataDir, SNAPSHOT);
		const temp = `${target}.tmp`;
		const fd = fs.openSync(temp, 'w');
		try {
			fs.writeSync(fd, this.entries().map((e) => `${JSON.stringify(e)}\n`).join(''));
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
		fs.renameSync(temp, target);
		fs.ftruncateSync(this.journalFd, 0);
	}

	/** Applies a JSONL file; a torn (unparsable) last line is ignored, a torn earlier line is an error. */
	private replay(file: string): boolean {
		if (!fs.existsSync(file)) return false;
		const lines = fs.readFileSync(file, 'utf8').split('\n');
		let applied = false;
		lines.forEach((line, index) => {
			if (line.trim() === '') return;
			let entry: Entry | undefined;
			try {
				entry = JSON.parse(line) as Entry;
			} catch {
				entry = undefined;
			}
			if (entry === undefined) {
				if (lines.slice(index + 1).every((rest) => rest.trim() === '')) return;
				throw new Error(`${file} line ${index + 1} is corrupt`);
			}
			this.apply(entry);
			applied = true;
		});
		return applied;
	}
}
