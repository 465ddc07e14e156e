import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../shared/nodeErrors';
import { failureModeOf, resultItem } from '../shared/recordOutcome';
import { resolveSkus } from '../shared/woocommerce/storeWriter/skuIndex';
import { failureReport, failuresToActOn, summarise } from '../shared/woocommerce/storeWriter/stockOutcome';
import { planStock, type StockRecord, type StockResult } from '../shared/woocommerce/storeWriter/stockPlan';
import { writeStock } from '../shared/woocommerce/storeWriter/stockWriter';
import { openStore } from './store';

interface StockOptions {
	enableStockManagement?: boolean;
	batchSize?: number;
	timeoutSeconds?: number;
	output?: 'perSku' | 'summary';
}

/**
 * Product Stock → Set: resolve every SKU of the input once, write only quantities that differ in
 * batches of up to 100, and give one result per input item.
 */
export async function setStock(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('options', 0, {}) as StockOptions;
	let secrets: string[] = [];
	try {
		const opened = await openStore(this, options.timeoutSeconds ?? 60);
		secrets = opened.secrets;
		const records: StockRecord[] = items.map((_item, itemIndex) => ({
			itemIndex,
			sku: String(this.getNodeParameter('sku', itemIndex, '') ?? '').trim(),
			quantity: this.getNodeParameter('quantity', itemIndex, undefined),
		}));
		const targets = await resolveSkus(opened.store, records.map((record) => record.sku), 4);
		const plan = planStock(records, targets, { enableStockManagement: options.enableStockManagement ?? true, batchSize: options.batchSize });
		const written = await writeStock(opened.store, plan.batches, 2);
		const results: StockResult[] = [...plan.decided, ...written].sort((a, b) => a.itemIndex - b.itemIndex);

		const notInStore = new Set(records.filter((record) => record.sku !== '' && !targets.has(record.sku)).map((record) => record.itemIndex));
		const summary = summarise(results, notInStore);
		this.addExecutionHints({
			message: `${summary.skus} SKUs: ${summary.updated} updated in ${plan.batches.length} batch requests, ${summary.alreadyRight} already right, ${summary.repeated} repeated, ${summary.notInStore} not in the store, ${summary.failed} failed.`,
			location: 'outputPane',
		});
		const mode = failureModeOf(this);
		const mustAct = failuresToActOn(results, notInStore);
		if (mode === 'none' && mustAct.length > 0) {
			const report = failureReport(mustAct, results.length);
			throw new NodeOperationError(this.getNode(), report.message, { description: report.description, itemIndex: mustAct[0].itemIndex });
		}
		const toItem = (result: StockResult) => resultItem(result as unknown as IDataObject & StockResult, mode, `SKU "${result.sku}"`);
		if (options.output === 'summary') {
			// Continuing on errors, each failed SKU still goes where the user sent failures (the error output, or an error line), not only into the summary's lists.
			const failed = mode === 'none' ? [] : results.filter((result) => result.outcome === 'failed').map(toItem);
			return [[{ json: summary, pairedItem: items.map((_item, item) => ({ item })) }, ...failed]];
		}
		return [results.map(toItem)];
	} catch (error) {
		throw toNodeError(this.getNode(), error, secrets);
	}
}
