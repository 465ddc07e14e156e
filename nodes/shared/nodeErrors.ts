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
		if (error.kind === 'invalid-input') {
			return new NodeOperationError(node, error.message, { description: error.description, itemIndex });
		}
		const body: JsonObject = { message: error.message, description: error.description, code: error.code ?? null, httpCode: error.status ? String(error.status) : null };
		return new NodeApiError(node, body, {
			message: error.message,
			description: error.description,
			httpCode: error.status ? String(error.status) : undefined,
			itemIndex,
		});
	}
	const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
	return new NodeOperationError(node, message, { itemIndex });
}
