import { ERROR_MESSAGE_FIELDS, RECORD_LEVEL_STATUSES } from './api';
import { TransportError } from '../transport/errors';
import type { HttpRequest, HttpResponse } from '../transport/http';

/** Codes this package gives Extend failures, so callers can tell them apart. */
export const EXTEND_FAILURE = {
	/** A record-level refusal (RECORD_LEVEL_STATUSES): the record goes to the push node's Rejected records output, the run goes on. */
	recordRefused: 'record_refused',
	/** A JSON 404: the addressed record does not exist. */
	notFound: 'not_found',
	/** A 404 that is not JSON: the address is not Extend's API (wrong API URL). */
	noSuchAddress: 'no_such_address',
} as const;

const MAX_DETAIL = 300;

function flatten(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) {
		const parts = value.map(flatten).filter((part): part is string => part !== undefined);
		return parts.length ? parts.join('; ') : undefined;
	}
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const field of ERROR_MESSAGE_FIELDS) {
			const found = flatten(record[field]);
			if (found) return found;
		}
		// A validation map such as { "orderRows[0].product": ["unknown"] }.
		const parts = Object.entries(record)
			.map(([key, entry]) => {
				const said = flatten(entry);
				return said ? `${key}: ${said}` : undefined;
			})
			.filter((part): part is string => part !== undefined);
		return parts.length ? parts.join('; ') : undefined;
	}
	return undefined;
}

function clip(text: string): string {
	const single = text.replace(/\s+/g, ' ').trim();
	return single.length > MAX_DETAIL ? `${single.slice(0, MAX_DETAIL - 1)}…` : single;
}

/**
 * Extend's own words from an error answer. Extend publishes no error model, so the fields of
 * ERROR_MESSAGE_FIELDS are tried in turn (ASSUMED); a short plain-text answer is taken as it is.
 */
export function extendMessageOf(response: Pick<HttpResponse, 'text' | 'headers'>): string | undefined {
	const text = response.text.trim();
	if (text === '') return undefined;
	if (/^[[{]/.test(text)) {
		try {
			const said = flatten(JSON.parse(text) as unknown);
			return said ? clip(said) : undefined;
		} catch {
			return undefined;
		}
	}
	if (/<html|<!doctype/i.test(text)) return undefined;
	return clip(text);
}

function isJson(response: HttpResponse): boolean {
	return /json/i.test(response.headers['content-type'] ?? '') || /^\s*[[{]/.test(response.text);
}

/** A path to show: the request's path after the host, without its query. */
function shownPath(request: Pick<HttpRequest, 'method' | 'url'>): string {
	try {
		return `${request.method} ${new URL(request.url).pathname}`;
	} catch {
		return request.method;
	}
}

function sentence(text: string): string {
	const trimmed = text.trim().replace(/[.\s]+$/, '');
	return `${trimmed}.`;
}

/** What the user checks when Extend refuses the credential, per kind of credential. */
export type CredentialHint = string;

/**
 * The words for a final non-2xx answer of Extend Commerce: one sentence what is wrong, one what
 * to do. `credentialHint` names the fields to check ("the API key in the Extend Commerce Back Office credential").
 */
export function describeExtendFailure(response: HttpResponse, request: Pick<HttpRequest, 'method' | 'url'>, credentialHint: CredentialHint, recordLevelStatuses: readonly number[] = RECORD_LEVEL_STATUSES): TransportError {
	const said = extendMessageOf(response);
	const quoted = said ? `: ${said.replace(/[.\s]+$/, '')}` : '';
	const where = shownPath(request);
	const status = response.status;
	if (recordLevelStatuses.includes(status)) {
		return new TransportError(
			'http',
			sentence(`Extend Commerce refused the record (HTTP ${status})${quoted}`),
			'Fix the value Extend names, in WooCommerce or in Extend Commerce; a change in WooCommerce sends the record again with the next run.',
			status,
			EXTEND_FAILURE.recordRefused,
			said,
		);
	}
	switch (status) {
		case 401:
			return new TransportError('http', sentence(`Extend Commerce did not accept the credential (HTTP 401)${quoted}`), sentence(`Check ${credentialHint}`), 401, undefined, said);
		case 403:
			return new TransportError(
				'http',
				sentence(`The Extend Commerce Back Office credential may not do this: ${where} (HTTP 403)${quoted}`),
				'Ask your Extend Commerce administrator to give this API client the rights for orders and products.',
				403,
				undefined,
				said,
			);
		case 404:
			if (isJson(response)) {
				return new TransportError(
					'http',
					sentence(`Extend Commerce found nothing at ${where} (HTTP 404)${quoted}`),
					'Check the API URL in the Extend Commerce Back Office credential (the base address as Extend gave it, including any path after the host); if it is right, the record is gone from Extend.',
					404,
					EXTEND_FAILURE.notFound,
					said,
				);
			}
			return new TransportError(
				'http',
				sentence(`Nothing at the API URL answers like Extend Commerce: ${where} (HTTP 404)`),
				'Check the API URL in the Extend Commerce Back Office credential: it is the REST API\'s base address as Extend gave it, including any path after the host.',
				404,
				EXTEND_FAILURE.noSuchAddress,
			);
		case 429:
			return new TransportError(
				'http',
				'Extend Commerce kept answering "too many requests" after every retry (HTTP 429).',
				'Lower Requests in Flight in the node\'s options, or let the workflow run less often; records not sent are sent by the next run.',
				429,
				undefined,
				said,
			);
		default:
			if (status >= 500) {
				return new TransportError(
					'http',
					sentence(`Extend Commerce had a server error (HTTP ${status})${isJson(response) ? quoted : ''}`),
					'Try again later: the run saved no cursor, so the next run sends these records again.',
					status,
					undefined,
					said,
				);
			}
			return new TransportError('http', sentence(`Extend Commerce refused the request ${where} (HTTP ${status})${quoted}`), 'Check the node\'s settings against what Extend Commerce expects.', status, undefined, said);
	}
}

export function isRecordRefusal(error: unknown): error is TransportError {
	return error instanceof TransportError && error.code === EXTEND_FAILURE.recordRefused;
}

export function isNotFound(error: unknown): error is TransportError {
	return error instanceof TransportError && error.code === EXTEND_FAILURE.notFound;
}
