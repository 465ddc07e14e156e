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

/**
 * The item of a refused record. Its json starts with the reason and is complete on its own, and it
 * carries `error`, which every n8n line (1.123's n8n-core 1.122 and 2.x) routes to the error
 * output whatever the json holds. It carries no pairedItem on purpose: n8n merges the input item
 * (a WooCommerce order: some 47 keys) in front of an error item that has one, which buries the
 * reason; `inputItem` names the input item instead.
 */
export function refusalItem(context: IExecuteFunctions, refusal: Refused, resource: string, withPairedItem: boolean): INodeExecutionData {
	const json: IDataObject = {
		reason: refusal.reason,
		fix: refusal.fix,
		record: refusal.record,
		outcome: 'rejected',
		resource,
		...refusal.keys,
		...(refusal.extendStatus === undefined ? {} : { extendStatus: refusal.extendStatus }),
		...(refusal.extendMessage === undefined ? {} : { extendMessage: refusal.extendMessage }),
		inputItem: refusal.itemIndex,
	};
	const error =
		refusal.extendStatus === undefined
			? new NodeOperationError(context.getNode(), refusal.reason, { description: refusal.fix, itemIndex: refusal.itemIndex })
			: new NodeApiError(context.getNode(), { message: refusal.reason, httpCode: String(refusal.extendStatus) }, {
					message: refusal.reason,
					description: refusal.fix,
					httpCode: String(refusal.extendStatus),
					itemIndex: refusal.itemIndex,
				});
	return { json, error, ...(withPairedItem ? { pairedItem: { item: refusal.itemIndex } } : {}) };
}

export interface PushOutputs {
	results: INodeExecutionData[];
	nextCursor: INodeExecutionData[];
}

/** Results in input order (one item per record), refused records routed as the node's settings say. */
export function buildOutputs(context: IExecuteFunctions, resource: string, results: readonly RecordResult[], cursor: NextCursor | undefined, route: RefusalRoute): PushOutputs {
	const items: INodeExecutionData[] = [];
	for (const result of [...results].sort((a, b) => a.itemIndex - b.itemIndex)) {
		if (isRefused(result)) {
			// Refusals shown among the results keep their pairedItem: n8n merges nothing there.
			items.push(refusalItem(context, result, resource, route === 'results'));
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
	const message = `${first.record}: ${first.reason.replace(/[.\s]+$/, '')}${others}.`;
	const description = `${first.fix} To send the other records on and route refused ones to a branch, set Settings → On Error to "Continue (using error output)".`;
	if (first.extendStatus !== undefined) {
		return new NodeApiError(context.getNode(), { message, httpCode: String(first.extendStatus) }, { message, description, httpCode: String(first.extendStatus), itemIndex: first.itemIndex });
	}
	return new NodeOperationError(context.getNode(), message, { description, itemIndex: first.itemIndex });
}
