/**
 * The API routes. Each handler gets a parsed request and answers `{ status, body, headers? }`
 * or throws an ApiError. Handlers run synchronously once the body is read, so a request's
 * changes are applied atomically with respect to other requests.
 */
import { requireRecords, requestHash, requireIdempotencyKey, upsertBatch } from './batches';
import type { Caller } from './auth';
import { buildConnection, requireConnectionKey } from './connections';
import type { Faults } from './faults';
import { ApiError } from './http';
import { utcString } from './schema';
import { RESOURCES, type Connection, type Resource, type Store } from './store';
import { commitPending, pruneExpired, registerPending, resetCursor } from './sync-state';

export interface RouteContext {
	method: string;
	path: string;
	params: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	body: Record<string, unknown> | undefined;
	caller: Caller;
	store: Store;
	faults: Faults;
	now: Date;
	pendingTtlSeconds: number;
	/** Filled by handlers for the request log. */
	meta: { idempotencyKey?: string; recordCount?: number };
}

export interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export interface Route {
	method: 'GET' | 'PUT' | 'POST';
	/** OpenAPI-style path template, e.g. /api/v1/connections/{key}. */
	template: string;
	/** Whether a read-only token is refused (403). */
	write: boolean;
	handle(ctx: RouteContext): Reply;
}

export const API_VERSION = '1';

function withoutTenant(entry: Connection & { tenant: string }): Connection {
	const connection: Partial<Connection & { tenant: string }> = { ...entry };
	delete connection.tenant;
	return connection as Connection;
}

function connectionOf(ctx: RouteContext): Connection {
	const key = ctx.params.key;
	requireConnectionKey(key);
	const connection = ctx.store.getConnection(ctx.caller.tenant, key);
	if (!connection) {
		throw new ApiError(
			404,
			'connection_not_found',
			`No connection '${key}' exists for this tenant; register it first with PUT /api/v1/connections/${key}.`,
			{ key },
		);
	}
	return connection;
}

function resourceOf(ctx: RouteContext): Resource {
	const resource = ctx.params.resource;
	if (!(RESOURCES as readonly string[]).includes(resource)) {
		throw new ApiError(400, 'invalid_resource', `The resource '${resource.slice(0, 60)}' is not synced; use 'products' or 'orders'.`);
	}
	return resource as Resource;
}

function requireBody(ctx: RouteContext): Record<string, unknown> {
	if (!ctx.body) throw new ApiError(400, 'invalid_body', 'The request body is empty; send a JSON object with Content-Type: application/json.');
	return ctx.body;
}

function batchRoute(resource: Resource): Route {
	return {
		method: 'POST',
		template: `/api/v1/connections/{key}/${resource}/batch`,
		write: true,
		handle(ctx) {
			const connection = connectionOf(ctx);
			const idempotencyKey = requireIdempotencyKey(ctx.headers['idempotency-key']);
			ctx.meta.idempotencyKey = idempotencyKey;
			const body = requireBody(ctx);
			const records = requireRecords(body);
			ctx.meta.recordCount = records.length;
			const hash = requestHash(ctx.method, ctx.path, body);
			const scope = [ctx.caller.tenant, connection.key, resource, idempotencyKey].join('\u0000');
			const prior = ctx.store.getAnswer(scope);
			if (prior) {
				if (prior.requestHash !== hash) {
					throw new ApiError(
						422,
						'idempotency_key_reused',
						`The Idempotency-Key '${idempotencyKey}' was already used for a different ${resource} batch on this connection; use a new key for a new batch and the same key only to retry the same batch.`,
						{ idempotencyKey },
					);
				}
				return { status: prior.status, body: prior.body, headers: { 'Idempotency-Replayed': 'true' } };
			}
			const fault = ctx.faults.take(ctx.method, ctx.path, 'records');
			const { results, changed } = upsertBatch(records, {
				store: ctx.store,
				tenant: ctx.caller.tenant,
				key: connection.key,
				resource,
				now: ctx.now,
				faultRejects: fault ? (fault.sourceIds ? new Set(fault.sourceIds) : true) : undefined,
			});
			const answer = { requestHash: hash, status: 200, body: { results }, storedAt: utcString(ctx.now) };
			ctx.store.putBatch(ctx.caller.tenant, connection.key, resource, changed, { scope, answer });
			return { status: 200, body: answer.body, headers: { 'Idempotency-Replayed': 'false' } };
		},
	};
}

export const routes: Route[] = [
	{
		method: 'GET',
		template: '/api/v1/ping',
		write: false,
		handle: (ctx) => ({ status: 200, body: { service: 'extend-commerce', apiVersion: API_VERSION, tenant: ctx.caller.tenant } }),
	},
	{
		method: 'GET',
		template: '/api/v1/connections',
		write: false,
		handle: (ctx) => ({
			status: 200,
			body: { connections: ctx.store.listConnections(ctx.caller.tenant).map(withoutTenant) },
		}),
	},
	{
		method: 'GET',
		template: '/api/v1/connections/{key}',
		write: false,
		handle: (ctx) => ({ status: 200, body: connectionOf(ctx) }),
	},
	{
		method: 'PUT',
		template: '/api/v1/connections/{key}',
		write: true,
		handle(ctx) {
			const key = ctx.params.key;
			requireConnectionKey(key);
			const existing = ctx.store.getConnection(ctx.caller.tenant, key);
			const connection = buildConnection(key, requireBody(ctx), existing, ctx.now);
			if (!existing || connection.updatedAt !== existing.updatedAt) ctx.store.putConnection(ctx.caller.tenant, connection);
			return { status: existing ? 200 : 201, body: connection };
		},
	},
	batchRoute('products'),
	batchRoute('orders'),
	{
		method: 'GET',
		template: '/api/v1/connections/{key}/sync-state/{resource}',
		write: false,
		handle(ctx) {
			const connection = connectionOf(ctx);
			const resource = resourceOf(ctx);
			return { status: 200, body: pruneExpired(ctx.store.getSyncState(ctx.caller.tenant, connection.key, resource), ctx.now) };
		},
	},
	{
		method: 'PUT',
		template: '/api/v1/connections/{key}/sync-state/{resource}',
		write: true,
		handle(ctx) {
			const connection = connectionOf(ctx);
			const resource = resourceOf(ctx);
			const state = resetCursor(ctx.store.getSyncState(ctx.caller.tenant, connection.key, resource), requireBody(ctx), ctx.now);
			ctx.store.putSyncState(ctx.caller.tenant, connection.key, state);
			return { status: 200, body: state };
		},
	},
	{
		method: 'POST',
		template: '/api/v1/connections/{key}/sync-state/{resource}/pending',
		write: true,
		handle(ctx) {
			const connection = connectionOf(ctx);
			const resource = resourceOf(ctx);
			const current = ctx.store.getSyncState(ctx.caller.tenant, connection.key, resource);
			const { state, window, created } = registerPending(current, requireBody(ctx), ctx.now, ctx.pendingTtlSeconds);
			ctx.store.putSyncState(ctx.caller.tenant, connection.key, state);
			return { status: created ? 201 : 200, body: window };
		},
	},
	{
		method: 'POST',
		template: '/api/v1/connections/{key}/sync-state/{resource}/commit',
		write: true,
		handle(ctx) {
			const connection = connectionOf(ctx);
			const resource = resourceOf(ctx);
			const current = ctx.store.getSyncState(ctx.caller.tenant, connection.key, resource);
			const { state, answer } = commitPending(current, requireBody(ctx), ctx.now);
			ctx.store.putSyncState(ctx.caller.tenant, connection.key, state);
			return { status: 200, body: answer };
		},
	},
];

interface CompiledRoute {
	route: Route;
	pattern: RegExp;
	names: string[];
}

const compiled: CompiledRoute[] = routes.map((route) => {
	const names: string[] = [];
	const source = route.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
		names.push(name);
		return '([^/]+)';
	});
	return { route, pattern: new RegExp(`^${source}/?$`), names };
});

/** Finds the route for a request; 404 when no path matches, 405 when the method does not. */
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } {
	const candidates = compiled.filter((c) => c.pattern.test(path));
	if (candidates.length === 0) {
		throw new ApiError(404, 'not_found', `There is no endpoint ${path}; see docs/extend-commerce-api.md for the API.`);
	}
	const hit = candidates.find((c) => c.route.method === method);
	if (!hit) {
		const allowed = [...new Set(candidates.map((c) => c.route.method))].join(', ');
		throw new ApiError(405, 'method_not_allowed', `${method} is not allowed on ${path}; use ${allowed}.`, undefined, { Allow: allowed });
	}
	const values = hit.pattern.exec(path)!.slice(1);
	const params: Record<string, string> = {};
	hit.names.forEach((name, i) => {
		params[name] = safeDecode(values[i]);
	});
	return { route: hit.route, params };
}

function safeDecode(segment: string): string {
	let decoded: string | undefined;
	try {
		decoded = decodeURIComponent(segment);
	} catch {
		decoded = undefined;
	}
	if (decoded === undefined) throw new ApiError(400, 'invalid_path', `The path segment '${segment}' is not valid percent-encoding.`);
	return decoded;
}
