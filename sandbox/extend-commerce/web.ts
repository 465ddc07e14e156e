/** The sandbox's read-only web page at `/`: connections, sync state, counts and the latest records. */
import { RESOURCES, type Store, type StoredRecord, type SyncState } from './store';
import { pruneExpired } from './sync-state';

export const LATEST_LIMIT = 50;

export function escapeHtml(value: unknown): string {
	return String(value ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

function latest(records: StoredRecord[]): StoredRecord[] {
	// Newest first; among equal timestamps the later-received record (later in the map) first.
	return records
		.reverse()
		.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
		.slice(0, LATEST_LIMIT);
}

function field(record: unknown, name: string): unknown {
	return typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[name] : undefined;
}

function syncCell(state: SyncState): string {
	const pending = state.pending.length
		? `<ul>${state.pending
				.map(
					(p) =>
						`<li>${escapeHtml(p.executionId)}: ${escapeHtml(p.windowStart)} → ${escapeHtml(p.windowEnd)} (expires ${escapeHtml(p.expiresAt)})</li>`,
				)
				.join('')}</ul>`
		: 'none';
	return `cursor <code>${escapeHtml(state.committedCursor ?? 'null')}</code><br>pending: ${pending}`;
}

function productRows(records: StoredRecord[]): string {
	return records
		.map((r) => {
			const price = field(field(r.record, 'price'), 'amount');
			const currency = field(field(r.record, 'price'), 'currency');
			return `<tr><td>${escapeHtml(r.sourceId)}</td><td>${escapeHtml(field(r.record, 'sku'))}</td><td>${escapeHtml(field(r.record, 'name'))}</td><td>${escapeHtml(field(r.record, 'status'))}</td><td>${escapeHtml(price === undefined ? '' : `${String(price)} ${String(currency)}`)}</td><td>${r.version}</td><td>${escapeHtml(r.updatedAt)}</td></tr>`;
		})
		.join('');
}

function orderRows(records: StoredRecord[]): string {
	return records
		.map((r) => {
			const total = field(field(r.record, 'totals'), 'total');
			return `<tr><td>${escapeHtml(r.sourceId)}</td><td>${escapeHtml(field(r.record, 'number'))}</td><td>${escapeHtml(field(r.record, 'status'))}</td><td>${escapeHtml(`${String(total ?? '')} ${String(field(r.record, 'currency') ?? '')}`)}</td><td>${escapeHtml(field(r.record, 'modifiedAt'))}</td><td>${r.version}</td><td>${escapeHtml(r.updatedAt)}</td></tr>`;
		})
		.join('');
}

export function renderPage(store: Store, query: URLSearchParams, now: Date): string {
	const filter = query.get('connection') ?? '';
	const all = store.listConnections();
	const shown = filter ? all.filter((c) => c.key === filter) : all;
	const rows = shown
		.map((c) => {
			const counts = RESOURCES.map((r) => `${r}: ${store.countRecords(c.tenant, c.key, r)}`).join('<br>');
			const sync = RESOURCES.map(
				(r) => `<b>${r}</b> ${syncCell(pruneExpired(store.getSyncState(c.tenant, c.key, r), now))}`,
			).join('<br>');
			return `<tr><td><a href="/?connection=${encodeURIComponent(c.key)}">${escapeHtml(c.key)}</a></td><td>${escapeHtml(c.tenant)}</td><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.storeUrl)}</td><td>${escapeHtml(c.orderStart)}</td><td>${escapeHtml(c.warehouse ?? '')}</td><td>${escapeHtml(c.companyGroup ?? '')}</td><td>${counts}</td><td>${sync}</td></tr>`;
		})
		.join('');
	const records = (resource: 'products' | 'orders') =>
		latest(shown.flatMap((c) => store.listRecords(c.tenant, c.key, resource)));
	const heading = filter ? `connection <code>${escapeHtml(filter)}</code> (<a href="/">all</a>)` : 'all connections';
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Extend Commerce sandbox</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;margin-bottom:1.5rem}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}code{background:#f4f4f4}</style>
</head><body>
<h1>Extend Commerce sandbox back office</h1>
<p>Showing ${heading}. API base path <code>/api/v1</code>.</p>
<h2>Connections (${shown.length})</h2>
<table><thead><tr><th>Key</th><th>Tenant</th><th>Name</th><th>Store URL</th><th>Order start</th><th>Warehouse</th><th>Company group</th><th>Records</th><th>Sync state</th></tr></thead><tbody>${rows || '<tr><td colspan="9">No connections yet.</td></tr>'}</tbody></table>
<h2>Latest products (last ${LATEST_LIMIT})</h2>
<table><thead><tr><th>Source id</th><th>SKU</th><th>Name</th><th>Status</th><th>Price</th><th>Version</th><th>Received</th></tr></thead><tbody>${productRows(records('products'))}</tbody></table>
<h2>Latest orders (last ${LATEST_LIMIT})</h2>
<table><thead><tr><th>Source id</th><th>Number</th><th>Status</th><th>Total</th><th>Modified</th><th>Version</th><th>Received</th></tr></thead><tbody>${orderRows(records('orders'))}</tbody></table>
</body></html>`;
}
