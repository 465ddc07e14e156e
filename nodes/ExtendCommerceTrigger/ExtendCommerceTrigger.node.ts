import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { extendCommerceWebhookSecretTest } from '../shared/credentialTests';
import { triggerProperties } from './description';
import { receiveNotification } from './receive';

export class ExtendCommerceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Extend Commerce Trigger',
		name: 'extendCommerceTrigger',
		icon: { light: 'file:../../icons/extendCommerce.svg', dark: 'file:../../icons/extendCommerce.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts a workflow when Extend Commerce calls it: a balance changed, an order was picked or cancelled, and the other webhook events. Reading and sending is the Extend Commerce node.',
		defaults: { name: 'Extend Commerce Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'extendCommerceWebhookApi', displayName: 'Webhook Secret', required: false, testedBy: 'extendCommerceWebhookSecretTest' }],
		// Answered when the run has finished: 200 (no body) once the store was written, 500 when the run
		// failed (n8n's "Error in workflow"), so Extend delivers the notification again.
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'lastNode', responseData: 'noData', path: 'extend-commerce' }],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { extendCommerceWebhookSecretTest },
	};

	/**
	 * Extend has no API to register webhooks: they are created by hand in Extend Commerce Backend
	 * (the notice in the panel says how). n8n only has to serve the URL, so there is nothing to
	 * check, create or delete on Extend's side.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveNotification.call(this);
	}
}
