import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkAssumptions, suggestedAdjustments } from '../../shared/extend-commerce/assumptionCheck';
import { extendClientFor, type ExtendClient } from '../../shared/extend-commerce/client';
import { toNodeError } from '../../shared/nodeErrors';

/**
 * Back Office API → Check Assumptions: one item per assumption on the first output (confirmed,
 * contradicted, not checkable without writing, or undecided for lack of data), and one item with
 * the API Adjustments that fit the tenant. A refused credential or an unreachable tenant fails the run.
 */
export async function checkApiAssumptions(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let client: ExtendClient | undefined;
	try {
		client = await extendClientFor(this, 0);
		const findings = await checkAssumptions(client);
		const count = (result: string) => findings.filter((finding) => finding.result === result).length;
		const contradicted = count('contradicted');
		const apiAdjustments = suggestedAdjustments(client.assumptions, findings);
		this.addExecutionHints({
			message: `${count('confirmed')} assumptions confirmed, ${contradicted} contradicted, ${count('notCheckable')} not checkable without writing, ${count('undecided')} undecided for lack of data.${contradicted ? ' Enter the last item\'s API Adjustments in the Extend Commerce Back Office credential and run the check again.' : ''}`,
			location: 'outputPane',
		});
		const items = findings.map((finding): INodeExecutionData => ({ json: finding, pairedItem: { item: 0 } }));
		items.push({ json: { key: 'apiAdjustments', result: contradicted ? 'adjust' : 'keep', apiAdjustments, apiAdjustmentsText: JSON.stringify(apiAdjustments) }, pairedItem: { item: 0 } });
		return [items, []];
	} catch (error) {
		throw toNodeError(this.getNode(), error, client?.settings.secrets ?? []);
	}
}
