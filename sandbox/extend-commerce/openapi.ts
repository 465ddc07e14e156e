/**
 * Builds docs/openapi.json from the same schemas the sandbox validates with, so the published
 * description cannot drift from the implementation. Regenerate with:
 *   npx tsx sandbox/extend-commerce/openapi.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { canonicalComponents } from './canonical-schema';
import { CONNECTION_KEY_PATTERN } from './connections';
import { MAX_RECORDS_PER_BATCH } from './batches';
import { UTC_PATTERN_SOURCE, type JsonSchema } from './schema';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const utc = { type: 'string', format: 'date-time', pattern: UTC_PATTERN_SOURCE };
const nullableUtc = { type: ['string', 'null'], format: 'date-time', pattern: UTC_PATTERN_SOURCE };

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: ref('Error') } },
});
const json = (description: string, schema: JsonSchema, headers?: JsonSchema) => ({
	description,
	...(headers ? { headers } : {}),
	content: { 'application/json': { schema } },
});

const common = {
	'401': { $ref: '#/components/responses/Unauthorized' },
	'429': { $ref: '#/components/responses/RateLimited' },
	'500': { $ref: '#/components/responses/ServerError' },
};
const writeCommon = { ...common, '403': { $ref: '#/components/responses/Forbidden' } };
const keyParam = { $ref: '#/components/parameters/ConnectionKey' };
const resourceParam = { $ref: '#/components/parameters/Resource' };
const notFound = { '404': errorResponse('`connection_not_found`: register the connection first with PUT /api/v1/connections/{key}.') };
const badRequest = { '400': errorResponse('`validation_failed`, `invalid_connection_key`, `invalid_resource`, `invalid_json` or `invalid_body`; the message says what to fix.') };

function batchOperation(resource: 'products' | 'orders') {
	const item = resource === 'products' ? 'CanonicalProduct' : 'CanonicalOrder';
	return {
		post: {
			operationId: resource === 'products' ? 'pushProducts' : 'pushOrders',
			summary: `Upsert a batch of ${resource}`,
			description: `Upserts 1–${MAX_RECORDS_PER_BATCH} ${resource} by (connection, sourceId). Each record is validated on its own: an invalid record is answered \`rejected\` with field errors and not stored; the others are applied. The answer has one result per record in request order. The Idempotency-Key makes retries safe: the same key with the same body replays the stored answer without applying it again.`,
			parameters: [keyParam, { $ref: '#/components/parameters/IdempotencyKey' }],
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: {
							type: 'object',
							required: ['records'],
							additionalProperties: false,
							properties: { records: { type: 'array', minItems: 1, maxItems: MAX_RECORDS_PER_BATCH, items: ref(item) } },
						},
					},
				},
			},
			responses: {
				'200': json('One result per record, in request order.', ref('BatchResult'), {
					'Idempotency-Replayed': {
						description: '`true` when this is the stored answer of an earlier request with the same key and body.',
						schema: { type: 'string', enum: ['true', 'false'] },
					},
				}),
				'400': errorResponse('`idempotency_key_required`, `invalid_idempotency_key`, `invalid_batch_size` (0 or more than 100 records), `validation_failed`, `invalid_json`.'),
				...writeCommon,
				...notFound,
				'413': errorResponse('`payload_too_large`: the body is over 5 MB.'),
				'422': errorResponse('`idempotency_key_reused`: the key was used before with a different body.'),
			},
		},
	};
}

export function buildOpenApi(): JsonSchema {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Extend Commerce back-office sync API',
			version: '1',
			description:
				'The contract the n8n-nodes-extend-commerce package pushes to: connections, idempotent batch upserts of canonical products and orders, and the per-connection sync state (committed cursor with compare-and-set commits of pending windows). See docs/extend-commerce-api.md for the walkthrough with examples. Money and quantities are exact decimal strings; timestamps are UTC ISO 8601 with a Z suffix.',
		},
		servers: [{ url: 'http://127.0.0.1:{port}', variables: { port: { default: '8787' } }, description: 'The sandbox back office' }],
		security: [{ bearerAuth: [] }],
		paths: {
			'/api/v1/ping': {
				get: {
					operationId: 'ping',
					summary: 'Identify the API and the tenant of the token',
					responses: {
						'200': json('This is an Extend Commerce API and the token is valid.', ref('Ping')),
						...common,
					},
				},
			},
			'/api/v1/connections': {
				get: {
					operationId: 'listConnections',
					summary: "List the tenant's connections",
					responses: {
						'200': json('The connections, ordered by key.', {
							type: 'object',
							required: ['connections'],
							properties: { connections: { type: 'array', items: ref('Connection') } },
						}),
						...common,
					},
				},
			},
			'/api/v1/connections/{key}': {
				parameters: [keyParam],
				get: {
					operationId: 'getConnection',
					summary: 'Read a connection',
					responses: { '200': json('The connection.', ref('Connection')), ...badRequest, ...common, ...notFound },
				},
				put: {
					operationId: 'putConnection',
					summary: 'Register or update a connection',
					description:
						'Creates (201) or replaces (200) the connection under the client-chosen key. Store secrets are never accepted: a field such as consumerKey, consumerSecret, accessToken or secret is answered 400 `secret_not_accepted`, and so is a storeUrl carrying credentials.',
					requestBody: { required: true, content: { 'application/json': { schema: ref('ConnectionInput') } } },
					responses: {
						'200': json('The connection existed and is now stored as sent.', ref('Connection')),
						'201': json('The connection was created.', ref('Connection')),
						'400': errorResponse('`validation_failed` (details.errors lists the fields), `secret_not_accepted` (details.field), `invalid_connection_key`.'),
						...writeCommon,
					},
				},
			},
			'/api/v1/connections/{key}/products/batch': batchOperation('products'),
			'/api/v1/connections/{key}/orders/batch': batchOperation('orders'),
			'/api/v1/connections/{key}/sync-state/{resource}': {
				parameters: [keyParam, resourceParam],
				get: {
					operationId: 'getSyncState',
					summary: 'Read the committed cursor and the live pending windows',
					responses: { '200': json('The sync state; expired pending windows are left out.', ref('SyncState')), ...badRequest, ...common, ...notFound },
				},
				put: {
					operationId: 'resetSyncState',
					summary: 'Reset the cursor deliberately (may move it backwards) and clear the pending windows',
					requestBody: {
						required: true,
						content: {
							'application/json': {
								schema: {
									type: 'object',
									required: ['cursor'],
									additionalProperties: false,
									properties: { cursor: { ...nullableUtc, description: 'The new committed cursor; null = sync from the start.' } },
								},
							},
						},
					},
					responses: { '200': json('The new sync state.', ref('SyncState')), ...badRequest, ...writeCommon, ...notFound },
				},
			},
			'/api/v1/connections/{key}/sync-state/{resource}/pending': {
				parameters: [keyParam, resourceParam],
				post: {
					operationId: 'registerPendingWindow',
					summary: "Register the window an execution is about to sync",
					description:
						'Registers [windowStart, windowEnd] for the execution. Registering the same executionId again replaces its window (200). The window expires after the back-office TTL (24 h by default) and is then ignored.',
					requestBody: { required: true, content: { 'application/json': { schema: ref('PendingWindowInput') } } },
					responses: {
						'200': json('The execution already had a window; it is replaced.', ref('PendingWindow')),
						'201': json('The window is registered.', ref('PendingWindow')),
						...badRequest,
						...writeCommon,
						...notFound,
					},
				},
			},
			'/api/v1/connections/{key}/sync-state/{resource}/commit': {
				parameters: [keyParam, resourceParam],
				post: {
					operationId: 'commitPendingWindow',
					summary: "Commit an execution's window with compare-and-set on the cursor",
					description:
						'If windowEnd <= cursor the window is already covered (advanced: false). Else if the cursor is null or windowStart <= cursor the cursor moves to windowEnd (advanced: true). Else committing would skip data: 409 `sync_state_conflict`, and the window stays pending so it can be committed after the earlier one. A successful commit removes the pending window. The cursor never moves backwards through commit.',
					requestBody: {
						required: true,
						content: {
							'application/json': {
								schema: { type: 'object', required: ['executionId'], additionalProperties: false, properties: { executionId: { type: 'string', minLength: 1, maxLength: 255 } } },
							},
						},
					},
					responses: {
						'200': json('The window is committed (or was already covered).', ref('CommitResult')),
						...badRequest,
						...writeCommon,
						'404': notFound['404'],
						'409': errorResponse('`pending_window_not_found` (unknown, committed, reset or expired executionId) or `sync_state_conflict` (details.committedCursor, windowStart, windowEnd).'),
					},
				},
			},
		},
		components: {
			securitySchemes: {
				bearerAuth: { type: 'http', scheme: 'bearer', description: 'An Extend Commerce API token: `Authorization: Bearer <token>`.' },
			},
			parameters: {
				ConnectionKey: {
					name: 'key',
					in: 'path',
					required: true,
					description: 'Opaque client-chosen connection key.',
					schema: { type: 'string', pattern: CONNECTION_KEY_PATTERN.source },
				},
				Resource: { name: 'resource', in: 'path', required: true, schema: { type: 'string', enum: ['products', 'orders'] } },
				IdempotencyKey: {
					name: 'Idempotency-Key',
					in: 'header',
					required: true,
					description: 'Unique per batch; reuse it only to retry the same batch. 1–255 printable ASCII characters without spaces.',
					schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
				},
			},
			responses: {
				Unauthorized: errorResponse('`unauthorized`: the Authorization header is missing, not Bearer, or the token is unknown.'),
				Forbidden: errorResponse('`forbidden`: the token is valid but read-only.'),
				RateLimited: {
					description: '`rate_limited`: slow down and retry after the Retry-After seconds.',
					headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'string' } } },
					content: { 'application/json': { schema: ref('Error') } },
				},
				ServerError: errorResponse('`internal_error` (or another 5xx): a temporary failure; retry with the same Idempotency-Key.'),
			},
			schemas: {
				Error: {
					type: 'object',
					required: ['error'],
					properties: {
						error: {
							type: 'object',
							required: ['code', 'message'],
							properties: {
								code: { type: 'string', description: 'Stable machine-readable code, e.g. `validation_failed`.' },
								message: { type: 'string', description: 'What went wrong and what to fix. Never contains the token.' },
								details: { description: 'Code-specific details, e.g. `{ "errors": [FieldError] }`.' },
							},
						},
					},
				},
				FieldError: {
					type: 'object',
					required: ['field', 'message'],
					properties: { field: { type: 'string', description: 'Dotted path such as `lines[0].unitPrice`.' }, message: { type: 'string' } },
				},
				Ping: {
					type: 'object',
					required: ['service', 'apiVersion', 'tenant'],
					properties: { service: { const: 'extend-commerce' }, apiVersion: { const: '1' }, tenant: { type: 'string' } },
				},
				ConnectionInput: {
					type: 'object',
					required: ['name', 'externalSystem', 'storeUrl', 'orderStart'],
					additionalProperties: false,
					properties: {
						name: { type: 'string', minLength: 1, maxLength: 200 },
						externalSystem: { const: 'woocommerce' },
						storeUrl: { type: 'string', format: 'uri', description: 'http(s) URL of the store, without credentials.' },
						orderStart: { ...utc, description: 'Orders modified before this instant are not synced.' },
						warehouse: { type: ['string', 'null'], maxLength: 200 },
						companyGroup: { type: ['string', 'null'], maxLength: 200 },
					},
				},
				Connection: {
					type: 'object',
					required: ['key', 'name', 'externalSystem', 'storeUrl', 'orderStart', 'warehouse', 'companyGroup', 'createdAt', 'updatedAt'],
					properties: {
						key: { type: 'string', pattern: CONNECTION_KEY_PATTERN.source },
						name: { type: 'string' },
						externalSystem: { const: 'woocommerce' },
						storeUrl: { type: 'string' },
						orderStart: utc,
						warehouse: { type: ['string', 'null'] },
						companyGroup: { type: ['string', 'null'] },
						createdAt: utc,
						updatedAt: { ...utc, description: 'Changes only when a PUT changes the content.' },
					},
				},
				RecordResult: {
					type: 'object',
					required: ['sourceId', 'outcome'],
					properties: {
						sourceId: { type: 'string', description: 'The record\'s sourceId ("" when it had none).' },
						outcome: { type: 'string', enum: ['created', 'updated', 'unchanged', 'rejected'] },
						errors: { type: 'array', items: ref('FieldError'), description: 'Present when rejected.' },
					},
				},
				BatchResult: {
					type: 'object',
					required: ['results'],
					properties: { results: { type: 'array', items: ref('RecordResult') } },
				},
				PendingWindowInput: {
					type: 'object',
					required: ['executionId', 'windowStart', 'windowEnd'],
					additionalProperties: false,
					properties: {
						executionId: { type: 'string', minLength: 1, maxLength: 255 },
						windowStart: utc,
						windowEnd: { ...utc, description: 'Must be later than windowStart.' },
					},
				},
				PendingWindow: {
					type: 'object',
					required: ['executionId', 'windowStart', 'windowEnd', 'registeredAt', 'expiresAt'],
					properties: { executionId: { type: 'string' }, windowStart: utc, windowEnd: utc, registeredAt: utc, expiresAt: utc },
				},
				SyncState: {
					type: 'object',
					required: ['resource', 'committedCursor', 'pending', 'updatedAt'],
					properties: {
						resource: { type: 'string', enum: ['products', 'orders'] },
						committedCursor: { ...nullableUtc, description: 'Everything modified up to this instant is synced; null = nothing yet.' },
						pending: { type: 'array', items: ref('PendingWindow') },
						updatedAt: utc,
					},
				},
				CommitResult: {
					type: 'object',
					required: ['committedCursor', 'advanced'],
					properties: { committedCursor: nullableUtc, advanced: { type: 'boolean' } },
				},
				...Object.fromEntries(canonicalComponents),
			},
		},
	};
}

export const OPENAPI_FILE = path.join(__dirname, '..', '..', 'docs', 'openapi.json');

export function renderOpenApi(): string {
	return JSON.stringify(buildOpenApi(), null, '\t') + '\n';
}

if (require.main === module) {
	fs.writeFileSync(OPENAPI_FILE, renderOpenApi());
	console.log(`wrote ${OPENAPI_FILE}`);
}
