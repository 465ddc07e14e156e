import type { ICredentialsDisplayOptions, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { EXTEND_API_CREDENTIAL, EXTEND_CLIENT_CREDENTIALS_TYPE } from '../shared/extend-commerce/auth';
import { extendCommerceApiTest, extendCommerceOAuth2ApiTest, wooCommerceConnectionTest } from '../shared/credentialTests';
import { refuseCustomApiCall } from '../shared/customApiCall';
import { checkApiAssumptions } from './check/checkAssumptions';
import { backOfficeApiOperation } from './description/backOfficeApi';
import { orderGetProperties } from './description/customerOrder';
import { cancelDeletedProperties, orderOperation, orderProperties } from './description/order';
import { productAvailabilityOperation, productAvailabilityProperties } from './description/productAvailability';
import { deactivateDeletedProperties, productOperation, productProperties } from './description/product';
import { authenticationProperty, resourceProperty } from './description/resource';
import { cancelDeletedOrders } from './order/cancelDeletedOrders';
import { createOrders } from './order/createOrders';
import { deactivateDeletedProducts } from './product/deactivateDeletedProducts';
import { upsertProducts } from './product/upsertProducts';
import { getChangedAvailability } from './read/readAvailability';
import { getOrders } from './read/readCustomerOrder';

/**
 * "Version 1 or later", so a new version of the node keeps the slot. n8n's type for credential
 * slots lists only numbers under '@version', but the editor and the engine check slots with the
 * same displayParameter as parameters, which takes conditions (a unit test checks it on both lines).
 */
const ANY_VERSION_FROM_1 = { show: { '@version': [{ _cnd: { gte: 1 } }] } } as unknown as ICredentialsDisplayOptions;

type Operation = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** resource:operation → what runs it. A new operation is one line here and its description above. */
const operations: Record<string, Operation> = {
	'order:create': createOrders,
	'order:cancelDeleted': cancelDeletedOrders,
	'product:upsert': upsertProducts,
	'product:deactivateDeleted': deactivateDeletedProducts,
	'order:get': getOrders,
	'productAvailability:getChanged': getChangedAvailability,
	'backOfficeApi:checkAssumptions': checkApiAssumptions,
};

export class ExtendCommercePush implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Extend Commerce',
		name: 'extendCommercePush',
		icon: { light: 'file:../../icons/extendCommerce.svg', dark: 'file:../../icons/extendCommerce.dark.svg' },
		group: ['output'],
		version: 1,
		// The subtitle says what goes where, so it adds to a node named after its action ("Create orders").
		subtitle: '={{ {"order:create": "Send orders to Extend", "order:cancelDeleted": "Cancel orders deleted in the store", "product:upsert": "Send products to Extend", "product:deactivateDeleted": "Deactivate products deleted in the store", "order:get": "Read an order from Extend", "productAvailability:getChanged": "Read balances from Extend", "backOfficeApi:checkAssumptions": "Check your Extend API"}[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description: 'Send WooCommerce orders and products to Extend Commerce, read orders and available balances back, and check what the package assumes about your Extend API. Its trigger is Extend Commerce Trigger.',
		defaults: { name: 'Extend Commerce' },
		// Every operation writes to the back office: none is offered to AI agents.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		// Rejected records is the node's own output, so refused records reach their branch with n8n's
		// default On Error; a failure that needs the user fails the execution.
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Results', 'Next Cursor', 'Rejected records'],
		credentials: [
			{
				name: 'extendCommerceApi',
				displayName: 'Extend Commerce Back Office',
				required: true,
				testedBy: 'extendCommerceApiTest',
				displayOptions: { show: { authentication: [EXTEND_API_CREDENTIAL] } },
			},
			{
				name: 'extendCommerceOAuth2Api',
				displayName: 'Extend Commerce Back Office (OAuth2)',
				required: true,
				testedBy: 'extendCommerceOAuth2ApiTest',
				displayOptions: { show: { authentication: [EXTEND_CLIENT_CREDENTIALS_TYPE] } },
			},
			{
				name: 'extendCommerceConnectionApi',
				displayName: 'WooCommerce Store Connection',
				required: false,
				testedBy: 'wooCommerceConnectionTest',
				// Always shown. n8n's editor treats a slot without displayOptions.show as one of the node's
				// Authentication choices and lists back-office credentials in it; a condition that is not on
				// Authentication keeps this slot to store connections (seen in n8n 1.123 and 2.41 editors).
				displayOptions: ANY_VERSION_FROM_1,
			},
		],
		properties: [
			authenticationProperty,
			resourceProperty,
			orderOperation,
			productOperation,
			productAvailabilityOperation,
			backOfficeApiOperation,
			...orderProperties,
			...cancelDeletedProperties,
			...orderGetProperties,
			...productProperties,
			...deactivateDeletedProperties,
			...productAvailabilityProperties,
		],
	};

	methods = {
		credentialTest: { extendCommerceApiTest, extendCommerceOAuth2ApiTest, wooCommerceConnectionTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		refuseCustomApiCall(this, 'Extend Commerce Back Office');
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const run = operations[`${resource}:${operation}`];
		if (run) return await run.call(this);
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported.`, { description: 'Choose one of the listed operations.' });
	}
}
