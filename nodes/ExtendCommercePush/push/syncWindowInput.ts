import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { syncWindowProblem, type SyncResource, type SyncWindowInfo } from '../../shared/sync/syncWindow';

const FIX =
	'Connect this node after the WooCommerce Fetch node and keep Sync Window at {{ $(\'WooCommerce Fetch\').first(1).json }} (with your fetch node\'s name), or set Next Cursor to "Don\'t Save a Cursor".';

/**
 * The Sync Window this run pushes, or undefined when the node hands on no cursor. Checked before
 * anything is sent, so a workflow that could never save its cursor fails at once.
 */
export function readSyncWindow(context: IExecuteFunctions, resource: SyncResource): SyncWindowInfo | undefined {
	if (context.getNodeParameter('cursorMode', 0, 'syncWindow') === 'none') return undefined;
	let value: unknown;
	try {
		value = context.getNodeParameter('syncWindow', 0);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `Sync Window could not be read: ${(error as Error).message.replace(/[.\s]+$/, '')}.`, { description: FIX });
	}
	if (typeof value === 'string') {
		try {
			value = value.trim() === '' ? undefined : (JSON.parse(value) as unknown);
		} catch {
			throw new NodeOperationError(context.getNode(), 'Sync Window is not valid JSON.', { description: FIX });
		}
	}
	const problem = syncWindowProblem(value);
	if (problem) throw new NodeOperationError(context.getNode(), `Sync Window is not the fetch node's window: ${problem}.`, { description: FIX });
	const window = value as SyncWindowInfo;
	if (window.resource !== resource) {
		throw new NodeOperationError(context.getNode(), `Sync Window is a window of ${window.resource}, but this node pushes ${resource}.`, {
			description: 'Point Sync Window at the fetch node that reads the same resource as this node pushes.',
		});
	}
	return window;
}
