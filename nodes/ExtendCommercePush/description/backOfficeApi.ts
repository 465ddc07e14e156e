import type { INodeProperties } from 'n8n-workflow';

/** Back Office API → Check Assumptions: reads only, so it is safe to run from the editor at any time. */
export const backOfficeApiOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['backOfficeApi'] } },
	default: 'checkAssumptions',
	options: [
		{
			name: 'Check Assumptions',
			value: 'checkAssumptions',
			action: 'Check what the package assumes about your back office API',
			description:
				'Reads orders, balances, a few order details and one product from your Extend tenant (it never writes) and reports, for each part of the API that Extend does not publish, whether your tenant answers as assumed; where it does not, what it answered and the API Adjustments to enter in the credential',
		},
	],
};
