/**
 * Builds docs/openapi.json: what the sandbox back office implements. Paths come from the router
 * (routes.ts), so the description cannot list a method the sandbox lacks or miss one it serves.
 * Each operation says in `x-extend` whether Extend documents it or this package assumes it.
 * Regenerate with:  npx tsx sandbox/extend-commerce/openapi.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ASSUMED_AVAILABILITY, ASSUMED_LIST, RATE_LIMIT_HEADERS } from '../../nodes/shared/extend-commerce/api';
import { DOCUMENTED_INACTIVE_ROW, DOCUMENTED_LIMIT_HEADER, DOCUMENTED_WEBHOOK_EVENTS as WEBHOOK_EVENTS } from './documented';
import { TOKEN_PATH } from './auth';
import { DEFAULT_CHOICES } from './choices';
import { DEFAULT_PAGE_SIZE } from './lists';
import { routes } from './routes';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const json = (description: string, schema: Json) => ({ description, headers: rateHeaders, content: { 'application/json': { schema } } });
const error = (description: string) => json(description, ref('Error'));

const rateHeaders = {
	[DOCUMENTED_LIMIT_HEADER]: { $ref: '#/components/headers/RateLimitLimit' },
	[RATE_LIMIT_HEADERS.remaining]: { $ref: '#/components/headers/RateLimitRemaining' },
	[RATE_LIMIT_HEADERS.reset]: { $ref: '#/components/headers/RateLimitReset' },
};
const common = { '401': response('Unauthorized'), '429': response('RateLimited'), '500': response('ServerError') };
const writeCommon = { ...common, '403': response('Forbidden') };
const number = (description: string) => ({ type: 'number', description });

const operations: Record<string, Json> = {
	'POST /CustomerOrders': {
		operationId: 'createCustomerOrder',
		summary: 'Create one customer order',
		'x-extend': 'documented (Best Practice page: "Use POST on the method CustomerOrders"; body fields from the API samples pages). Answer and duplicate rule: assumed (ASSUMED_ORDER).',
		description:
			'One order per request. The body is checked for shape (400 naming the field), then against master data: customer, order type, delivery method, product numbers, units and warehouses must exist (422 naming the value). A second order with the same orderNumberExternal is answered 409 with the existing orderNumber. Unknown fields are accepted and kept. A row without warehouse gets the default warehouse.',
		requestBody: { required: true, content: { 'application/json': { schema: ref('CustomerOrder') } } },
		responses: {
			'201': json("The created order with Extend's own orderNumber.", ref('StoredOrder')),
			'400': error('The body is not a JSON object, or a field has the wrong shape (e.g. a decimal string where a JSON number belongs); `field` names it.'),
			[String(DEFAULT_CHOICES.order.duplicateStatus)]: error('An order with this orderNumberExternal exists; `orderNumber` is its number.'),
			'422': error('A reference to unknown or inactive master data; `field` and `value` name it.'),
			...writeCommon,
		},
	},
	'GET /CustomerOrders': {
		operationId: 'listCustomerOrders',
		summary: 'List customer orders changed since a time',
		'x-extend': 'documented method ("GET CustomerOrders" with "different parameters"); parameter names, paging and answer shape assumed (ASSUMED_LIST).',
		description: `A JSON array of order summaries, oldest change first. A page shorter than pageSize is the last one.`,
		parameters: [param('changedSince'), param('orderNumberExternal'), param('orderNumbersExternal'), param('page'), param('pageSize')],
		responses: {
			'200': json('One page of order summaries.', { type: 'array', items: ref('OrderSummary') }),
			'400': error('A malformed query parameter; `parameter` names it.'),
			...common,
		},
	},
	'GET /customerorders/{orderNumber}': {
		operationId: 'getCustomerOrder',
		summary: 'Read one order with its rows, status and deliveries',
		'x-extend': 'documented method ("GET customerorders/{id}": all details about the shipment); the answer model is assumed (ASSUMED_ORDER_DETAIL).',
		parameters: [param('orderNumber')],
		responses: { '200': json('The order.', ref('StoredOrder')), '404': error('No such order.'), ...common },
	},
	'PUT /customerorders/{orderNumber}': {
		operationId: 'updateCustomerOrder',
		summary: 'Cancel, update or add rows of an order',
		'x-extend': 'rowOperation "Inactive" with warehouse is documented (API samples page); the verb and path are assumed (ASSUMED_ORDER.updateMethod).',
		description:
			'Each row: with rowOperation "Inactive" AND warehouse it cancels the active row with that externalPosition (or else that product) in that warehouse; with rowOperation "Inactive" but WITHOUT warehouse it is ADDED as a cancelled row and cancels nothing (the pitfall the samples warn about); without rowOperation it updates the row with the same externalPosition or is added. When no active row is left the order becomes Cancelled. Once an order is Reserved, Picked or Cancelled, changes are answered 409.',
		parameters: [param('orderNumber')],
		requestBody: { required: true, content: { 'application/json': { schema: ref('OrderChange') } } },
		responses: {
			'200': json('The changed order.', ref('StoredOrder')),
			'400': error('A field has the wrong shape; `field` names it.'),
			'404': error('No such order.'),
			'409': error('The order is Reserved, Picked or Cancelled and can no longer be changed.'),
			'422': error('Unknown master data, or no active row to cancel.'),
			...writeCommon,
		},
	},
	'GET /ProductAvailability': {
		operationId: 'listProductAvailability',
		summary: 'Available balances per product and warehouse',
		'x-extend': 'documented method (Best Practice page, Balance); parameter names, paging and row fields assumed (ASSUMED_LIST, ASSUMED_AVAILABILITY).',
		parameters: [param('changedSince'), param('warehouse'), param('productNumbers'), param('page'), param('pageSize')],
		responses: {
			'200': json('One page of balance rows, oldest change first.', { type: 'array', items: ref('AvailabilityRow') }),
			'400': error('A malformed query parameter.'),
			'422': error('An unknown warehouse.'),
			...common,
		},
	},
	'GET /Products/{productNumber}': {
		operationId: 'getProduct',
		summary: 'Read a product',
		'x-extend': 'assumed: Extend documents no product method (EXTEND_PATHS.product, ASSUMED_PRODUCT_FIELDS).',
		parameters: [param('productNumber')],
		responses: { '200': json('The product.', ref('Product')), '404': error('No such product.'), ...common },
	},
	'PUT /Products/{productNumber}': {
		operationId: 'putProduct',
		summary: 'Create or replace a product',
		'x-extend': 'assumed: Extend documents no product method (EXTEND_PATHS.product, ASSUMED_PRODUCT_FIELDS).',
		description: 'Creates (201) or replaces (200) the product; later orders may refer to it. The unit must exist.',
		parameters: [param('productNumber')],
		requestBody: { required: true, content: { 'application/json': { schema: ref('ProductInput') } } },
		responses: {
			'200': json('The product existed and is replaced.', ref('Product')),
			'201': json('The product was created.', ref('Product')),
			'400': error('A field has the wrong shape, or productNumber differs from the path.'),
			'422': error('An unknown unit.'),
			...writeCommon,
		},
	},
};

function listParam(name: string, description: string, schema: Json): Json {
	return { name, in: 'query', required: false, description, schema };
}

const schemas: Record<string, Json> = {
	CustomerOrder: {
		type: 'object',
		required: ['orderHeader', 'orderRows'],
		description: 'Field names as in Extend\'s samples. Numbers are JSON numbers. A field without a value is left out (null is refused). Unknown fields are accepted.',
		properties: { orderHeader: ref('OrderHeader'), orderRows: { type: 'array', minItems: 1, items: ref('OrderRow') } },
	},
	OrderHeader: {
		type: 'object',
		required: ['orderType', 'orderNumberExternal', 'customerNumber'],
		properties: {
			orderType: { type: 'string', examples: ['Normal'] },
			orderNumberExternal: { type: 'string', description: "The shop's own order number; unique (409 on a duplicate: assumed)." },
			customerNumber: { type: 'string', description: 'An existing Extend customer.' },
			askedDeliveryDate: { type: 'string', description: 'ISO 8601 with an offset, e.g. 2019-12-25T00:00:00+02:00.' },
			deliveryMethod: { type: 'string', description: 'An Extend delivery method code, e.g. Hamtas.' },
			freightFree: { type: 'boolean' },
			partialDelivery: { type: 'boolean' },
			Promotion: { type: 'object', properties: { usePromotions: { type: 'boolean' }, promotionCode: { type: 'string' } } },
		},
	},
	OrderRow: {
		type: 'object',
		required: ['product'],
		properties: {
			product: { type: 'object', required: ['productNumber'], properties: { productNumber: { type: 'string' } } },
			salesData: {
				type: 'object',
				required: ['quantity'],
				properties: {
					quantity: number('More than 0.'),
					unit: { type: 'string', description: 'An Extend unit code, e.g. ST.' },
					unitPrice: number('Left out: Extend prices the row.'),
					vatPercent: number('e.g. 25'),
					currency: { type: 'string' },
				},
			},
			supplyMode: { type: 'string', examples: ['Warehouse'] },
			warehouse: { type: 'string', description: 'Warehouse short name; needed to cancel a row.' },
			externalRow: { type: 'object', properties: { externalPosition: { type: ['number', 'string'] } } },
			rowOperation: { type: 'string', enum: [DOCUMENTED_INACTIVE_ROW] },
		},
	},
	OrderChange: { type: 'object', required: ['orderRows'], properties: { orderRows: { type: 'array', minItems: 1, items: ref('OrderRow') } } },
	StoredOrder: {
		type: 'object',
		required: ['orderNumber', 'orderNumberExternal', 'status', 'created', 'changed', 'orderHeader', 'orderRows', 'deliveries'],
		properties: {
			orderNumber: { type: 'string', description: "Extend's own order number." },
			orderNumberExternal: { type: 'string' },
			status: { type: 'string', enum: ['Registered', 'Reserved', 'Picked', 'Cancelled'] },
			created: { type: 'string', format: 'date-time' },
			changed: { type: 'string', format: 'date-time' },
			orderHeader: ref('OrderHeader'),
			orderRows: {
				type: 'array',
				items: {
					allOf: [ref('OrderRow'), { type: 'object', required: ['rowPosition', 'rowStatus'], properties: { rowPosition: { type: 'integer' }, rowStatus: { type: 'string', enum: ['Active', 'Inactive'] } } }],
				},
			},
			deliveries: { type: 'array', items: ref('Delivery') },
		},
	},
	Delivery: {
		type: 'object',
		required: ['deliveryDate', 'carrier', 'trackingNumber', 'trackingUrl'],
		properties: {
			deliveryDate: { type: 'string', format: 'date-time' },
			carrier: { type: ['string', 'null'] },
			trackingNumber: { type: ['string', 'null'] },
			trackingUrl: { type: ['string', 'null'] },
		},
	},
	OrderSummary: {
		type: 'object',
		required: ['orderNumber', 'orderNumberExternal', 'customerNumber', 'status', 'created', 'changed'],
		properties: {
			orderNumber: { type: 'string' },
			orderNumberExternal: { type: 'string' },
			customerNumber: { type: 'string' },
			status: { type: 'string' },
			created: { type: 'string', format: 'date-time' },
			changed: { type: 'string', format: 'date-time' },
		},
	},
	AvailabilityRow: {
		type: 'object',
		required: Object.values(ASSUMED_AVAILABILITY),
		properties: {
			[ASSUMED_AVAILABILITY.productNumber]: { type: 'string' },
			[ASSUMED_AVAILABILITY.warehouse]: { type: 'string' },
			[ASSUMED_AVAILABILITY.available]: { type: 'number' },
			[ASSUMED_AVAILABILITY.changed]: { type: 'string', format: 'date-time' },
		},
	},
	ProductInput: {
		type: 'object',
		description: 'ASSUMED_PRODUCT_FIELDS; unknown fields are kept. A field without a value is left out (null is refused).',
		properties: {
			productNumber: { type: 'string', description: 'If sent, equal to the path.' },
			parentProductNumber: { type: 'string' },
			name: { type: 'string' },
			unit: { type: 'string' },
			price: { type: 'number' },
			vatPercent: { type: 'number' },
			currency: { type: 'string' },
			gtin: { type: 'string' },
			weight: { type: 'number' },
			length: { type: 'number' },
			width: { type: 'number' },
			height: { type: 'number' },
			active: { type: 'boolean' },
		},
	},
	Product: {
		allOf: [ref('ProductInput'), { type: 'object', required: ['productNumber', 'created', 'changed'], properties: { created: { type: 'string', format: 'date-time' }, changed: { type: 'string', format: 'date-time' } } }],
	},
	Error: {
		type: 'object',
		required: ['message'],
		description: 'Extend publishes no error model ("3 types of error messages", unreadable); the sandbox answers a message, naming the field/value/parameter where there is one.',
		properties: { message: { type: 'string' }, field: { type: 'string' }, value: {}, parameter: { type: 'string' } },
	},
	WebhookNotification: {
		type: 'object',
		description: `Documented (Webhooks page). POSTed to the callback URL with header ms-signature: sha256=<HEX>, HMAC-SHA256 of the raw body keyed with the secret. Events: ${WEBHOOK_EVENTS.join(', ')}.`,
		required: ['Id', 'Attempt', 'Properties', 'Notifications'],
		properties: {
			Id: { type: 'string' },
			Attempt: { type: 'integer', minimum: 1 },
			Properties: { type: 'object', required: ['NotificationId'], properties: { NotificationId: { type: 'string' } } },
			Notifications: {
				type: 'array',
				items: { type: 'object', required: ['Action', 'Details'], properties: { Action: { type: 'string', enum: [...WEBHOOK_EVENTS] }, Details: { type: 'object', additionalProperties: { type: 'string' } } } },
			},
		},
	},
};

export function buildOpenApi(): Json {
	const paths: Record<string, Record<string, Json>> = {};
	for (const route of routes) {
		const key = `${route.method} ${route.template}`;
		const operation = operations[key];
		if (!operation) throw new Error(`openapi.ts describes no operation for the route ${key}`);
		(paths[route.template] ??= {})[route.method.toLowerCase()] = { ...operation, 'x-rate-limit-group': route.group };
	}
	const unused = Object.keys(operations).filter((key) => !routes.some((r) => `${r.method} ${r.template}` === key));
	if (unused.length) throw new Error(`openapi.ts describes operations the router lacks: ${unused.join(', ')}`);
	return {
		openapi: '3.1.0',
		info: {
			title: 'Extend Commerce REST API, as the sandbox back office implements it',
			version: '1',
			description:
				'What this package sends to and reads from Extend Commerce, as served by the sandbox. Method names and the CustomerOrders body are documented by Extend (the sandbox keeps its own copy, sandbox/extend-commerce/documented.ts); everything marked assumed in x-extend comes from nodes/shared/extend-commerce/api.ts. Method names are matched case-insensitively under the base path. See docs/extend-commerce-api.md.',
		},
		servers: [{ url: 'http://127.0.0.1:{port}/demo-tenant/api', variables: { port: { default: '8787' } }, description: 'The sandbox back office (the base path is a tenant prefix; clients keep it)' }],
		security: [{ apiKey: [] }, { bearer: [] }, { basic: [] }, { oauth2: ['api'] }],
		paths,
		webhooks: {
			notification: {
				post: {
					summary: 'A webhook notification',
					requestBody: { content: { 'application/json': { schema: ref('WebhookNotification') } } },
					responses: { '200': { description: 'Any 2xx ends the retries; anything else is retried with Attempt + 1.' } },
				},
			},
		},
		components: {
			securitySchemes: {
				apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'Assumed (Extend publishes no authentication); header name configurable.' },
				bearer: { type: 'http', scheme: 'bearer', description: 'Assumed.' },
				basic: { type: 'http', scheme: 'basic', description: 'Assumed.' },
				oauth2: { type: 'oauth2', description: 'Assumed. Wrong client id/secret: 401 invalid_client.', flows: { clientCredentials: { tokenUrl: TOKEN_PATH, scopes: { api: 'The API' } } } },
			},
			parameters: {
				orderNumber: { name: 'orderNumber', in: 'path', required: true, description: "Extend's own order number.", schema: { type: 'string' } },
				productNumber: { name: 'productNumber', in: 'path', required: true, schema: { type: 'string' } },
				changedSince: listParam(ASSUMED_LIST.changedSince, 'Records changed at or after this time (ISO 8601 with Z or an offset).', { type: 'string', format: 'date-time' }),
				orderNumberExternal: listParam(ASSUMED_LIST.orderNumberExternal, "Only the order with this shop order number.", { type: 'string' }),
				orderNumbersExternal: listParam(ASSUMED_LIST.orderNumbersExternal, 'Only the orders with these comma-separated shop order numbers (assumed; a tenant may ignore or refuse it: choices orderNumbersExternalSupport).', { type: 'string' }),
				warehouse: listParam(ASSUMED_LIST.warehouse, 'One warehouse (short name).', { type: 'string' }),
				productNumbers: listParam(ASSUMED_LIST.productNumbers, 'Comma-separated product numbers.', { type: 'string' }),
				page: listParam(ASSUMED_LIST.page, `1-based page number (default ${ASSUMED_LIST.firstPage}).`, { type: 'integer', minimum: 1 }),
				pageSize: listParam(ASSUMED_LIST.pageSize, `Records per page (default ${DEFAULT_PAGE_SIZE}).`, { type: 'integer', minimum: 1, maximum: ASSUMED_LIST.maxPageSize }),
			},
			headers: {
				RateLimitLimit: { description: 'Documented ("300 would be Standard limit"): requests allowed per window in this group.', schema: { type: 'string' } },
				RateLimitRemaining: { description: 'Assumed name: requests left in the window.', schema: { type: 'string' } },
				RateLimitReset: { description: 'Assumed name and meaning: seconds until the window resets.', schema: { type: 'string' } },
			},
			responses: {
				Unauthorized: error('No accepted credential, or it was refused.'),
				Forbidden: error('The credential may only read.'),
				RateLimited: error('Over the group\'s limit (documented: 429). Retry-After only when the sandbox\'s knob is on.'),
				ServerError: error('An injected fault (5xx); a proxy 502 answers HTML instead.'),
			},
			schemas,
		},
	};
}

export const OPENAPI_FILE = path.join(__dirname, '..', '..', 'docs', 'openapi.json');

export function renderOpenApi(): string {
	return `${JSON.stringify(buildOpenApi(), null, '\t')}\n`;
}

if (require.main === module) {
	fs.writeFileSync(OPENAPI_FILE, renderOpenApi());
	console.log(`wrote ${OPENAPI_FILE}`);
}
