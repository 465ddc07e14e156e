/**
 * The choices about Extend's API that Extend does not document (api.ts marks each ASSUMED), as one
 * value an integrator can adjust without a code change: the "API Adjustments" JSON of the back-office
 * credential is checked key by key against the table below and laid over the defaults (today's choices).
 * Documented items are refused there: they are Extend's word, not a guess.
 */
import type { INodeProperties } from 'n8n-workflow';

import {
	ASSUMED_AVAILABILITY,
	ASSUMED_LIST,
	ASSUMED_ORDER,
	ASSUMED_ORDER_CHANGES,
	ASSUMED_ORDER_DETAIL,
	ASSUMED_PRODUCT_FIELDS,
	ASSUMED_PRODUCT_PATH,
	RATE_LIMIT_HEADERS,
	RECORD_LEVEL_STATUSES,
} from './api';
import { TransportError } from '../transport/errors';

export type ProductField = (typeof ASSUMED_PRODUCT_FIELDS)[number];

/** How a list is paged: by page number, or by the number of records to skip. */
export type PagingScheme = 'pageNumber' | 'offset';

export type UpdateMethod = 'PUT' | 'PATCH' | 'POST';

export interface ExtendAssumptions {
	list: {
		paging: PagingScheme;
		/** The page number (pageNumber) or the records to skip (offset). */
		page: string;
		pageSize: string;
		/** The first page's number (pageNumber only). */
		firstPage: number;
		maxPageSize: number;
		changedSince: string;
		orderNumberExternal: string;
		orderNumbersExternal: string;
		warehouse: string;
		productNumbers: string;
		/** Where an envelope answer keeps its list, tried in turn. */
		arrayFields: string[];
	};
	order: {
		extendNumberField: string;
		externalNumberField: string;
		updateMethod: UpdateMethod;
		/** Under the API URL, `{orderNumber}` where Extend's order number goes. */
		updatePath: string;
	};
	orderDetail: {
		status: string;
		cancelledStatus: string;
		/** Status values after which Extend takes no change (documented: after OrderReserved). */
		lockedStatuses: string[];
		/** The detail field telling since when the order has its status. */
		changed: string;
		/** The detail field with the order's rows (compared with the shop's before a change is sent). */
		rows: string;
		deliveries: string;
		deliveryDate: string;
		carrier: string;
		trackingNumber: string;
		trackingUrl: string;
		/** The row field besides the documented rowOperation that says a held row is cancelled ("Inactive"). */
		rowStatus: string;
	};
	availability: { productNumber: string; warehouse: string; available: string; changed: string };
	product: {
		/** Under the API URL, `{productNumber}` where the product number goes. */
		path: string;
		/** The tenant's name of each product field this package sends. */
		fields: Record<ProductField, string>;
	};
	errors: { recordLevelStatuses: number[] };
	rateLimit: { remaining: string; reset: string };
}

export const DEFAULT_ASSUMPTIONS: ExtendAssumptions = Object.freeze({
	list: {
		paging: 'pageNumber',
		page: ASSUMED_LIST.page,
		pageSize: ASSUMED_LIST.pageSize,
		firstPage: ASSUMED_LIST.firstPage,
		maxPageSize: ASSUMED_LIST.maxPageSize,
		changedSince: ASSUMED_LIST.changedSince,
		orderNumberExternal: ASSUMED_LIST.orderNumberExternal,
		orderNumbersExternal: ASSUMED_LIST.orderNumbersExternal,
		warehouse: ASSUMED_LIST.warehouse,
		productNumbers: ASSUMED_LIST.productNumbers,
		arrayFields: [...ASSUMED_LIST.arrayFields],
	},
	order: {
		extendNumberField: ASSUMED_ORDER.extendNumberField,
		externalNumberField: ASSUMED_ORDER.externalNumberField,
		updateMethod: ASSUMED_ORDER.updateMethod,
		updatePath: ASSUMED_ORDER.updatePath,
	},
	orderDetail: {
		status: ASSUMED_ORDER_DETAIL.status,
		cancelledStatus: ASSUMED_ORDER_DETAIL.cancelledStatus,
		lockedStatuses: [...ASSUMED_ORDER_CHANGES.lockedStatuses],
		changed: ASSUMED_ORDER_CHANGES.since,
		rows: ASSUMED_ORDER_CHANGES.rows,
		deliveries: ASSUMED_ORDER_DETAIL.deliveries,
		deliveryDate: ASSUMED_ORDER_DETAIL.delivery.date,
		carrier: ASSUMED_ORDER_DETAIL.delivery.carrier,
		trackingNumber: ASSUMED_ORDER_DETAIL.delivery.trackingNumber,
		trackingUrl: ASSUMED_ORDER_DETAIL.delivery.trackingUrl,
		rowStatus: ASSUMED_ORDER_CHANGES.rowStatus,
	},
	availability: { ...ASSUMED_AVAILABILITY },
	product: {
		path: ASSUMED_PRODUCT_PATH,
		fields: Object.fromEntries(ASSUMED_PRODUCT_FIELDS.map((field) => [field, field])) as Record<ProductField, string>,
	},
	errors: { recordLevelStatuses: [...RECORD_LEVEL_STATUSES] },
	rateLimit: { remaining: RATE_LIMIT_HEADERS.remaining, reset: RATE_LIMIT_HEADERS.reset },
} satisfies ExtendAssumptions) as ExtendAssumptions;

type Kind =
	| { type: 'name' }
	| { type: 'names' }
	| { type: 'status' }
	| { type: 'statuses' }
	| { type: 'whole'; min: number; max: number }
	| { type: 'choice'; values: readonly string[] }
	| { type: 'template'; placeholder: string };

interface KeySpec {
	kind: Kind;
	/** What the item is, in an integrator's words (shown in errors and the docs). */
	means: string;
}

const NAME = { type: 'name' } as const;
const productFieldSpecs = Object.fromEntries(
	ASSUMED_PRODUCT_FIELDS.map((field) => [`product.fields.${field}`, { kind: NAME, means: `the product field the package fills with ${field}` }]),
) as Record<string, KeySpec>;

/** Every adjustable key, by its dotted path in the API Adjustments JSON. */
export const ADJUSTABLE_KEYS: Record<string, KeySpec> = {
	'list.paging': { kind: { type: 'choice', values: ['pageNumber', 'offset'] }, means: 'how lists are paged: a page number, or the number of records to skip' },
	'list.page': { kind: NAME, means: 'the query parameter with the page number (or, with offset paging, the records to skip)' },
	'list.pageSize': { kind: NAME, means: 'the query parameter with the number of records per page' },
	'list.firstPage': { kind: { type: 'whole', min: 0, max: 1 }, means: 'the number of the first page (page-number paging)' },
	'list.maxPageSize': { kind: { type: 'whole', min: 1, max: 10_000 }, means: 'the most records a page may hold' },
	'list.changedSince': { kind: NAME, means: 'the query parameter of the change-date filter' },
	'list.orderNumberExternal': { kind: NAME, means: 'the CustomerOrders query parameter that finds an order by the shop\'s order number' },
	'list.orderNumbersExternal': {
		kind: NAME,
		means: 'the CustomerOrders query parameter that finds the orders with any of several comma-separated shop order numbers (never the one-order parameter unless it takes a list)',
	},
	'list.warehouse': { kind: NAME, means: 'the ProductAvailability query parameter for one warehouse' },
	'list.productNumbers': { kind: NAME, means: 'the ProductAvailability query parameter for comma-separated product numbers' },
	'list.arrayFields': { kind: { type: 'names' }, means: 'where an answer that is not a bare JSON list keeps its records, tried in turn' },
	'order.extendNumberField': { kind: NAME, means: 'the order field with Extend\'s own order number' },
	'order.externalNumberField': { kind: NAME, means: 'the order field with the shop\'s order number (top level or in orderHeader)' },
	'order.updateMethod': { kind: { type: 'choice', values: ['PUT', 'PATCH', 'POST'] }, means: 'the HTTP method that changes rows of a sent order' },
	'order.updatePath': { kind: { type: 'template', placeholder: '{orderNumber}' }, means: 'the path that changes rows of a sent order' },
	'orderDetail.status': { kind: NAME, means: 'the order detail field with the order\'s status' },
	'orderDetail.cancelledStatus': { kind: NAME, means: 'the status value of a cancelled order' },
	'orderDetail.lockedStatuses': { kind: { type: 'names' }, means: 'the status values of an order Extend no longer lets change (reserved for picking, picked)' },
	'orderDetail.changed': { kind: NAME, means: 'the order detail field with the time of the last status change' },
	'orderDetail.rows': { kind: NAME, means: 'the order detail field with the order\'s rows' },
	'orderDetail.deliveries': { kind: NAME, means: 'the order detail field with the list of deliveries' },
	'orderDetail.deliveryDate': { kind: NAME, means: 'the delivery field with the shipping date' },
	'orderDetail.carrier': { kind: NAME, means: 'the delivery field with the carrier' },
	'orderDetail.trackingNumber': { kind: NAME, means: 'the delivery field with the tracking number' },
	'orderDetail.trackingUrl': { kind: NAME, means: 'the delivery field with the tracking link' },
	'orderDetail.rowStatus': { kind: NAME, means: 'the order row field that says a row is cancelled ("Inactive"), besides rowOperation' },
	'availability.productNumber': { kind: NAME, means: 'the ProductAvailability row field with the product number' },
	'availability.warehouse': { kind: NAME, means: 'the ProductAvailability row field with the warehouse' },
	'availability.available': { kind: NAME, means: 'the ProductAvailability row field with the available balance' },
	'availability.changed': { kind: NAME, means: 'the ProductAvailability row field with the time of the last change' },
	'product.path': { kind: { type: 'template', placeholder: '{productNumber}' }, means: 'the path of one product (read, then created or replaced)' },
	...productFieldSpecs,
	'errors.recordLevelStatuses': { kind: { type: 'statuses' }, means: 'the HTTP statuses that refuse one record (it goes to its own output and the run goes on) rather than the whole run' },
	'rateLimit.remaining': { kind: NAME, means: 'the answer header with the requests left in the rate-limit window' },
	'rateLimit.reset': { kind: NAME, means: 'the answer header with the seconds until the rate-limit window resets' },
};

/** What Extend documents, so cannot be adjusted, and where it says so. */
export const DOCUMENTED_KEYS: Record<string, string> = {
	'paths.customerOrders': 'the method name CustomerOrders (Best Practice page)',
	'paths.customerOrder': 'the method customerorders/{id} (Best Practice page)',
	'paths.productAvailability': 'the method name ProductAvailability (Best Practice page)',
	'order.inactiveRowOperation': 'rowOperation "Inactive" (API samples page)',
	'rateLimit.limit': 'the header x-ratelimit-limit (Code of Conduct page)',
	'webhook.signatureHeader': 'the header ms-signature (Webhooks page)',
	'webhook.events': 'the 18 webhook events (Webhooks page)',
};

const FIX = 'Correct it in API Adjustments of the Extend Commerce Back Office credential, or remove the key to use the default.';

function valueAt(root: ExtendAssumptions, path: string): unknown {
	return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], root);
}

function shown(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function allowedOf(kind: Kind): string {
	switch (kind.type) {
		case 'name':
			return 'a text without spaces, e.g. "pageNo"';
		case 'names':
			return 'a list of texts without spaces, e.g. ["records"]';
		case 'status':
			return 'an HTTP status from 400 to 599';
		case 'statuses':
			return 'a list of HTTP statuses from 400 to 599, e.g. [400, 409]';
		case 'whole':
			return `a whole number from ${kind.min} to ${kind.max}`;
		case 'choice':
			return `one of ${kind.values.map((value) => `"${value}"`).join(', ')}`;
		case 'template':
			return `a path under the API URL containing ${kind.placeholder}, e.g. "Items/${kind.placeholder}"`;
	}
}

const isName = (value: unknown): value is string => typeof value === 'string' && /^[^\s]+$/.test(value) && value.length <= 100;
const isStatus = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;

function valid(kind: Kind, value: unknown): boolean {
	switch (kind.type) {
		case 'name':
			return isName(value);
		case 'names':
			return Array.isArray(value) && value.length > 0 && value.every(isName);
		case 'status':
			return isStatus(value);
		case 'statuses':
			return Array.isArray(value) && value.length > 0 && value.every(isStatus);
		case 'whole':
			return typeof value === 'number' && Number.isInteger(value) && value >= kind.min && value <= kind.max;
		case 'choice':
			return typeof value === 'string' && kind.values.includes(value);
		case 'template':
			return typeof value === 'string' && value.includes(kind.placeholder) && !/^[a-z][a-z0-9+.-]*:|\s/i.test(value);
	}
}

function refuse(message: string, description: string): never {
	throw new TransportError('invalid-input', message, description);
}

function childKeys(prefix: string): string[] {
	const start = prefix === '' ? '' : `${prefix}.`;
	const names = Object.keys(ADJUSTABLE_KEYS)
		.filter((key) => key.startsWith(start))
		.map((key) => key.slice(start.length).split('.')[0]);
	return [...new Set(names)];
}

function setAt(root: ExtendAssumptions, path: string, value: unknown): void {
	const parts = path.split('.');
	const parent = parts.slice(0, -1).reduce<Record<string, unknown>>((node, part) => node[part] as Record<string, unknown>, root as unknown as Record<string, unknown>);
	parent[parts[parts.length - 1]] = value;
}

function apply(root: ExtendAssumptions, given: Record<string, unknown>, prefix: string): void {
	for (const [name, value] of Object.entries(given)) {
		const path = prefix === '' ? name : `${prefix}.${name}`;
		const documentedGroup = childKeys(path).length === 0 && Object.keys(DOCUMENTED_KEYS).some((key) => key.startsWith(`${path}.`));
		if (documentedGroup && value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
			apply(root, value as Record<string, unknown>, path);
			continue;
		}
		const documented = DOCUMENTED_KEYS[path] ?? (documentedGroup ? 'all of it' : undefined);
		if (documented) {
			refuse(`API Adjustments: "${path}" cannot be adjusted, because Extend documents it (${documented})`, `Remove "${path}" from API Adjustments of the Extend Commerce Back Office credential.`);
		}
		const spec = ADJUSTABLE_KEYS[path];
		if (spec) {
			if (!valid(spec.kind, value)) {
				refuse(
					`API Adjustments: "${path}" must be ${allowedOf(spec.kind)}, got ${shown(value)}`,
					`"${path}" is ${spec.means}; the default is ${shown(valueAt(DEFAULT_ASSUMPTIONS, path))}. ${FIX}`,
				);
			}
			setAt(root, path, Array.isArray(value) ? [...(value as unknown[])] : value);
			continue;
		}
		const children = childKeys(path);
		if (children.length > 0 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
			apply(root, value as Record<string, unknown>, path);
			continue;
		}
		const known = childKeys(prefix).map((key) => `"${key}"`).join(', ');
		if (children.length > 0) refuse(`API Adjustments: "${path}" must be a JSON object of its keys, got ${shown(value)}`, `Its keys are ${children.map((key) => `"${key}"`).join(', ')}. ${FIX}`);
		refuse(`API Adjustments: there is no key "${path}"`, `The keys${prefix ? ` of "${prefix}"` : ''} are ${known} (docs/extend-commerce-api.md, "Adapting to your tenant"). ${FIX}`);
	}
}

function cloneDefaults(): ExtendAssumptions {
	return JSON.parse(JSON.stringify(DEFAULT_ASSUMPTIONS)) as ExtendAssumptions;
}

/**
 * The assumptions with the credential's API Adjustments laid over the defaults. Empty means none.
 * Every problem is an error naming the key, what it allows and its default.
 */
export function assumptionsFrom(adjustments: unknown): ExtendAssumptions {
	let given = adjustments;
	if (given === undefined || given === null || (typeof given === 'string' && given.trim() === '')) return cloneDefaults();
	if (typeof given === 'string') {
		try {
			given = JSON.parse(given) as unknown;
		} catch {
			refuse('API Adjustments is not valid JSON', `Enter a JSON object such as {"list": {"page": "pageNo"}}, or {} for none. ${FIX}`);
		}
	}
	if (given === null || typeof given !== 'object' || Array.isArray(given)) {
		refuse(`API Adjustments must be a JSON object, got ${shown(given)}`, `Enter a JSON object such as {"list": {"page": "pageNo"}}, or {} for none. ${FIX}`);
	}
	const merged = cloneDefaults();
	apply(merged, given as Record<string, unknown>, '');
	if (merged.list.paging === 'offset' && (given as { list?: { firstPage?: unknown } }).list?.firstPage !== undefined) {
		refuse('API Adjustments: "list.firstPage" only applies to page-number paging', `With "list.paging": "offset" the first page skips 0 records; remove "list.firstPage". ${FIX}`);
	}
	return merged;
}

/** The adjustments that differ from the defaults, as the JSON an integrator would enter (nested keys). */
export function adjustmentJson(changes: Record<string, unknown>): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const [path, value] of Object.entries(changes)) {
		const parts = path.split('.');
		let node = result;
		for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
		node[parts[parts.length - 1]] = value;
	}
	return result;
}

/** A path template with its placeholder filled in (the value encoded as one path segment). */
export function fillPath(template: string, placeholder: string, value: string): string {
	return template.replace(placeholder, encodeURIComponent(value));
}

export function assumedValue(assumptions: ExtendAssumptions, path: string): unknown {
	return valueAt(assumptions, path);
}

/** The API Adjustments field; both back-office credentials carry it. */
export const apiAdjustmentsProperty: INodeProperties = {
	displayName: 'API Adjustments',
	name: 'apiAdjustments',
	type: 'json',
	default: '{}',
	description:
		'Only if your Extend tenant answers differently from what this package assumes (Extend does not publish these parts of its API): parameter and field names, paging, the update of a sent order and more, e.g. {"list": {"page": "pageNo"}}. The Extend Commerce node\'s Back Office API → Check Assumptions tells you what to enter; every key is in the package\'s docs/extend-commerce-api.md, "Adapting to your tenant". Leave {} for the defaults.',
};
