import { EXTEND_PATHS } from './api';
import { ExtendClient, type ExtendClientSettings } from './client';
import { listOf, pageQuery } from './lists';
import { EXTEND_FAILURE } from './errors';
import { TransportError } from '../transport/errors';
import type { HttpSend } from '../transport/http';

export interface CredentialCheckResult {
	ok: boolean;
	message: string;
}

/** One try, a short timeout: a credential test answers within seconds. */
const CHECK_OPTIONS = { retryPolicy: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 }, timeoutMs: 10_000 };

/**
 * Checks an Extend credential with one cheap documented read — `GET CustomerOrders`, the smallest
 * page — and names what is wrong in words: wrong URL, refused credential, missing rights, TLS,
 * DNS, refused connection, timeout.
 */
export async function checkExtendCredential(send: HttpSend, settings: ExtendClientSettings): Promise<CredentialCheckResult> {
	try {
		const client = new ExtendClient(send, settings, CHECK_OPTIONS);
		const { list } = client.assumptions;
		const answer = await client.request('GET', EXTEND_PATHS.customerOrders, { query: pageQuery(list, 0, 1) });
		if (!listOf(answer.body, list.arrayFields)) {
			return { ok: false, message: 'The API URL answers, but not with a list of customer orders. Check that it is the REST API\'s base address as Extend gave it, including any path after the host.' };
		}
		return { ok: true, message: 'Connected to Extend Commerce: the customer order list could be read.' };
	} catch (error) {
		if (error instanceof TransportError) return { ok: false, message: wordsFor(error) };
		return { ok: false, message: 'Extend Commerce could not be checked because of an unexpected error. Try again, and check the API URL.' };
	}
}

function wordsFor(error: TransportError): string {
	if (error.kind === 'not-json' || error.code === EXTEND_FAILURE.noSuchAddress || error.code === EXTEND_FAILURE.notFound) {
		return 'The API URL does not answer like Extend Commerce\'s REST API. Check that it is the base address as Extend gave it, including any path after the host.';
	}
	if (error.kind === 'redirect') return `${error.message.replace(/[.\s]+$/, '')}. Put the final address into the API URL.`;
	if (error.status !== undefined && error.status >= 500) return `${error.message.replace(/[.\s]+$/, '')}. Try again later; if it goes on, ask Extend whether the API is down.`;
	return `${error.message.replace(/[.\s]+$/, '')}. ${error.description}`;
}
