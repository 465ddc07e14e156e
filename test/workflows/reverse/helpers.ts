import type { ICredentialDataDecryptedObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { WooSandbox } from '../../../sandbox/woocommerce';
import { runWorkflow, type RunResult, type WorkflowJson } from '../../harness/run-workflow';
import { connectionCredential } from '../../support/sync-env';

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

/** Manual Trigger (emitting the given items) → WooCommerce Update. */
export function updateWorkflow(parameters: INodeParameters, onError?: OnError): WorkflowJson {
	const update: INode = {
		id: 'u',
		name: 'WooCommerce Update',
		type: 'n8n-nodes-extend-commerce.wooCommerceUpdate',
		typeVersion: 1,
		position: [220, 0],
		parameters,
		credentials: { extendCommerceConnectionApi: { id: '1', name: 'Shop' } },
		...(onError ? { onError } : {}),
	};
	return {
		name: 'Update test',
		nodes: [{ id: 't', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, update],
		connections: { Start: { main: [[{ node: 'WooCommerce Update', type: 'main', index: 0 }]] } },
	};
}

export function storeCredentials(store: WooSandbox): Record<string, ICredentialDataDecryptedObject> {
	return { extendCommerceConnectionApi: connectionCredential(store) };
}

export async function runUpdate(store: WooSandbox, parameters: INodeParameters, items: INodeExecutionData['json'][], onError?: OnError): Promise<RunResult> {
	return await runWorkflow(updateWorkflow(parameters, onError), { credentials: storeCredentials(store), triggerItems: items.map((json) => ({ json })) });
}

export const STOCK_FROM_AVAILABILITY: INodeParameters = {
	resource: 'productStock',
	operation: 'set',
	sku: '={{ $json.productNumber }}',
	quantity: '={{ $json.availableBalance }}',
};

/** Requests the store received since `from` whose route ends with `suffix`. */
export function requestsTo(store: WooSandbox, suffix: RegExp, from = 0, method = 'POST'): string[] {
	return store.log.slice(from).filter((entry) => entry.method === method && suffix.test(entry.path)).map((entry) => entry.path);
}
