import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Where a record that failed goes, from the node's Settings → On Error:
 * - 'errorOutput' ("Continue (using error output)"): json `{ error, details }`, which n8n-core
 *   moves to the error output;
 * - 'regular' ("Continue"): the result plus an `error` line, in the main output;
 * - 'none' ("Stop Workflow"): the result as it is (its outcome says "failed"), in the main output,
 *   so one unknown SKU does not stop the stock of all the others.
 */
export type FailureMode = 'none' | 'regular' | 'errorOutput';

export function failureModeOf(context: IExecuteFunctions): FailureMode {
	if (!context.continueOnFail()) return 'none';
	return context.getNode().onError === 'continueErrorOutput' ? 'errorOutput' : 'regular';
}

/** One output item for one record's result, paired with the input item it came from. */
export function resultItem(result: IDataObject & { itemIndex: number; error?: { field: string; message: string } }, mode: FailureMode, label: string): INodeExecutionData {
	const { itemIndex, ...json } = result;
	if (!result.error || mode === 'none') return { json, pairedItem: { item: itemIndex } };
	const error = `${label}: ${result.error.message}`;
	if (mode === 'errorOutput') return { json: { error, details: json }, pairedItem: { item: itemIndex } };
	return { json: { ...json, error }, pairedItem: { item: itemIndex } };
}
