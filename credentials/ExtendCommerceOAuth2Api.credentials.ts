import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { apiAdjustmentsProperty } from '../nodes/shared/extend-commerce/assumptions';

/**
 * The Extend Commerce back office's REST API with OAuth2 client credentials: n8n fetches the
 * token from the Access Token URL and renews it. Extend does not publish an OAuth2 endpoint;
 * this is for tenants whose Extend installation issues client credentials.
 */
export class ExtendCommerceOAuth2Api implements ICredentialType {
	name = 'extendCommerceOAuth2Api';

	extends = ['oAuth2Api'];

	// n8n names a new credential after this without "API" and "OAuth2": "Client" keeps its default name
	// apart from the API-key credential's ("Extend Commerce Back Office Client account").
	displayName = 'Extend Commerce Back Office Client OAuth2 API';

	icon: Icon = { light: 'file:../icons/extendCommerce.svg', dark: 'file:../icons/extendCommerce.dark.svg' };

	documentationUrl = 'https://github.com/extend-commerce/n8n-nodes-extend-commerce#extend-commerce-api';

	properties: INodeProperties[] = [
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.example.com/tenant/api',
			description:
				'The base address of your Extend Commerce REST API exactly as Extend gave it to you, including any path after the host',
		},
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'clientCredentials' },
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.example.com/tenant/oauth/token',
			description: 'Where n8n asks for a token with the client ID and secret. Extend does not document an OAuth2 endpoint: use the one your Extend installation gave you.',
		},
		{ displayName: 'Auth URL', name: 'authUrl', type: 'hidden', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			description: 'The scopes Extend gave this client, separated by spaces (empty if none)',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'header',
			options: [
				{ name: 'Send Client ID and Secret in the Header (Basic)', value: 'header' },
				{ name: 'Send Client ID and Secret in the Body', value: 'body' },
			],
			description: 'How the client ID and secret are sent to the token URL',
		},
		apiAdjustmentsProperty,
	];
}
