/**
 * A sandbox Extend Commerce back office implementing docs/extend-commerce-api.md on localhost,
 * for the demo, the tests and the benchmarks.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { authenticate, DEFAULT_TENANT, DEFAULT_TOKEN, requireWrite, type TokenGrant } from './auth';
import { Faults, type FaultSpec } from './faults';
import { ApiError, parseJsonObject, readBody, sendError, sendJson } from './http';
import { matchRoute, type Reply, type RouteContext } from './routes';
import { Store, type Connection, type Resource, type StoredRecord, type SyncState } from './store';
import { DEFAULT_PENDING_TTL_SECONDS, pruneExpired } from './sync-state';
import { renderPage } from './web';

export type { Connection, PendingWindow, Resource, StoredRecord, SyncState } from './store';
export type { FaultSpec, FaultKind } from './faults';
export type { TokenGrant } from './auth';
export { DEFAULT_TOKEN, DEFAULT_TENANT } from './auth';

export interface BackOfficeOptions {
	/** Interface to listen on (default '127.0.0.1'). */
	host?: string;
	/** Port (default 0 = a free port). */
	port?: number;
	/** Persistence folder; omitted = in memory only. */
	dataDir?: string;
	/** API tokens (default: 'ec_test_token' for tenant 'Demo Tenant'). The first one is `BackOffice.token`. */
	tokens?: Record<string, TokenGrant>;
	/** How long a registered pending window lives (default 24 h). */
	pendingTtlSeconds?: number;
	/** Delay added to every API request (default 0). */
	latencyMs?: number;
	/** The clock (default: the system clock); tests and the docs replay pin it. */
	clock?: () => Date;
	/** Most recent request-log entries kept (default 10 000). */
	logLimit?: number;
}

export interface LogEntry {
	at: Date;
	method: string;
	path: string;
	/** The answered status; 0 when a fault hung or reset the connection. */
	status: number;
	idempotencyKey?: string;
	recordCount?: number;
}

export interface BackOffice {
	/** 'http://127.0.0.1:PORT' (no trailing slash). */
	url: string;
	/** The default (first) token. */
	token: string;
	faults: { add(spec: FaultSpec): void; clear(): void };
	log: LogEntry[];
	data: {
		connections(): Array<Connection & { tenant: string }>;
		records(key: string, resource: Resource, tenant?: string): StoredRecord[];
		syncState(key: string, resource: Resource, tenant?: string): SyncState;
	};
	/** Live knobs: change them while the server runs. */
	options: { latencyMs: number; pendingTtlSeconds: number };
	close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startBackOffice(options: BackOfficeOptions = {}): Promise<BackOffice> {
	const tokens = options.tokens ?? { [DEFAULT_TOKEN]: { tenant: DEFAULT_TENANT } };
	const tokenNames = Object.keys(tokens);
	if (tokenNames.length === 0) throw new Error('startBackOffice needs at least one token');
	const clock = options.clock ?? (() => new Date());
	const logLimit = options.logLimit ?? 10_000;
	const store = new Store(options.dataDir);
	const faults = new Faults();
	const live = {
		latencyMs: options.latencyMs ?? 0,
		pendingTtlSeconds: options.pendingTtlSeconds ?? DEFAULT_PENDING_TTL_SECONDS,
	};
	const log: LogEntry[] = [];
	const held = new Set<http.ServerResponse>();
	const sockets = new Set<Socket>();

	const record = (entry: LogEntry) => {
		log.push(entry);
		if (log.length > logLimit) log.splice(0, log.length - logLimit);
	};

	async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, path: string, meta: RouteContext['meta']): Promise<void> {
		const method = req.method ?? 'GET';
		const raw = await readBody(req);
		if (live.latencyMs > 0) await sleep(live.latencyMs);
		const fault = faults.take(method, path, 'before');
		if (fault) return applyFault(fault, res);
		const caller = authenticate(req.headers, tokens);
		const { route, params } = matchRoute(method, path);
		if (route.write) requireWrite(caller);
		const ctx: RouteContext = {
			method,
			path,
			params,
			headers: req.headers,
			body: raw.length > 0 ? parseJsonObject(raw) : undefined,
			caller,
			store,
			faults,
			now: clock(),
			pendingTtlSeconds: live.pendingTtlSeconds,
			meta,
		};
		const reply: Reply = route.handle(ctx);
		const after = faults.take(method, path, 'after');
		if (after) return applyFault(after, res);
		sendJson(res, reply.status, reply.body, reply.headers);
	}

	function applyFault(fault: FaultSpec, res: http.ServerResponse): void {
		switch (fault.kind) {
			case 'status': {
				const status = fault.status ?? 500;
				const code = status === 503 ? 'service_unavailable' : status >= 500 ? 'internal_error' : 'injected_fault';
				sendError(res, new ApiError(status, code, `The sandbox answered ${status} because a fault was injected; retry later.`));
				return;
			}
			case 'rate-limit': {
				const retryAfter = fault.retryAfter ?? '1';
				sendError(
					res,
					new ApiError(429, 'rate_limited', `Too many requests; retry after ${retryAfter} seconds.`, { retryAfterSeconds: Number(retryAfter) }, {
						'Retry-After': retryAfter,
					}),
				);
				return;
			}
			case 'hang':
				held.add(res);
				res.on('close', () => held.delete(res));
				return;
			case 'reset':
				res.socket?.destroy();
				return;
			case 'reject-records':
				return; // applied inside the batch handler
		}
	}

	const server = http.createServer((req, res) => {
		const at = clock();
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const path = url.pathname;
		const method = req.method ?? 'GET';
		const meta: RouteContext['meta'] = {};
		let logged = false;
		const done = () => {
			if (logged) return;
			logged = true;
			record({ at, method, path, status: res.headersSent ? res.statusCode : 0, ...meta });
		};
		res.on('finish', done);
		res.on('close', done);

		if (!path.startsWith('/api/')) {
			if (path === '/' && (method === 'GET' || method === 'HEAD')) {
				const html = renderPage(store, url.searchParams, clock());
				res.writeHead(200, {
					'Content-Type': 'text/html; charset=utf-8',
					'Content-Length': String(Buffer.byteLength(html)),
					'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
				});
				res.end(method === 'HEAD' ? undefined : html);
				return;
			}
			req.resume();
			sendError(res, new ApiError(404, 'not_found', `There is no page ${path}; the web page is at / and the API under /api/v1.`));
			return;
		}
		handleApi(req, res, path, meta).catch((error: unknown) => {
			if (res.headersSent || res.destroyed) return;
			if (error instanceof ApiError) {
				sendError(res, error);
			} else {
				console.error('[extend-commerce sandbox] unexpected error', error);
				sendError(res, new ApiError(500, 'internal_error', 'The sandbox failed unexpectedly; see its console output.'));
			}
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

	const findTenant = (key: string, tenant?: string): string => {
		const found = store.findConnection(key, tenant);
		if (!found) throw new Error(`No connection '${key}'${tenant ? ` for tenant '${tenant}'` : ''}`);
		return found.tenant;
	};

	let closed: Promise<void> | undefined;
	return {
		url: `http://${host}:${address.port}`,
		token: tokenNames[0],
		faults: { add: (spec) => faults.add(spec), clear: () => faults.clear() },
		log,
		data: {
			connections: () => store.listConnections(),
			records: (key, resource, tenant) => {
				const found = store.findConnection(key, tenant);
				return found ? store.listRecords(found.tenant, key, resource) : [];
			},
			syncState: (key, resource, tenant) => pruneExpired(store.getSyncState(findTenant(key, tenant), key, resource), clock()),
		},
		options: live,
		close() {
			closed ??= new Promise<void>((resolve) => {
				for (const res of held) res.destroy();
				server.close(() => {
					store.close();
					resolve();
				});
				server.closeAllConnections();
				for (const socket of sockets) socket.destroy();
			});
			return closed;
		},
	};
}
