import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/**
 * A daily reconciliation that would change more records than the user allows fails before it
 * writes anything: a wrong prefix, or a store answering an empty list, looks exactly like a mass
 * deletion, and cancelling or deactivating everything cannot be undone from here.
 */
export function checkSafetyCap(context: IExecuteFunctions, planned: number, settings: { parameter: string; label: string; noun: string; check: string }): void {
	const cap = Number(context.getNodeParameter(settings.parameter, 0, 25));
	if (!Number.isFinite(cap) || cap < 0) {
		throw new NodeOperationError(context.getNode(), `"${settings.label}" must be a number of 0 or more`, { description: `Got "${String(cap)}".` });
	}
	if (planned <= cap) return;
	throw new NodeOperationError(context.getNode(), `${planned} ${settings.noun} in one run is more than the ${cap} allowed: nothing was changed`, {
		description: `${settings.check} A wrong prefix or a store answering an empty list would look like this. If these ${settings.noun} are right, raise "${settings.label}" to at least ${planned} for one run, then set it back.`,
	});
}
