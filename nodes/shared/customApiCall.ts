import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** The value n8n gives Resource and Operation when a user picks its added "Custom API Call" choice. */
export const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

/**
 * n8n offers "Custom API Call" on every node whose credential can sign any request. These nodes
 * leave such calls to the HTTP Request node, which takes the same credential. Checked on Resource
 * alone: with Resource on Custom API Call, n8n keeps no Operation.
 */
export function refuseCustomApiCall(context: IExecuteFunctions, credential: string): void {
	if (context.getNodeParameter('resource', 0, '') !== CUSTOM_API_CALL) return;
	throw new NodeOperationError(context.getNode(), 'Custom API calls are made with an HTTP Request node.', {
		description: `Add an HTTP Request node, set Authentication to "Predefined Credential Type" and choose the ${credential} credential.`,
	});
}
