import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * Where a record that failed goes, from the node's Settings → On Error:
 * - 'errorOutput' ("Continue (using error output)"): json of exactly `message` and `error` (the
 *   result, with `inputItem`), the one shape both n8n lines (1.123 and 2.x) move to the error
 *   output; without pairedItem, so n8n does not merge the whole input item in front of the reason
 *   (the push node's refusals have the same shape);
 * - 'regular' ("Continue"): the result plus an `error` line, in the main output;
 * - 'none' ("Stop Workflow"): the result as it is (its outcome says "failed"), in the main output,
 *   so one unknown SKU does not stop the stock of all the others.
 */
export type FailureMode = 'none' | 'regular' | 'errorOutput';

export function failureModeOf(context: IExecuteFunctions): FailureMode {
	if (!context.continueOnFail()) return 'none';
	return context.getNode().onError === 'continueErrorOutput' ? 'errorOutput' : 'regular';
}

/** One output item for one record's result, paired with the input item it came from (see FailureMode). */
export function resultItem(result: IDataObject & { itemIndex: number; error?: { field: string; message: string } }, mode: FailureMode, label: string): INodeExecutionData {
	const { itemIndex, ...json } = result;
	if (!result.error || mode === 'none') return { json, pairedItem: { item: itemIndex } };
	const message = `${label}: ${result.error.message}`;
	if (mode === 'errorOutput') return { json: { message, error: { ...json, inputItem: itemIndex } } };
	return { json: { ...json, error: message }, pairedItem: { item: itemIndex } };
}
