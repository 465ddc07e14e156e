/**
 * The back office's state (connections, records, sync state, idempotent answers), in memory,
 * optionally persisted to a folder as
 *   snapshot.jsonl  — the compacted state, written to a temp file, fsynced and renamed into place;
 *   journal.jsonl   — every change since the snapshot, appended once per request.
 * Every journal line sets an absolute value, so replaying it over a snapshot that already holds
 * it is harmless (a crash between the snapshot rename and the journal truncation loses nothing).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CanonicalResource } from '../../nodes/shared/mapping/canonical';
import { canonicalJson } from './http';

export type Resource = CanonicalResource;
export const RESOURCES: readonly Resource[] = ['products', 'orders'];

export interface Connection {
	key: string;
	name: string;
	externalSystem: 'woocommerce';
	storeUrl: string;
	orderStart: string;
	warehouse: string | null;
	companyGroup: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface PendingWindow {
	executionId: string;
	windowStart: string;
	windowEnd: string;
	registeredAt: string;
	expiresAt: string;
}

export interface SyncState {
	resource: Resource;
	committedCursor: string | null;
	pending: PendingWindow[];
	updatedAt: string;
}

export interface StoredRecord {
	sourceId: string;
	record: unknown;
	version: number;
	createdAt: string;
	updatedAt: string;
}

export interface IdempotentAnswer {
	/** Hash of the request (method, path, canonical body) the answer belongs to. */
	requestHash: string;
	status: number;
	body: unknown;
	storedAt: string;
}

interface ConnectionEntry {
	tenant: string;
	connection: Connection;
	records: Record<Resource, Map<string, { stored: StoredRecord; json: string }>>;
	sync: Record<Resource, SyncState>;
}

type JournalEntry =
	| { t: 'conn'; tenant: string; connection: Connection }
	| { t: 'rec'; tenant: string; key: string; resource: Resource; items: StoredRecord[] }
	| { t: 'sync'; tenant: string; key: string; state: SyncState }
	| { t: 'idem'; scope: string; answer: IdempotentAnswer };

const SNAPSHOT = 'snapshot.jsonl';
const JOURNAL = 'journal.jsonl';

export class Store {
	private readonly connections = new Map<string, ConnectionEntry>();
	private readonly idempotency = new Map<string, IdempotentAnswer>();
	private journalFd: number | null = null;
	private journalBytes = 0;

	constructor(
		private readonly dataDir?: string,
		private readonly compactAfterBytes = 128 * 1024 * 1024,
	) {
		if (!dataDir) return;
		fs.mkdirSync(dataDir, { recursive: true });
		this.replay(path.join(dataDir, SNAPSHOT));
		const hadJournal = this.replay(path.join(dataDir, JOURNAL));
		this.journalFd = fs.openSync(path.join(dataDir, JOURNAL), 'a');
		this.journalBytes = fs.fstatSync(this.journalFd).size;
		if (hadJournal) this.compact();
	}

	// ---- connections ------------------------------------------------------------------------

	getConnection(tenant: string, key: string): Connection | undefined {
		return this.connections.get(entryKey(tenant, key))?.connection;
	}

	listConnections(tenant?: string): Array<Connection & { tenant: string }> {
		return [...this.connections.values()]
			.filter((e) => tenant === undefined || e.tenant === tenant)
			.map((e) => ({ ...e.connection, tenant: e.tenant }))
			.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.tenant.localeCompare(b.tenant)));
	}

	/** Finds a connection by key in any tenant (for the web page and test accessors). */
	findConnection(key: string, tenant?: string): { tenant: string; connection: Connection } | undefined {
		for (const entry of this.connections.values()) {
			if (entry.connection.key === key && (tenant === undefined || entry.tenant === tenant)) {
				return { tenant: entry.tenant, connection: entry.connection };
			}
		}
		return undefined;
	}

	putConnection(tenant: string, connection: Connection): void {
		this.setConnection(tenant, connection);
		this.write([{ t: 'conn', tenant, connection }]);
	}

	// ---- records ----------------------------------------------------------------------------

	recordMap(tenant: string, key: string, resource: Resource): Map<string, { stored: StoredRecord; json: string }> {
		return this.entry(tenant, key).records[resource];
	}

	/**
	 * Stores the changed records (already versioned by the caller) and the request's idempotent
	 * answer in one journal write, so a crash never keeps one without the other.
	 */
	putBatch(
		tenant: string,
		key: string,
		resource: Resource,
		items: Array<{ stored: StoredRecord; json: string }>,
		idempotency: { scope: string; answer: IdempotentAnswer },
	): void {
		const map = this.entry(tenant, key).records[resource];
		for (const item of items) map.set(item.stored.sourceId, item);
		this.idempotency.set(idempotency.scope, idempotency.answer);
		const entries: JournalEntry[] = [];
		if (items.length > 0) entries.push({ t: 'rec', tenant, key, resource, items: items.map((i) => i.stored) });
		entries.push({ t: 'idem', ...idempotency });
		this.write(entries);
	}

	listRecords(tenant: string, key: string, resource: Resource): StoredRecord[] {
		const entry = this.connections.get(entryKey(tenant, key));
		return entry ? [...entry.records[resource].values()].map((r) => r.stored) : [];
	}

	countRecords(tenant: string, key: string, resource: Resource): number {
		return this.connections.get(entryKey(tenant, key))?.records[resource].size ?? 0;
	}

	// ---- sync state -------------------------------------------------------------------------

	getSyncState(tenant: string, key: string, resource: Resource): SyncState {
		return this.entry(tenant, key).sync[resource];
	}

	putSyncState(tenant: string, key: string, state: SyncState): void {
		this.entry(tenant, key).sync[state.resource] = state;
		this.write([{ t: 'sync', tenant, key, state }]);
	}

	// ---- idempotency ------------------------------------------------------------------------

	getAnswer(scope: string): IdempotentAnswer | undefined {
		return this.idempotency.get(scope);
	}

	// ---- persistence ------------------------------------------------------------------------

	/** Writes the whole state as a new snapshot and empties the journal. */
	compact(): void {
		if (!this.dataDir || this.journalFd === null) return;
		const tmp = path.join(this.dataDir, `${SNAPSHOT}.${process.pid}.tmp`);
		const fd = fs.openSync(tmp, 'w');
		try {
			let buffer = '';
			const flush = (force: boolean) => {
				if (buffer.length > 0 && (force || buffer.length > 1 << 20)) {
					fs.writeSync(fd, buffer);
					buffer = '';
				}
			};
			for (const entry of this.entries()) {
				buffer += JSON.stringify(entry) + '\n';
				flush(false);
			}
			flush(true);
			fs.fsyncSync(fd);
		} finally {
			fs.closeSync(fd);
		}
		fs.renameSync(tmp, path.join(this.dataDir, SNAPSHOT));
		fs.ftruncateSync(this.journalFd, 0);
		this.journalBytes = 0;
	}

	close(): void {
		if (this.journalFd === null) return;
		this.compact();
		fs.closeSync(this.journalFd);
		this.journalFd = null;
	}

	private *entries(): Generator<JournalEntry> {
		for (const entry of this.connections.values()) {
			const { tenant, connection } = entry;
			yield { t: 'conn', tenant, connection };
			for (const resource of RESOURCES) {
				yield { t: 'sync', tenant, key: connection.key, state: entry.sync[resource] };
				let items: StoredRecord[] = [];
				for (const { stored } of entry.records[resource].values()) {
					items.push(stored);
					if (items.length === 500) {
						yield { t: 'rec', tenant, key: connection.key, resource, items };
						items = [];
					}
				}
				if (items.length > 0) yield { t: 'rec', tenant, key: connection.key, resource, items };
			}
		}
		for (const [scope, answer] of this.idempotency) yield { t: 'idem', scope, answer };
	}

	private write(entries: JournalEntry[]): void {
		if (this.journalFd === null) return;
		const text = entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
		fs.writeSync(this.journalFd, text);
		this.journalBytes += Buffer.byteLength(text);
		if (this.journalBytes > this.compactAfterBytes) this.compact();
	}

	/** Applies a JSONL file; returns whether it held any entry. A torn last line is ignored. */
	private replay(file: string): boolean {
		if (!fs.existsSync(file)) return false;
		const lines = fs.readFileSync(file, 'utf8').split('\n');
		let applied = false;
		lines.forEach((line, index) => {
			if (line.trim() === '') return;
			let entry: JournalEntry | undefined;
			try {
				entry = JSON.parse(line) as JournalEntry;
			} catch {
				entry = undefined;
			}
			if (entry === undefined) {
				const isLast = lines.slice(index + 1).every((l) => l.trim() === '');
				if (isLast) return; // a write cut short by a crash
				throw new Error(`${file} line ${index + 1} is not valid JSON; the data folder is corrupt`);
			}
			this.apply(entry);
			applied = true;
		});
		return applied;
	}

	private apply(entry: JournalEntry): void {
		switch (entry.t) {
			case 'conn':
				this.setConnection(entry.tenant, entry.connection);
				break;
			case 'rec': {
				const map = this.entry(entry.tenant, entry.key).records[entry.resource];
				for (const stored of entry.items) map.set(stored.sourceId, { stored, json: canonicalJson(stored.record) });
				break;
			}
			case 'sync':
				this.entry(entry.tenant, entry.key).sync[entry.state.resource] = entry.state;
				break;
			case 'idem':
				this.idempotency.set(entry.scope, entry.answer);
				break;
		}
	}

	private setConnection(tenant: string, connection: Connection): void {
		const existing = this.connections.get(entryKey(tenant, connection.key));
		if (existing) {
			existing.connection = connection;
			return;
		}
		const initial = (resource: Resource): SyncState => ({
			resource,
			committedCursor: null,
			pending: [],
			updatedAt: connection.createdAt,
		});
		this.connections.set(entryKey(tenant, connection.key), {
			tenant,
			connection,
			records: { products: new Map(), orders: new Map() },
			sync: { products: initial('products'), orders: initial('orders') },
		});
	}

	private entry(tenant: string, key: string): ConnectionEntry {
		const entry = this.connections.get(entryKey(tenant, key));
		if (!entry) throw new Error(`No connection '${key}' for tenant '${tenant}'`);
		return entry;
	}
}

function entryKey(tenant: string, key: string): string {
	return `${tenant}\u0000${key}`;
}
