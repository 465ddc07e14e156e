import type { INodeProperties } from 'n8n-workflow';

import { EXTEND_API_CREDENTIAL, EXTEND_CLIENT_CREDENTIALS_TYPE } from '../../shared/extend-commerce/auth';

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	default: EXTEND_API_CREDENTIAL,
	options: [
		{ name: 'API Key, Bearer Token or User and Password', value: EXTEND_API_CREDENTIAL },
		{ name: 'OAuth2 (Client Credentials)', value: EXTEND_CLIENT_CREDENTIALS_TYPE },
	],
	description: 'How this node signs in to Extend Commerce\'s REST API. Extend does not publish its scheme: use what Extend gave you.',
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'order',
	options: [
		{ name: 'Order', value: 'order' },
		{ name: 'Product', value: 'product' },
		{ name: 'Product Availability', value: 'productAvailability' },
		{ name: 'Back Office API', value: 'backOfficeApi' },
	],
};
