import type { IAuthenticate, ICredentialType, IHttpRequestOptions, INodeProperties, Icon } from 'n8n-workflow';

import { apiAdjustmentsProperty } from '../nodes/shared/extend-commerce/assumptions';
import { applyExtendAuth } from '../nodes/shared/extend-commerce/auth';

/**
 * The Extend Commerce back office's REST API, with an API key, a bearer token or a user and
 * password (OAuth2 client credentials is the twin credential "Extend Commerce OAuth2 API").
 * Extend does not publish how API clients authenticate, so the tenant chooses what Extend gave it.
 *
 * No `test` request here on purpose: n8n prefers a credential's own `test` over the node's test
 * function, and only the node's function can name a wrong URL, TLS, DNS or timeout in words.
 */
export class ExtendCommerceApi implements ICredentialType {
	name = 'extendCommerceApi';

	displayName = 'Extend Commerce Back Office API';

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
				'The base address of your Extend Commerce REST API exactly as Extend gave it to you, including any path after the host. Extend does not publish a host name, so there is no default.',
		},
		{
			displayName: 'Authentication',
			name: 'authMode',
			type: 'options',
			default: 'apiKey',
			options: [
				{ name: 'API Key in a Header', value: 'apiKey' },
				{ name: 'Bearer Token', value: 'bearer' },
				{ name: 'User and Password (Basic)', value: 'basic' },
			],
			description:
				'How Extend Commerce expects this client to sign in. Extend does not document it publicly: use what Extend gave you. For OAuth2 client credentials, use the "Extend Commerce OAuth2 API" credential instead.',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-API-Key',
			required: true,
			displayOptions: { show: { authMode: ['apiKey'] } },
			description: 'The HTTP header that carries the key. Extend does not document one; X-API-Key is only a common default, so use the name Extend gave you.',
		},
		{
			displayName: 'API Key',
			name: 'apiKeyValue',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMode: ['apiKey'] } },
		},
		{
			displayName: 'Bearer Token',
			name: 'bearerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMode: ['bearer'] } },
			description: 'Sent as "Authorization: Bearer …"',
		},
		{
			displayName: 'User',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authMode: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authMode: ['basic'] } },
		},
		apiAdjustmentsProperty,
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the certificate cannot be validated',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> => applyExtendAuth(credentials, requestOptions);
}
