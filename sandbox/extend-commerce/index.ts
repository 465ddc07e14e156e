/**
 * A sandbox Extend Commerce back office on localhost, for the tests, the demo and the benchmarks.
 * It serves the methods Extend documents (CustomerOrders, customerorders/{n}, ProductAvailability;
 * its own copy in documented.ts, not the node's) and the assumed ones of
 * nodes/shared/extend-commerce/api.ts under a tenant base path, checks
 * orders against master data, rate-limits in three groups, sends signed webhooks, and shows what
 * arrived on a web page at `/`. docs/extend-commerce-api.md describes it.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Authenticator, buildCredentials, DEFAULT_TOKEN_SECONDS, requireWrite, TOKEN_PATH } from './auth';
import { seedProduct, setBalance } from './catalog';
import { choicesFrom } from './choices';
import { DUPLICATE_FIELD, duplicateAnswer, Faults, PROXY_502_HTML } from './faults';
import { ApiError, parseJsonObject, readBody, sendError, sendJson, utc } from './http';
import type { Notice } from './notices';
import { cancelOrder, pickOrder, reserveOrder } from './orders';
import { RateLimiter, rateLimitGroupOf, rateLimitSettings } from './rate-limit';
import { matchRoute } from './routes';
import { Store, type CodeKind } from './store';
import { AUTH_MODES, RATE_LIMIT_GROUPINGS, type RateLimitGrouping, type BackOffice, type BackOfficeOptions, type CustomerSeed, type FaultSpec, type LogEntry, type StoredProduct } from './types';
import { handleWeb } from './web';
import { DEFAULT_WEBHOOK_RETRY, Webhooks } from './webhooks';

export * from './types';
export { DEFAULT_CHOICES, type BackOfficeChoices, type BackOfficeChoicesInput } from './choices';
export { signBody } from './webhooks';
export { TOKEN_PATH } from './auth';
export { STANDARD_LIMIT, rateLimitGroupOf } from './rate-limit';

export const DEFAULT_BASE_PATH = '/demo-tenant/api';
export const DEFAULT_MASTER = {
	customers: ['WEBSHOP'],
	units: ['ST', 'Stk', 'FRP'],
	warehouses: ['MAIN'],
	deliveryMethods: ['Hamtas', 'Postnord', 'DHL', 'Standard'],
	orderTypes: ['Normal'],
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function checkGrouping(grouping: RateLimitGrouping): void {
	if (!RATE_LIMIT_GROUPINGS.includes(grouping)) throw new Error(`Unknown rate-limit grouping '${String(grouping)}'; use ${RATE_LIMIT_GROUPINGS.join(', ')}`);
}

function normaliseBasePath(value: string): string {
	const trimmed = `/${value.replace(/^\/+|\/+$/g, '')}`;
	if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed)) throw new Error(`basePath must be a path such as /demo-tenant/api, got '${value}'`);
	return trimmed;
}

export async function startBackOffice(options: BackOfficeOptions = {}): Promise<BackOffice> {
	const basePath = normaliseBasePath(options.basePath ?? DEFAULT_BASE_PATH);
	const clock = options.clock ?? (() => new Date());
	const logLimit = options.logLimit ?? 10_000;
	const authModes = options.authModes ?? [...AUTH_MODES];
	for (const mode of authModes) if (!AUTH_MODES.includes(mode)) throw new Error(`Unknown auth mode '${String(mode)}'; use ${AUTH_MODES.join(', ')}`);
	if (options.rateLimitGrouping !== undefined) checkGrouping(options.rateLimitGrouping);
	const choices = choicesFrom(options.choices);
	const store = new Store(options.dataDir);
	const faults = new Faults();
	const limiter = new RateLimiter(rateLimitSettings(options.rateLimitGrouping, options.rateLimit, options.rateLimits), clock);
	const rates = limiter.settings;
	const knobs: BackOffice['rateLimits'] = {
		get grouping() {
			return rates.grouping;
		},
		set grouping(value) {
			checkGrouping(value);
			rates.grouping = value;
		},
		get groups() {
			return rates.groups;
		},
		set groups(value) {
			rates.groups = value;
		},
		get window() {
			return rates.window;
		},
		set window(value) {
			rates.window = value;
		},
		retryAfter: options.retryAfter ?? false,
		reset: () => limiter.reset(),
	};
	const live = { latencyMs: options.latencyMs ?? 0 };
	const webhooks = new Webhooks(store, clock, { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry });
	const log: LogEntry[] = [];
	const held = new Set<http.ServerResponse>();
	const sockets = new Set<Socket>();

	const master = options.master ?? {};
	const addCodes = (kind: CodeKind, values: readonly string[]) => values.forEach((v) => store.addCode(kind, v));
	addCodes('unit', master.units ?? DEFAULT_MASTER.units);
	addCodes('warehouse', master.warehouses ?? DEFAULT_MASTER.warehouses);
	addCodes('deliveryMethod', master.deliveryMethods ?? DEFAULT_MASTER.deliveryMethods);
	addCodes('orderType', master.orderTypes ?? DEFAULT_MASTER.orderTypes);
	const addCustomers = (customers: Array<string | CustomerSeed>) => {
		for (const c of customers) {
			const customer = typeof c === 'string' ? { customerNumber: c } : c;
			if (!store.customers.has(customer.customerNumber)) store.putCustomer(customer);
		}
	};
	const addProducts = (products: Array<string | (Partial<StoredProduct> & { productNumber: string })>) => products.forEach((p) => seedProduct(store, p, clock()));
	addCustomers(master.customers ?? [...DEFAULT_MASTER.customers]);
	addProducts(master.products ?? []);
	for (const b of master.balances ?? []) setBalance(store, b.productNumber, b.warehouse, b.available, clock());

	const record = (entry: LogEntry) => {
		log.push(entry);
		if (log.length > logLimit) log.splice(0, log.length - logLimit);
	};
	const notify = (notices: Notice[]) => webhooks.notify(notices);

	async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, entry: Partial<LogEntry>): Promise<void> {
		const method = req.method ?? 'GET';
		const path = url.pathname.slice(basePath.length);
		const raw = await readBody(req);
		if (live.latencyMs > 0) await sleep(live.latencyMs);
		const group = rateLimitGroupOf(knobs.grouping, method, path);
		entry.group = group;
		const decision = limiter.take(group);
		const headers = decision.headers;
		const answer = async (): Promise<void> => {
			if (!decision.allowed) {
				const { limit, windowSeconds } = decision.window;
				const retry: Record<string, string> = knobs.retryAfter ? { 'Retry-After': String(decision.resetSeconds) } : {};
				throw new ApiError(429, `Too many requests: the limit is ${limit} per ${windowSeconds} s for this kind of request; wait ${decision.resetSeconds} s.`, {}, retry);
			}
			const fault = faults.take(method, path, 'before');
			if (fault) return applyFault(fault, res, headers);
			const caller = authenticator.authenticate(req.headers);
			entry.authMode = caller.mode;
			const { route, params } = matchRoute(method, path);
			if (route.write) requireWrite(caller);
			const body = raw.length > 0 || route.write ? parseJsonObject(raw) : undefined;
			const reply = handleOrReword(() => route.handle({ params, query: url.searchParams, body, caller, store, now: clock(), choices }), method, path);
			if (reply.notices) notify(reply.notices);
			const after = faults.take(method, path, 'after');
			if (after) return applyFault(after, res, headers);
			sendJson(res, reply.status, reply.body, headers);
		};
		// Every answer carries the rate-limit headers, errors included.
		await answer().catch((error: unknown) => answerError(res, error, headers));
	}

	/** Runs a route; a duplicate create is answered in the form a 'duplicate' fault asks for, if one is set. */
	function handleOrReword<T>(handle: () => T, method: string, path: string): T {
		try {
			return handle();
		} catch (error) {
			const duplicate = error instanceof ApiError && error.extra.field === DUPLICATE_FIELD ? faults.take(method, path, 'duplicate') : undefined;
			throw duplicate ? duplicateAnswer(duplicate, String((error as ApiError).extra.value)) : error;
		}
	}

	function answerError(res: http.ServerResponse, error: unknown, headers: Record<string, string> = {}): void {
		if (res.headersSent || res.destroyed) return;
		if (error instanceof ApiError) return sendError(res, error, headers);
		console.error('[extend-commerce sandbox] unexpected error', error);
		sendError(res, new ApiError(500, 'The sandbox failed unexpectedly; see its console output.'), headers);
	}

	function applyFault(fault: FaultSpec, res: http.ServerResponse, headers: Record<string, string>): void {
		switch (fault.kind) {
			case 'status': {
				const status = fault.status ?? 500;
				sendError(res, new ApiError(status, `The sandbox answered ${status} because a fault was injected.`), headers);
				return;
			}
			case 'html502':
				res.writeHead(502, { 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(PROXY_502_HTML)) });
				res.end(PROXY_502_HTML);
				return;
			case 'hang':
				held.add(res);
				res.on('close', () => held.delete(res));
				return;
			case 'reset':
				res.socket?.destroy();
				return;
		}
	}

	async function handleToken(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const raw = await readBody(req);
		if (req.method !== 'POST') return sendJson(res, 405, { error: 'invalid_request', error_description: 'POST the client-credentials grant.' }, { Allow: 'POST' });
		const answer = authenticator.issueToken(req.headers, raw);
		sendJson(res, answer.status, answer.body);
	}

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const entry: Partial<LogEntry> = {};
		let logged = false;
		const done = () => {
			if (logged) return;
			logged = true;
			record({ at: utc(clock()), method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, status: res.headersSent ? res.statusCode : 0, ...entry });
		};
		res.on('finish', done);
		res.on('close', done);
		const fail = (error: unknown) => answerError(res, error);
		if (url.pathname.startsWith(`${basePath}/`)) {
			handleApi(req, res, url, entry).catch(fail);
		} else if (url.pathname === TOKEN_PATH) {
			handleToken(req, res).catch(fail);
		} else {
			handleWeb(req, res, url, handle).catch(fail);
		}
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
	const origin = `http://${host}:${address.port}`;
	const credentials = buildCredentials(options.credentials, false, origin);
	const readOnlyCredentials = buildCredentials(options.readOnlyCredentials, true, origin, credentials.apiKey.header);
	const authenticator = new Authenticator(authModes, credentials, readOnlyCredentials, options.oauth2TokenSeconds ?? DEFAULT_TOKEN_SECONDS, clock);
	for (const input of options.webhooks ?? []) webhooks.register(input);

	const act = <T>(result: { notices: Notice[] } & T): T => {
		notify(result.notices);
		return result;
	};
	let closed: Promise<void> | undefined;
	const handle: BackOffice = {
		url: `${origin}${basePath}`,
		origin,
		basePath,
		choices,
		credentials,
		readOnlyCredentials,
		data: {
			orders: () => structuredClone([...store.orders.values()]),
			order: (n) => structuredClone(store.orders.get(n)),
			orderByExternal: (external) => {
				const n = store.orderByExternal.get(external);
				return n === undefined ? undefined : structuredClone(store.orders.get(n));
			},
			products: () => structuredClone([...store.products.values()]),
			availability: () => structuredClone([...store.balances.values()]),
			webhookDeliveries: () => structuredClone(webhooks.deliveries),
		},
		master: {
			addProducts,
			addCustomers,
			addUnits: (units) => addCodes('unit', units),
			addWarehouses: (warehouses) => addCodes('warehouse', warehouses),
			addDeliveryMethods: (codes) => addCodes('deliveryMethod', codes),
			customers: () => [...store.customers.values()].map((c) => ({ ...c })),
			units: () => [...store.codes.unit],
			warehouses: () => [...store.codes.warehouse],
			deliveryMethods: () => [...store.codes.deliveryMethod],
		},
		setAvailableBalance: (productNumber, warehouse, available) => structuredClone(act(setBalance(store, productNumber, warehouse, available, clock())).row),
		reserveOrder: (n) => structuredClone(act(reserveOrder(store, n, clock())).order),
		pickOrder: (n, delivery = {}) => structuredClone(act(pickOrder(store, n, delivery, clock())).order),
		cancelOrder: (n) => structuredClone(act(cancelOrder(store, n, clock())).order),
		webhooks: {
			register: (input) => ({ ...webhooks.register(input) }),
			list: () => webhooks.list().map((w) => ({ ...w })),
			remove: (id) => webhooks.remove(id),
			clear: () => webhooks.clear(),
			settled: () => webhooks.settled(),
		},
		rateLimits: knobs,
		faults: { add: (spec) => faults.add(spec), clear: () => faults.clear() },
		options: live,
		log,
		close() {
			closed ??= new Promise<void>((resolve) => {
				webhooks.close();
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
	return handle;
}
