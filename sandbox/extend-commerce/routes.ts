/**
 * The API routes, relative to the tenant's base path: the documented methods from the sandbox's own
 * copy (documented.ts), the assumed product resource from the node's api.ts. Method names are matched case-insensitively
 * because Extend writes both `CustomerOrders` and `customerorders/{id}`; the base path itself is
 * matched exactly. Handlers run synchronously once the body is read, so each request's change is
 * atomic with respect to other requests.
 */
import { EXTEND_PATHS } from '../../nodes/shared/extend-commerce/api';
import { DOCUMENTED_PATHS } from './documented';
import type { Caller } from './auth';
import { availabilityJson, getProduct, putProduct } from './catalog';
import { listAnswer, orderAnswer, type BackOfficeChoices } from './choices';
import { ApiError } from './http';
import { orderNumbersAsked, pageOf, parseChangedSince, parsePaging } from './lists';
import type { Notice } from './notices';
import { createOrder, findOrder, orderSummary, updateOrder } from './orders';
import type { Store } from './store';
import type { RateLimitGroup } from './types';
import { unknownValue, type Json } from './validate';

export interface RouteContext {
	params: Record<string, string>;
	query: URLSearchParams;
	body: Json | undefined;
	caller: Caller;
	store: Store;
	now: Date;
	/** Names and schemes where Extend publishes none. */
	choices: BackOfficeChoices;
}

export interface Reply {
	status: number;
	body: unknown;
	notices?: Notice[];
}

export interface Route {
	method: 'GET' | 'PUT' | 'POST';
	/** OpenAPI-style template under the base path, e.g. /customerorders/{orderNumber}. */
	template: string;
	group: RateLimitGroup;
	/** Whether the read-only principal is refused (403). */
	write: boolean;
	handle(ctx: RouteContext): Reply;
}

/** The path template of a path function (documented, or the assumed product path), with `{name}` where its argument goes. */
function template(path: (value: string) => string, name: string): string {
	return `/${path('\u0000').replace(encodeURIComponent('\u0000'), `{${name}}`)}`;
}

function requireBody(ctx: RouteContext): Json {
	if (!ctx.body) throw new ApiError(400, 'The request body is empty; send a JSON object with Content-Type: application/json.');
	return ctx.body;
}

export const routes: Route[] = [
	{
		method: 'POST',
		template: `/${DOCUMENTED_PATHS.customerOrders}`,
		group: 'orders',
		write: true,
		handle(ctx) {
			const { order, notices } = createOrder(ctx.store, requireBody(ctx), ctx.now, ctx.choices);
			return { status: 201, body: orderAnswer(order, ctx.choices), notices };
		},
	},
	{
		method: 'GET',
		template: `/${DOCUMENTED_PATHS.customerOrders}`,
		group: 'reads',
		write: false,
		handle(ctx) {
			const paging = parsePaging(ctx.query, ctx.choices.list);
			const since = parseChangedSince(ctx.query, ctx.choices.list);
			const external = ctx.query.get(ctx.choices.list.orderNumberExternal);
			const wanted = external === null ? orderNumbersAsked(ctx.query, ctx.choices.list) : [external];
			// The duplicate lookup runs before every create, so it goes through the index.
			const candidates = wanted === null ? [...ctx.store.orders.values()] : wanted.map((number) => ctx.store.orders.get(ctx.store.orderByExternal.get(number) ?? '')).filter((o) => o !== undefined);
			const orders = candidates.filter((o) => since === undefined || Date.parse(o.changed) >= since);
			const page = pageOf(orders, paging, (o) => o.changed, (o) => o.orderNumber);
			return { status: 200, body: listAnswer(page.map((o) => orderAnswer(orderSummary(o), ctx.choices)), ctx.choices) };
		},
	},
	{
		method: 'GET',
		template: template(DOCUMENTED_PATHS.customerOrder, 'orderNumber'),
		group: 'reads',
		write: false,
		handle: (ctx) => ({ status: 200, body: orderAnswer(findOrder(ctx.store, ctx.params.orderNumber), ctx.choices) }),
	},
	{
		method: 'PUT',
		template: template(DOCUMENTED_PATHS.customerOrder, 'orderNumber'),
		group: 'orders',
		write: true,
		handle(ctx) {
			const { order, notices } = updateOrder(ctx.store, ctx.params.orderNumber, requireBody(ctx), ctx.now);
			return { status: 200, body: orderAnswer(order, ctx.choices), notices };
		},
	},
	{
		method: 'GET',
		template: `/${DOCUMENTED_PATHS.productAvailability}`,
		group: 'reads',
		write: false,
		handle(ctx) {
			const { list } = ctx.choices;
			const paging = parsePaging(ctx.query, list);
			const since = parseChangedSince(ctx.query, list);
			const warehouse = ctx.query.get(list.warehouse);
			if (warehouse !== null && !ctx.store.codes.warehouse.includes(warehouse)) {
				throw unknownValue(list.warehouse, warehouse, 'warehouse', ctx.store.codes.warehouse);
			}
			const numbersParam = ctx.query.get(list.productNumbers);
			const numbers = numbersParam === null ? null : new Set(numbersParam.split(',').map((n) => n.trim()).filter(Boolean));
			const rows = [...ctx.store.balances.values()].filter(
				(r) =>
					(since === undefined || Date.parse(r.changed) >= since) &&
					(warehouse === null || r.warehouse === warehouse) &&
					(numbers === null || numbers.has(r.productNumber)),
			);
			const page = pageOf(rows, paging, (r) => r.changed, (r) => `${r.productNumber}\u0000${r.warehouse}`);
			return { status: 200, body: listAnswer(page.map((r) => availabilityJson(r, ctx.choices)), ctx.choices) };
		},
	},
	{
		method: 'GET',
		template: template(EXTEND_PATHS.product, 'productNumber'),
		group: 'products',
		write: false,
		handle: (ctx) => ({ status: 200, body: getProduct(ctx.store, ctx.params.productNumber) }),
	},
	{
		method: 'PUT',
		template: template(EXTEND_PATHS.product, 'productNumber'),
		group: 'products',
		write: true,
		handle(ctx) {
			const { product, created, notices } = putProduct(ctx.store, ctx.params.productNumber, requireBody(ctx), ctx.now);
			return { status: created ? 201 : 200, body: product, notices };
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
	const source = route.template
		.split(/(\{\w+\})/)
		.map((part) => {
			const name = /^\{(\w+)\}$/.exec(part);
			if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			names.push(name[1]);
			return '([^/]+)';
		})
		.join('');
	return { route, pattern: new RegExp(`^${source}/?$`, 'i'), names };
});

/** The rate-limit group of a path that matches no route (it still counts as a read). */
export const UNMATCHED_GROUP: RateLimitGroup = 'reads';

/** Finds the route for a path under the base path; 404 when no path matches, 405 when the method does not. */
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } {
	const candidates = compiled.filter((c) => c.pattern.test(path));
	if (candidates.length === 0) {
		throw new ApiError(404, `There is no method ${path.slice(0, 80)}; this back office serves ${[...new Set(routes.map((r) => r.template))].join(', ')}.`);
	}
	const hit = candidates.find((c) => c.route.method === method);
	if (!hit) {
		const allowed = [...new Set(candidates.map((c) => c.route.method))].join(', ');
		throw new ApiError(405, `${method} is not allowed on ${path.slice(0, 80)}; use ${allowed}.`, {}, { Allow: allowed });
	}
	const values = hit.pattern.exec(path)!.slice(1);
	const params: Record<string, string> = {};
	hit.names.forEach((name, i) => {
		let decoded: string | undefined;
		try {
			decoded = decodeURIComponent(values[i]);
		} catch {
			decoded = undefined;
		}
		if (decoded === undefined) throw new ApiError(400, `The path segment '${values[i].slice(0, 60)}' is not valid percent-encoding.`);
		params[name] = decoded;
	});
	return { route: hit.route, params };
}

/** The group a request counts in, before the route is known for sure. */
export function groupOf(method: string, path: string): RateLimitGroup {
	try {
		return matchRoute(method, path).route.group;
	} catch {
		return UNMATCHED_GROUP;
	}
}
