/**
 * The HTTP pipeline: one function serves both the plain-HTTP and the HTTPS listener.
 *
 * Latency: a response leaves no sooner than `latencyMs` after its request arrived. The server's own
 * work overlaps that wait, as on a real host where several PHP workers serve requests in parallel;
 * this single Node thread would otherwise add its CPU time to every concurrent request's latency.
 *
 * Order of events per request (as WordPress runs them): faults -> REST route
 * resolution (`/wp-json/...` with pretty permalinks, `?rest_route=` always) -> WooCommerce key
 * authentication (its errors end the request before dispatch: no Allow, no no-cache headers,
 * `Vary: Origin` on GET) -> rest_pre_dispatch key read/write check -> route match (else
 * `rest_no_route`) -> parameter validation (before the permission check, as WP_REST_Server does) ->
 * permission callback (401 when nobody is logged in, 403 for a user without the capability) ->
 * handler. Every request is logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { authenticate, checkKeyPermission, type KeyRecord, type WpError } from './auth';
import { Faults, NGINX_PAGE, WAF_CHALLENGE_HTML, WP_CRITICAL_ERROR, WP_MAINTENANCE_HTML } from './faults';
import { phpParseStr, rawQueryRecord, type PhpArray } from './phpQuery';
import { type RestRequest, type RestResponse, type RouteDef, type RouteEnv, paramDefs, sanitizeParams, validateParams, wpError } from './routes';
import { phpJson, type SerializeCtx } from './serialize';
import type { AuthKind, RequestLogEntry, WooSandboxOptions } from './types';
import { httpDate } from './time';

export interface ServerState {
	options: Required<WooSandboxOptions>;
	env: RouteEnv;
	routes: RouteDef[];
	keys: Map<string, KeyRecord>;
	faults: Faults;
	log: RequestLogEntry[];
	canonical: string;
	hanging: Set<Socket>;
	now(): Date;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const JSON_TYPE = 'application/json; charset=UTF-8';
const NOCACHE: Array<[string, string]> = [
	['Expires', 'Wed, 11 Jan 1984 05:00:00 GMT'],
	['Cache-Control', 'no-cache, must-revalidate, max-age=0, no-store, private'],
];

interface Out {
	status: number;
	headers: Array<[string, string]>;
	body: string;
}

function detectAuthKind(get: PhpArray, authorization: string | undefined): AuthKind {
	for (const k of get.keys()) if (k.startsWith('oauth_')) return 'oauth1';
	if (authorization?.startsWith('OAuth ')) return 'oauth1';
	if (get.has('consumer_key')) return 'query';
	if (authorization && /^basic\s/i.test(authorization)) return 'basic';
	return 'none';
}

function setHeader(h: Array<[string, string]>, name: string, value: string): void {
	const i = h.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
	if (i >= 0) h.splice(i, 1);
	h.push([name, value]);
}

function htmlPage(status: number, title: string, origin: string): string {
	return `<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="UTF-8">\n<title>${title} &#8211; WooCommerce Sandbox</title>\n<link rel="https://api.w.org/" href="${origin}/?rest_route=/" />\n</head>\n<body class="${status === 404 ? 'error404' : 'home'}">\n<main><h1>${title}</h1></main>\n</body>\n</html>\n`;
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve) => {
		if (req.method === 'GET' || req.method === 'HEAD') {
			req.resume();
			resolve('');
			return;
		}
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', () => resolve(''));
	});
}

export function createHandler(state: ServerState, isSsl: boolean) {
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const o = state.options;
		const rawUrl = req.url ?? '/';
		const method = (req.method ?? 'GET').toUpperCase();
		const qi = rawUrl.indexOf('?');
		const rawPath = qi >= 0 ? rawUrl.slice(0, qi) : rawUrl;
		const search = qi >= 0 ? rawUrl.slice(qi + 1) : '';
		const get = phpParseStr(search);
		const host = req.headers.host ?? `${o.host}`;
		const origin = `${isSsl ? 'https' : 'http'}://${host}`;
		const authorization = o.stripAuthorizationHeader ? undefined : req.headers.authorization;
		const bodyText = await readBody(req);

		// REST route resolution
		let route: string | null = null;
		const rr = get.get('rest_route');
		if (typeof rr === 'string') route = rr;
		else if (o.permalinks === 'pretty' && /^\/wp-json(\/|$)/.test(rawPath)) {
			try {
				route = decodeURIComponent(rawPath.slice('/wp-json'.length));
			} catch {
				route = rawPath.slice('/wp-json'.length);
			}
		}
		if (route !== null) {
			route = route.replace(/\/+$/, '');
			if (route === '') route = '/';
			if (!route.startsWith('/')) route = `/${route}`;
		}

		const pageParam = get.get('page');
		const page = typeof pageParam === 'string' && /^\d+$/.test(pageParam) ? Number(pageParam) : 1;
		const entry: RequestLogEntry = {
			at: state.now(),
			method,
			path: route ?? rawPath,
			query: rawQueryRecord(search),
			authKind: detectAuthKind(get, authorization),
			status: 0,
			rawUrl: `${origin}${rawUrl}`,
		};
		state.log.push(entry);

		const fault = state.faults.take(route ?? rawPath, method, page);
		// An injected slow page is server time on top of the latency; the sandbox's own work is not.
		if (fault?.serverTimeMs) await sleep(fault.serverTimeMs);
		const respondAt = Date.now() + o.latencyMs;

		const send = (out: Out) => {
			entry.status = out.status;
			if (res.destroyed) return;
			const headers: Array<[string, string]> = [
				['Date', httpDate(state.now())],
				...out.headers,
			];
			res.sendDate = false;
			const flat: string[] = [];
			for (const [k, v] of headers) flat.push(k, v);
			const deliver = () => {
				if (res.destroyed) return;
				res.writeHead(out.status, flat);
				res.end(method === 'HEAD' ? undefined : out.body);
			};
			const wait = respondAt - Date.now();
			if (wait > 0) setTimeout(deliver, wait);
			else deliver();
		};

		if (fault && !(fault.kind === 'status' && (fault.status ?? 500) === 200)) {
			switch (fault.kind) {
				case 'hang':
					entry.status = 0;
					state.hanging.add(req.socket);
					req.socket.once('close', () => state.hanging.delete(req.socket));
					return;
				case 'reset': {
					entry.status = 0;
					const s = req.socket as Socket & { resetAndDestroy?: () => void };
					try {
						if (typeof s.resetAndDestroy === 'function' && !isSsl) s.resetAndDestroy();
						else s.destroy();
					} catch {
						s.destroy();
					}
					return;
				}
				case 'rate-limit':
					send({ status: 429, headers: [['Content-Type', 'text/html'], ['Retry-After', fault.retryAfter ?? '1']], body: NGINX_PAGE(429, 'Too Many Requests') });
					return;
				case 'html-200':
					send({ status: 200, headers: [['Content-Type', 'text/html; charset=UTF-8']], body: WAF_CHALLENGE_HTML });
					return;
				case 'redirect': {
					const target = (fault.redirectTo ?? (state.options.https ? state.canonical : origin)).replace(/\/+$/, '');
					send({ status: fault.status === 302 ? 302 : 301, headers: [['Content-Type', 'text/html'], ['Location', `${target}${rawUrl}`]], body: NGINX_PAGE(fault.status === 302 ? 302 : 301, fault.status === 302 ? 'Found' : 'Moved Permanently') });
					return;
				}
				case 'status': {
					const st = fault.status ?? 500;
					if (st === 500) send({ status: 500, headers: [['Content-Type', JSON_TYPE]], body: phpJson(WP_CRITICAL_ERROR) });
					else if (st === 503) send({ status: 503, headers: [['Content-Type', 'text/html; charset=utf-8'], ['Retry-After', fault.retryAfter ?? '600']], body: WP_MAINTENANCE_HTML });
					else if (st === 502) send({ status: 502, headers: [['Content-Type', 'text/html']], body: NGINX_PAGE(502, 'Bad Gateway') });
					else if (st === 504) send({ status: 504, headers: [['Content-Type', 'text/html']], body: NGINX_PAGE(504, 'Gateway Time-out') });
					else send({ status: st, headers: [['Content-Type', JSON_TYPE]], body: wpError({ code: 'sandbox_fault', message: `Injected HTTP ${st}.`, status: st }) });
					return;
				}
				default:
					break;
			}
		}

		let out: Out;
		let listPage: number | undefined;
		if (route === null) {
			const home = rawPath === '/' || rawPath === '';
			out = { status: home ? 200 : 404, headers: [['Content-Type', 'text/html; charset=UTF-8']], body: htmlPage(home ? 200 : 404, home ? 'WooCommerce Sandbox' : 'Page not found', origin) };
		} else {
			const r = serveRest(state, { method, route, get, rawUrl, origin, isSsl, authorization, bodyText, contentType: req.headers['content-type'] ?? '' });
			out = r;
			listPage = r.listPage;
		}

		if (fault?.kind === 'truncated-json') {
			const cut = Math.max(1, Math.floor(Buffer.byteLength(out.body) / 2));
			out = { ...out, status: 200, body: Buffer.from(out.body).subarray(0, cut).toString('utf8') };
		}
		send(out);
		if (listPage !== undefined && state.env.store.listHook && route) {
			state.env.store.listHook({ route, query: entry.query, page: listPage });
		}
	};
}

interface RestIn {
	method: string;
	route: string;
	get: PhpArray;
	rawUrl: string;
	origin: string;
	isSsl: boolean;
	authorization: string | undefined;
	bodyText: string;
	contentType: string;
}

function serveRest(state: ServerState, r: RestIn): RestResponse {
	const o = state.options;
	const plain = o.permalinks === 'plain';
	const restUrlFor = (base: string) => (route: string) => (plain ? `${base}/?rest_route=${route}` : `${base}/wp-json${route === '/' ? '/' : route}`);
	const restUrl = restUrlFor(r.origin);
	const headers: Array<[string, string]> = [
		['Content-Type', JSON_TYPE],
		['X-Robots-Tag', 'noindex'],
		['Link', `<${restUrl('/')}>; rel="https://api.w.org/"`],
		['X-Content-Type-Options', 'nosniff'],
		['Access-Control-Expose-Headers', 'X-WP-Total, X-WP-TotalPages, Link'],
		['Access-Control-Allow-Headers', 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type'],
	];
	const fail = (e: WpError, loggedIn: boolean, extra: Array<[string, string]> = []): RestResponse => {
		const h = [...headers];
		if (!loggedIn && r.method === 'GET' && !h.some(([k]) => k === 'Vary')) h.push(['Vary', 'Origin']);
		h.push(...extra);
		if (loggedIn) h.push(...NOCACHE);
		return { status: e.status, headers: h, body: wpError(e) };
	};

	let post: PhpArray | null = null;
	let body: Record<string, unknown> | null = null;
	if (r.bodyText) {
		if (r.contentType.includes('application/x-www-form-urlencoded')) {
			post = phpParseStr(r.bodyText);
			body = Object.fromEntries([...post].map(([k, v]) => [k, typeof v === 'string' ? v : Object.fromEntries(v)]));
		} else {
			try {
				const parsed: unknown = JSON.parse(r.bodyText);
				if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
			} catch {
				return fail({ code: 'rest_invalid_json', message: 'Invalid JSON body passed.', status: 400, data: { json_error_code: 4, json_error_message: 'Syntax error' } }, false);
			}
		}
	}

	const auth = authenticate(
		{
			method: r.method,
			isSsl: r.isSsl,
			basicOverHttp: o.basicOverHttp,
			rawUri: r.rawUrl,
			homeUrl: r.origin,
			get: r.get,
			post,
			authorization: r.authorization,
			nowSec: Math.floor(state.now().getTime() / 1000),
		},
		state.keys,
	);
	if (auth.error) return fail(auth.error, false);
	const key = auth.key;
	const loggedIn = key !== null;
	// rest_send_cors_headers(): a GET without an Origin header from a visitor who is not logged in
	if (!loggedIn && r.method === 'GET') headers.push(['Vary', 'Origin']);

	if (key) {
		const perm = checkKeyPermission(r.method === 'HEAD' ? 'GET' : r.method, key.key);
		if (perm) return fail(perm, true);
	}

	const m = r.method === 'HEAD' ? 'GET' : r.method;
	let matched: { def: RouteDef; params: Record<string, string> } | null = null;
	for (const def of state.routes) {
		if (def.enabled && !def.enabled(o)) continue;
		const mm = def.pattern.exec(r.route);
		if (!mm) continue;
		const params: Record<string, string> = {};
		def.names.forEach((n, i) => (params[n] = mm[i + 1]));
		matched = { def, params };
		break;
	}
	const handler = matched?.def.handlers.find((h) => h.methods.includes(m));
	if (!matched || !handler) return fail({ code: 'rest_no_route', message: 'No route was found matching the URL and request method.', status: 404 }, loggedIn);

	const canView = key !== null && key.key.userCanView !== false;
	const allow: Array<[string, string]> = matched.def.public || canView ? [['Allow', matched.def.allow.join(', ')]] : [];

	const q = r.get;
	const rest: RestRequest = {
		method: m,
		route: r.route,
		params: matched.params,
		query: q,
		body,
		origin: r.origin,
		restUrl,
		ser: {
			canonical: state.canonical,
			origin: r.origin,
			permalinks: o.permalinks,
			restUrl: restUrlFor(state.canonical),
			allowSingle: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
		} satisfies SerializeCtx,
	};

	if (handler.list) {
		const defs = paramDefs(handler.list, o.legacyNoModifiedFilter);
		const invalid = validateParams(defs, q);
		if (invalid) {
			const names = Object.keys(invalid.params).join(', ');
			return fail({ code: 'rest_invalid_param', message: `Invalid parameter(s): ${names}`, status: 400, data: { params: invalid.params, details: invalid.details } }, loggedIn, allow);
		}
		sanitizeParams(defs, q);
	}

	if (!matched.def.public && !canView) {
		const exists = handler.exists ? handler.exists(rest, state.env) : true;
		if (exists) {
			const status = loggedIn ? 403 : 401;
			const msg: Record<string, [string, string]> = {
				list: ['woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.'],
				view: ['woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.'],
				create: ['woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.'],
				edit: ['woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.'],
				delete: ['woocommerce_rest_cannot_delete', 'Sorry, you are not allowed to delete this resource.'],
				index: ['rest_forbidden', 'Sorry, you are not allowed to do that.'],
			};
			const [code, message] = msg[handler.action];
			return fail({ code, message, status }, loggedIn, allow);
		}
	}

	const res = handler.handle(rest, state.env);
	const h = [...headers];
	for (const [k, v] of res.headers) setHeader(h, k, v);
	h.push(...allow);
	if (loggedIn) h.push(...NOCACHE);
	return { status: res.status, headers: h, body: res.body, listPage: res.listPage };
}
