import { runWorkflow, type WorkflowJson } from '../harness/run-workflow';

// n8n adds a "Custom API Call" choice to Resource on nodes whose credential can sign any request,
// and then keeps no Operation. Each node must say where such calls go, before touching a system.
describe('Custom API Call points to the HTTP Request node, naming the credential as the editor shows it', () => {
	it.each([
		['n8n-nodes-extend-commerce.extendCommercePush', { authentication: 'extendCommerceApi' }, 'Extend Commerce Back Office'],
		['n8n-nodes-extend-commerce.wooCommerceFetch', {}, 'WooCommerce Store (Extend Commerce)'],
		['n8n-nodes-extend-commerce.wooCommerceUpdate', {}, 'WooCommerce Store (Extend Commerce)'],
	])('%s', async (type, parameters, credential) => {
		const workflow: WorkflowJson = {
			nodes: [
				{ id: '1', name: 'Schedule Trigger', type: 'n8n-nodes-base.scheduleTrigger', typeVersion: 1.2, position: [0, 0], parameters: {} },
				{ id: '2', name: 'Node', type, typeVersion: 1, position: [200, 0], parameters: { ...parameters, resource: '__CUSTOM_API_CALL__', operation: '__CUSTOM_API_CALL__' } },
			],
			connections: { 'Schedule Trigger': { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
		};
		const result = await runWorkflow(workflow, { triggerItems: [{ json: {} }] });
		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({
			message: 'Custom API calls are made with an HTTP Request node.',
			description: `Add an HTTP Request node, set Authentication to "Predefined Credential Type" and choose the ${credential} credential.`,
		});
	});
});
