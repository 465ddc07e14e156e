import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { syncWindowProblem, type SyncResource, type SyncWindowInfo } from '../../shared/sync/syncWindow';

/** The fetch node's type name without its package, so a renamed or re-published package still matches. */
const FETCH_NODE_TYPE = '.wooCommerceFetch';

/** The fetch node's second output, "Window". */
const SYNC_WINDOW_OUTPUT = 1;

const FIX =
	'Connect this node after a WooCommerce Fetch node (through any nodes) and leave Sync Window empty, or put in the window of the fetch node you mean, e.g. {{ $(\'Get changed orders\').first(1).json }} (with your fetch node\'s name), or set Next Cursor to "Don\'t Save a Cursor".';

/** The WooCommerce Fetch nodes this node's input comes from, nearest first (disabled ones do not run). */
function fetchNodesBefore(context: IExecuteFunctions): string[] {
	return context
		.getParentNodes(context.getNode().name)
		.filter((node) => node.type.endsWith(FETCH_NODE_TYPE) && !node.disabled)
		.map((node) => node.name);
}

/** The Sync Window item a fetch node emitted in this run, or undefined when it has not run. */
function windowEmittedBy(context: IExecuteFunctions, fetchNode: string): unknown {
	let items: INodeExecutionData[];
	try {
		items = context.getWorkflowDataProxy(0).$items(fetchNode, SYNC_WINDOW_OUTPUT) ?? [];
	} catch {
		// n8n refuses to read a node that has not run in this execution.
		return undefined;
	}
	return items[0]?.json;
}

/**
 * The Sync Window of the WooCommerce Fetch node this node's input comes from: what an empty Sync
 * Window means, so a workflow built from the nodes panel works whatever its nodes are called.
 * Undefined (with the reason) when there is no such node or it did not run.
 */
export function upstreamSyncWindow(context: IExecuteFunctions): { window?: unknown; problem?: string } {
	const candidates = fetchNodesBefore(context);
	if (candidates.length === 0) return { problem: 'no WooCommerce Fetch node comes before this node' };
	const ran = candidates.map((name) => ({ name, window: windowEmittedBy(context, name) })).filter((found) => found.window !== undefined);
	if (ran.length === 0) return { problem: `the WooCommerce Fetch node "${candidates[0]}" has not run before this node` };
	if (ran.length > 1) {
		return { problem: `several WooCommerce Fetch nodes ran before this node (${ran.map((found) => `"${found.name}"`).join(', ')}): say in Sync Window which one's window to use` };
	}
	return { window: ran[0].window };
}

function refuse(context: IExecuteFunctions, message: string): never {
	throw new NodeOperationError(context.getNode(), message, { description: FIX });
}

/** What the Sync Window field holds: a window, or empty (undefined). */
function fieldValue(context: IExecuteFunctions): unknown {
	let value: unknown;
	try {
		value = context.getNodeParameter('syncWindow', 0, '');
	} catch (error) {
		refuse(context, `Sync Window could not be read: ${(error as Error).message.replace(/[.\s]+$/, '')}.`);
	}
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		refuse(context, 'Sync Window is not valid JSON.');
	}
}

/**
 * The Sync Window this run pushes, or undefined when the node hands on no cursor. Checked before
 * anything is sent, so a workflow that could never save its cursor fails at once.
 */
export function readSyncWindow(context: IExecuteFunctions, resource: SyncResource): SyncWindowInfo | undefined {
	if (context.getNodeParameter('cursorMode', 0, 'syncWindow') === 'none') return undefined;
	let value = fieldValue(context);
	if (value === undefined) {
		const upstream = upstreamSyncWindow(context);
		if (upstream.problem) refuse(context, `Sync Window is empty and ${upstream.problem}.`);
		value = upstream.window;
	}
	const problem = syncWindowProblem(value);
	if (problem) refuse(context, `Sync Window is not the fetch node's window: ${problem}.`);
	const window = value as SyncWindowInfo;
	if (window.resource !== resource) {
		throw new NodeOperationError(context.getNode(), `Sync Window is a window of ${window.resource}, but this node pushes ${resource}.`, {
			description: 'Point Sync Window at the fetch node that reads the same resource as this node pushes.',
		});
	}
	return window;
}
