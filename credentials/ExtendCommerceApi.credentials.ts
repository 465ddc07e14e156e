import type { IAuthenticateGeneric, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/** The Extend Commerce back office the push node writes to, and where the sync state lives. */
export class ExtendCommerceApi implements ICredentialType {
	name = 'extendCommerceApi';

	displayName = 'Extend Commerce API';

	icon: Icon = { light: 'file:../icons/extendCommerce.svg', dark: 'file:../icons/extendCommerce.dark.svg' };

	documentationUrl = 'https://github.com/extend-commerce/n8n-nodes-extend-commerce#extend-commerce-api';

	properties: INodeProperties[] = [
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://backoffice.example.com',
			description: 'The address of your Extend Commerce back office (without /api/v1)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An API token from Extend Commerce with write access to connections, products and orders',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the certificate cannot be validated',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};
}
