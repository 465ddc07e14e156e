import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { TransportError } from './transport/errors';
import { redactSecrets } from './transport/redact';

/**
 * Turns any failure into the n8n error a user sees: API failures become NodeApiError with the
 * HTTP code, bad input NodeOperationError. Unknown errors are redacted with the given secrets.
 */
export function toNodeError(node: INode, error: unknown, secrets: Array<string | undefined>, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = redactSecrets(error.message, secrets);
		if (error.description) error.description = redactSecrets(error.description, secrets);
		return error;
	}
	if (error instanceof TransportError) {
		// Each client redacts its own secrets; an answer may still echo another service's (a back office quoting the store's key).
		const message = redactSecrets(error.message, secrets);
		const description = redactSecrets(error.description, secrets);
		if (error.kind === 'invalid-input') {
			return new NodeOperationError(node, message, { description, itemIndex });
		}
		const body: JsonObject = { message, description, code: error.code ?? null, httpCode: error.status ? String(error.status) : null };
		return new NodeApiError(node, body, {
			message,
			description,
			httpCode: error.status ? String(error.status) : undefined,
			itemIndex,
		});
	}
	const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
	return new NodeOperationError(node, message, { itemIndex });
}
