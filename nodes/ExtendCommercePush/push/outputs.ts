import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { NextCursor } from '../../shared/sync/syncWindow';
import { isRefused, type Refused, type RecordResult } from './outcomes';

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

export interface PushOutputs {
	results: INodeExecutionData[];
	nextCursor: INodeExecutionData[];
	rejected: INodeExecutionData[];
}

/** The node's outputs Results, Next Cursor and Rejected records: delivered and refused records, each in input order and paired with its input item. */
export function buildOutputs(resource: string, results: readonly RecordResult[], cursor: NextCursor | undefined): PushOutputs {
	const delivered: INodeExecutionData[] = [];
	const rejected: INodeExecutionData[] = [];
	for (const result of [...results].sort((a, b) => a.itemIndex - b.itemIndex)) {
		if (isRefused(result)) rejected.push({ json: refusalDetails(result, resource), pairedItem: { item: result.itemIndex } });
		else delivered.push({ json: { outcome: result.outcome, resource, ...result.keys }, pairedItem: { item: result.itemIndex } });
	}
	const firstInput = results.length > 0 ? Math.min(...results.map((result) => result.itemIndex)) : 0;
	return {
		results: delivered,
		nextCursor: cursor ? [{ json: cursor as unknown as IDataObject, pairedItem: { item: firstInput } }] : [],
		rejected,
	};
}

/**
 * What comes out when the run failed and the user chose Settings → On Error "Continue" themselves:
 * one item saying so on Results, no Next Cursor, nothing on Rejected records. Its json is exactly
 * `message` and `error`, the shape n8n 1.123 and 2.x both move to the error output under
 * "Continue (using error output)"; under "Continue (regular output)" it stays on Results.
 */
export function failedRunOutputs(resource: string, failure: { message: string; description?: string | null; httpCode?: string | null }): INodeExecutionData[][] {
	const error: IDataObject = {
		outcome: 'failed',
		resource,
		reason: failure.message,
		fix: failure.description ?? '',
		...(failure.httpCode ? { httpCode: failure.httpCode } : {}),
	};
	return [[{ json: { message: `The push failed and handed on no cursor: ${failure.message}`, error } }], [], []];
}
