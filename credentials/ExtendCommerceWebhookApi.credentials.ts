import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The secret of one webhook in Extend Commerce Backend (gear wheel → Webhooks → Create Webhook →
 * Secret). Extend signs every call's body with it; the Extend Commerce Trigger checks the signature.
 */
export class ExtendCommerceWebhookApi implements ICredentialType {
	name = 'extendCommerceWebhookApi';

	displayName = 'Extend Commerce Webhook API';

	icon: Icon = { light: 'file:../icons/extendCommerce.svg', dark: 'file:../icons/extendCommerce.dark.svg' };

	documentationUrl = 'https://github.com/extend-commerce/n8n-nodes-extend-commerce#extend-commerce-trigger-and-woocommerce-update';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Secret entered in the webhook\'s form in Extend Commerce Backend. Calls whose ms-signature header does not match it are refused with 401.',
		},
	];
}
