import type { IAuthenticate, ICredentialType, IHttpRequestOptions, INodeProperties, Icon } from 'n8n-workflow';

import { applyWooAuth, wooKeysFrom } from '../nodes/shared/woocommerce/auth';

/**
 * The WooCommerce store's side of the sync: a connection, field for field as Extend Commerce's own
 * connection form asks for it (Name, External System, Access Token, Secret, API URL, Order Start,
 * Warehouse, Company Group). Requests to the store are authenticated with its REST API keys.
 * The type name stays `extendCommerceConnectionApi`: saved workflows and templates refer to it.
 */
export class ExtendCommerceConnectionApi implements ICredentialType {
	name = 'extendCommerceConnectionApi';

	// n8n names a new credential after this ("… account", without "API"); it must end in API. Short
	// enough for n8n 2.x's "Connect to WooCommerce Store (Extend Commerce)" button, which cut the longer name.
	displayName = 'WooCommerce Store (Extend Commerce) API';

	icon: Icon = { light: 'file:../icons/woocommerce.svg', dark: 'file:../icons/woocommerce.dark.svg' };

	documentationUrl = 'https://github.com/extend-commerce/n8n-nodes-extend-commerce#woocommerce-store-extend-commerce-connection';

	properties: INodeProperties[] = [
		{
			displayName:
				'The WooCommerce store\'s keys and settings, as in Extend Commerce\'s connection form. The title above is only n8n\'s label for this credential; Name below is the connection\'s own name.',
			name: 'storeConnectionNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Name',
			name: 'connectionName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'WooCommerce Jönköping',
			description:
				'The connection\'s name as in Extend Commerce\'s connection form, e.g. the shop\'s name. It identifies this store in the sync cursor and in Extend Commerce (n8n\'s credential name does not), so keep it once syncing has started.',
		},
		{
			displayName: 'External System',
			name: 'externalSystem',
			type: 'options',
			default: 'woocommerce',
			options: [{ name: 'WooCommerce', value: 'woocommerce' }],
			description: 'The shop system of this connection; the nodes speak to WooCommerce',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'ck_…',
			description: 'The consumer key of a WooCommerce REST API key (WooCommerce → Settings → Advanced → REST API, Permissions Read/Write); starts with ck_',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'cs_…',
			description: 'The consumer secret WooCommerce shows once, when the key is created; starts with cs_',
		},
		{
			displayName: 'API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://shop.example.com',
			description: 'The WooCommerce store\'s web address. A missing https://, a trailing slash or a pasted /wp-json/wc/v3 are fine.',
		},
		{
			displayName: 'Order Start',
			name: 'orderStart',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Orders changed from this moment on are synced (the first sync of orders starts here). Read as UTC unless it carries an offset.',
		},
		{
			displayName: 'Warehouse',
			name: 'warehouse',
			type: 'string',
			default: '',
			description: 'Optional: the Extend Commerce warehouse this store ships from',
		},
		{
			displayName: 'Company Group',
			name: 'companyGroup',
			type: 'string',
			default: '',
			description: 'Optional: the Extend Commerce company group the connection belongs to',
		},
		{
			displayName: 'Authentication (Advanced)',
			name: 'authMode',
			type: 'options',
			default: 'automatic',
			options: [
				{ name: 'Automatic', value: 'automatic', description: 'Basic over https, OAuth 1.0a over plain http' },
				{ name: 'Basic Header', value: 'basic', description: 'Keys in the Authorization header (https only)' },
				{ name: 'Query String Keys', value: 'query', description: 'For hosts that strip the Authorization header (https only)' },
				{ name: 'OAuth 1.0a', value: 'oauth1', description: 'Signed requests; the only method WooCommerce accepts over plain http' },
			],
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the store\'s certificate cannot be validated (self-signed or expired)',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions): Promise<IHttpRequestOptions> =>
		applyWooAuth(wooKeysFrom(credentials), requestOptions);
}
