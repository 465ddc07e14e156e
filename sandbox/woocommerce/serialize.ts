/**
 * Response serialisation. WordPress encodes with `wp_json_encode()` without
 * JSON_UNESCAPED_SLASHES / JSON_UNESCAPED_UNICODE, so '/' is '\/' and non-ASCII is '\uXXXX'.
 * Rows cache their encoded JSON (without `_links`, without the closing brace); a page is a join
 * of cached strings plus small `_links` tails, then the canonical origin is swapped for the
 * origin the client called. `_fields` takes a slower path (parse, filter, re-encode).
 */
import type { Row } from './store';
import type { WooProduct } from './types';

export function phpJson(v: unknown): string {
	return JSON.stringify(v)
		.replace(/\//g, '\\/')
		.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface SerializeCtx {
	/** canonical origin baked into stored strings, e.g. 'https://127.0.0.1:40123' */
	canonical: string;
	/** origin of this request */
	origin: string;
	permalinks: 'pretty' | 'plain';
	/** `rest_url()` for a route, e.g. route '/wc/v3/products' */
	restUrl(route: string): string;
	/** methods for targetHints (what the user may do) */
	allowSingle: string[];
}

function plainPermalink(row: Row, ctx: SerializeCtx, parent?: Row): string {
	const o = row.obj;
	if (row.kind === 'variation') {
		const p = String(o.permalink);
		const q = p.includes('?') ? `&${p.split('?')[1]}` : '';
		return `${ctx.canonical}/?product=${(parent?.obj as WooProduct | undefined)?.slug ?? ''}${q}`;
	}
	return `${ctx.canonical}/?product=${String(o.slug)}`;
}

function rowBody(row: Row, ctx: SerializeCtx, parentOf: (id: number) => Row | undefined): string {
	const key = ctx.permalinks;
	if (row.json !== null && row.jsonKey === key) return row.json;
	let obj = row.obj;
	if (ctx.permalinks === 'plain' && row.kind !== 'order') obj = { ...obj, permalink: plainPermalink(row, ctx, parentOf(row.parentId)) };
	const s = phpJson(obj);
	row.json = s.slice(0, -1);
	row.jsonKey = key;
	return row.json;
}

/** What a row's `_links` depend on besides the row: the REST base and the allowed methods. */
/**
 * Encodes rows ahead of their first request (pretty permalinks: the body does not depend on the
 * request), so serving a page is a join of cached strings. Mutations drop a row's cache as before.
 */
export function preEncode(rows: Iterable<Row>): void {
	for (const row of rows) {
		if (row.json !== null && row.jsonKey === 'pretty') continue;
		row.json = phpJson(row.obj).slice(0, -1);
		row.jsonKey = 'pretty';
	}
}

function linksKeyOf(ctx: SerializeCtx): string {
	return `${ctx.restUrl('/')} ${ctx.allowSingle.join(',')}`;
}

/** The row's `_links`, cached on the row until its next mutation (like its body). */
function cachedLinksJson(row: Row, ctx: SerializeCtx, key: string): string {
	if (row.links && row.linksKey === key) return row.links;
	row.links = linksJson(row, ctx);
	row.linksKey = key;
	return row.links;
}

function linksJson(row: Row, ctx: SerializeCtx): string {
	const self = (route: string) => ({ href: ctx.restUrl(route), targetHints: { allow: ctx.allowSingle } });
	let links: Record<string, unknown>;
	if (row.kind === 'product') {
		links = { self: [self(`/wc/v3/products/${row.id}`)], collection: [{ href: ctx.restUrl('/wc/v3/products') }] };
		const parent = Number(row.obj.parent_id);
		if (parent) links.up = [{ href: ctx.restUrl(`/wc/v3/products/${parent}`) }];
	} else if (row.kind === 'variation') {
		links = {
			self: [self(`/wc/v3/products/${row.parentId}/variations/${row.id}`)],
			collection: [{ href: ctx.restUrl(`/wc/v3/products/${row.parentId}/variations`) }],
			up: [{ href: ctx.restUrl(`/wc/v3/products/${row.parentId}`) }],
		};
	} else {
		links = {
			self: [self(`/wc/v3/orders/${row.id}`)],
			collection: [{ href: ctx.restUrl('/wc/v3/orders') }],
			email_templates: [{ embeddable: true, href: ctx.restUrl(`/wc/v3/orders/${row.id}/actions/email_templates`) }],
		};
		const customer = Number(row.obj.customer_id);
		if (customer) links.customer = [{ href: ctx.restUrl(`/wc/v3/customers/${customer}`) }];
		const parent = Number(row.obj.parent_id);
		if (parent) links.up = [{ href: ctx.restUrl(`/wc/v3/orders/${parent}`) }];
	}
	return phpJson(links);
}

function escapedOrigin(o: string): string {
	return o.replace(/\//g, '\\/');
}

/** One record, encoded. `extra` fields are appended before `_links` (e.g. context=edit extras). */
export function serializeRow(row: Row, ctx: SerializeCtx, parentOf: (id: number) => Row | undefined, extra?: Record<string, unknown>): string {
	let body = rowBody(row, ctx, parentOf);
	if (extra) for (const [k, v] of Object.entries(extra)) body += `,${phpJson(k)}:${phpJson(v)}`;
	return swapOrigin(`${body},"_links":${cachedLinksJson(row, ctx, linksKeyOf(ctx))}}`, ctx);
}

export function swapOrigin(s: string, ctx: SerializeCtx): string {
	if (ctx.origin === ctx.canonical) return s;
	return s.split(escapedOrigin(ctx.canonical)).join(escapedOrigin(ctx.origin));
}

export function serializeRows(rows: Row[], ctx: SerializeCtx, parentOf: (id: number) => Row | undefined): string {
	const parts: string[] = new Array(rows.length);
	const key = linksKeyOf(ctx);
	for (let i = 0; i < rows.length; i++) parts[i] = `${rowBody(rows[i], ctx, parentOf)},"_links":${cachedLinksJson(rows[i], ctx, key)}}`;
	return swapOrigin(`[${parts.join(',')}]`, ctx);
}

/** WordPress `rest_filter_response_fields()`: keep only the requested (possibly nested) fields. */
export function filterFields(data: unknown, fields: string[]): unknown {
	if (Array.isArray(data)) return data.map((d) => filterFields(d, fields));
	if (!data || typeof data !== 'object') return data;
	const tree: Record<string, unknown> = {};
	for (const f of fields) {
		let node = tree;
		const parts = f.split('.');
		parts.forEach((p, i) => {
			if (i === parts.length - 1) node[p] = true;
			else {
				if (node[p] === true) return;
				node[p] = (node[p] as Record<string, unknown>) ?? {};
				node = node[p] as Record<string, unknown>;
			}
		});
	}
	const pick = (obj: Record<string, unknown>, t: Record<string, unknown>): Record<string, unknown> => {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(obj)) {
			const sel = t[k];
			if (sel === undefined) continue;
			if (sel === true || !v || typeof v !== 'object' || Array.isArray(v)) out[k] = v;
			else out[k] = pick(v as Record<string, unknown>, sel as Record<string, unknown>);
		}
		return out;
	};
	return pick(data as Record<string, unknown>, tree);
}

export function parseFieldsParam(v: string | string[] | undefined): string[] | null {
	if (v === undefined) return null;
	const list = (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean);
	return list.length ? list : null;
}
