import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { NextCursor } from '../../shared/sync/syncWindow';
import { isRefused, type Refused, type RecordResult } from './outcomes';

/** Where refused records go, from the node's Settings → On Error. */
export type RefusalRoute = 'errorOutput' | 'results' | 'stop';

export function refusalRouteOf(context: IExecuteFunctions): RefusalRoute {
	if (!context.continueOnFail()) return 'stop';
	return context.getNode().onError === 'continueErrorOutput' ? 'errorOutput' : 'results';
}

function refusalDetails(refusal: Refused, resource: string): IDataObject {
	return {
		reason: refusal.reason,
		fix: refusal.fix,
		record: refusal.record,
		outcome: refusal.outcome,
		resource,
		...refusal.keys,
		...(refusal.extendStatus === undefined ? {} : { extendStatus: refusal.extendStatus }),
		...(refusal.extendMessage === undefined ? {} : { extendMessage: refusal.extendMessage }),
		inputItem: refusal.itemIndex,
	};
}

/**
 * The item of a refused record on the error output: json of exactly `message` (the reason) and
 * `error` (everything about the record). That is the one shape every n8n line routes to the error
 * output (n8n 1.123's n8n-core 1.122 routes only json of {error} or {error, message}; an item with
 * `error` set is routed too, but n8n then replaces its json with the bare message). It carries no
 * pairedItem on purpose: n8n merges the input item (a WooCommerce order: some 47 keys) in front
 * of an error item that has one, which buries the reason; `error.inputItem` names the input item.
 */
export function errorOutputItem(refusal: Refused, resource: string): INodeExecutionData {
	return { json: { message: withRecord(refusal), error: refusalDetails(refusal, resource) } };
}

/** The reason with the record it is about in front, once ("order 142: Extend Commerce refused …"). */
function withRecord(refusal: Refused): string {
	return refusal.reason.startsWith(refusal.record) ? refusal.reason : `${refusal.record}: ${refusal.reason}`;
}

export interface PushOutputs {
	results: INodeExecutionData[];
	nextCursor: INodeExecutionData[];
}

/** Results in input order (one item per record), refused records routed as the node's settings say. */
export function buildOutputs(resource: string, results: readonly RecordResult[], cursor: NextCursor | undefined, route: RefusalRoute): PushOutputs {
	const items: INodeExecutionData[] = [];
	for (const result of [...results].sort((a, b) => a.itemIndex - b.itemIndex)) {
		if (isRefused(result)) {
			// Shown among the results ("Continue (regular output)"), a refusal is a result like the others.
			items.push(route === 'errorOutput' ? errorOutputItem(result, resource) : { json: refusalDetails(result, resource), pairedItem: { item: result.itemIndex } });
			continue;
		}
		items.push({ json: { outcome: result.outcome, resource, ...result.keys }, pairedItem: { item: result.itemIndex } });
	}
	const firstInput = results.length > 0 ? Math.min(...results.map((result) => result.itemIndex)) : 0;
	return {
		results: items,
		nextCursor: cursor ? [{ json: cursor as unknown as IDataObject, pairedItem: { item: firstInput } }] : [],
	};
}

/** Without "continue" the first refused record fails the run (after every other record was sent). */
export function refusalStop(context: IExecuteFunctions, refusals: readonly Refused[]): NodeApiError | NodeOperationError {
	const first = refusals[0];
	const others = refusals.length > 1 ? ` (and ${refusals.length - 1} more)` : '';
	const message = `${withRecord(first).replace(/[.\s]+$/, '')}${others}.`;
	const description = `${first.fix} To send the other records on and route refused ones to a branch, set Settings → On Error to "Continue (using error output)".`;
	if (first.extendStatus !== undefined) {
		return new NodeApiError(context.getNode(), { message, httpCode: String(first.extendStatus) }, { message, description, httpCode: String(first.extendStatus), itemIndex: first.itemIndex });
	}
	return new NodeOperationError(context.getNode(), message, { description, itemIndex: first.itemIndex });
}
