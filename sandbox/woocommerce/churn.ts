/**
 * A store that keeps changing while it is read: `churnPerSecond` changes per second of wall time
 * (edits, trashing, deletes and new records, like a shop during a sale), applied as requests
 * arrive, so no timer runs. With `churnRace`, the changes land between a list page's id
 * selection and the building of its objects, on records of that very page: WooCommerce selects a
 * page's ids with the date filter first and loads each record afterwards, so a record edited in
 * between is served with its new date_modified, after the window that selected it, and a record
 * deleted in between is missing from its page.
 */
import type { Row, Store } from './store';

export type ChurnKind = 'order' | 'product';

export interface ChurnChange {
	kind: ChurnKind;
	id: number;
	action: 'edit' | 'trash' | 'delete' | 'create';
	/** Store clock, epoch milliseconds. */
	at: number;
	/** Landed between a page's id selection and its build. */
	race: boolean;
}

export interface ChurnSettings {
	perSecond: number;
	race: boolean;
	kinds: ChurnKind[];
	seed: number;
}

function seeded(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

export class Churn {
	readonly changes: ChurnChange[] = [];
	private due = 0;
	private since = Date.now();
	private readonly random: () => number;

	constructor(
		private readonly store: Store,
		private readonly settings: () => ChurnSettings,
	) {
		this.random = seeded(settings().seed);
	}

	/** Starts counting changes from now (a rate change or a test's start). */
	restart(): void {
		this.since = Date.now();
		this.due = 0;
	}

	/** Before a list selects its rows: without the race, every change due lands now, anywhere. */
	beforeSelect(): void {
		if (!this.settings().race) this.apply(this.owed(), undefined);
	}

	/** Between a page's selection and its build: with the race, the changes due land on this page. */
	betweenSelectAndBuild(kind: ChurnKind | undefined, rows: Row[]): void {
		if (this.settings().race && kind !== undefined && this.settings().kinds.includes(kind)) this.apply(this.owed(), rows);
	}

	private owed(): number {
		const { perSecond } = this.settings();
		if (perSecond <= 0) return 0;
		const total = Math.floor(((Date.now() - this.since) / 1000) * perSecond);
		const owed = total - this.due;
		this.due = total;
		return owed;
	}

	private apply(count: number, page: Row[] | undefined): void {
		for (let index = 0; index < count; index++) {
			const kinds = this.settings().kinds;
			const kind = kinds[Math.floor(this.random() * kinds.length)];
			const onPage = page?.filter((row) => row.kind === kind && this.store.collection(kind).rows.get(row.id) === row && row.obj.status !== 'trash');
			this.changeOne(kind, onPage && onPage.length > 0 ? onPage : undefined);
		}
	}

	private changeOne(kind: ChurnKind, candidates: Row[] | undefined): void {
		const roll = this.random();
		const at = this.store.ctx.now();
		const race = candidates !== undefined;
		if (roll >= 0.8) {
			const created = kind === 'order' ? this.store.insertOrder() : this.store.insertProduct();
			this.changes.push({ kind, id: created.id, action: 'create', at, race: false });
			return;
		}
		const pool = candidates ?? [...this.store.collection(kind).rows.values()].filter((row) => row.obj.status !== 'trash' && (kind !== 'product' || row.parentId === 0));
		if (pool.length === 0) return;
		const row = pool[Math.floor(this.random() * pool.length)];
		if (roll < 0.5) {
			if (kind === 'order') this.store.editOrder(row.id, { status: ['processing', 'completed', 'on-hold', 'failed'][Math.floor(this.random() * 4)] });
			else this.store.editProduct(row.id, { stock_quantity: Math.floor(this.random() * 100) });
			this.changes.push({ kind, id: row.id, action: 'edit', at, race });
		} else if (roll < 0.65) {
			if (kind === 'order') this.store.trashOrder(row.id);
			else this.store.trashProduct(row.id);
			this.changes.push({ kind, id: row.id, action: 'trash', at, race });
		} else {
			if (kind === 'order') this.store.deleteOrder(row.id);
			else this.store.deleteProduct(row.id);
			this.changes.push({ kind, id: row.id, action: 'delete', at, race });
		}
	}
}
