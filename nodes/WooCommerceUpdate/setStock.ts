import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../shared/nodeErrors';
import { failureModeOf, resultItem } from '../shared/recordOutcome';
import { resolveSkus } from '../shared/woocommerce/storeWriter/skuIndex';
import { planStock, type StockRecord, type StockResult } from '../shared/woocommerce/storeWriter/stockPlan';
import { writeStock } from '../shared/woocommerce/storeWriter/stockWriter';
import { openStore } from './store';

interface StockOptions {
	enableStockManagement?: boolean;
	batchSize?: number;
	timeoutSeconds?: number;
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

		const counts = { updated: 0, unchanged: 0, skipped: 0, failed: 0 };
		for (const result of results) counts[result.outcome] += 1;
		this.addExecutionHints({
			message: `${results.length} SKUs: ${counts.updated} updated in ${plan.batches.length} batch requests, ${counts.unchanged} already right, ${counts.skipped} repeated, ${counts.failed} failed.`,
			location: 'outputPane',
		});
		const mode = failureModeOf(this);
		return [results.map((result) => resultItem(result as unknown as IDataObject & StockResult, mode, `SKU "${result.sku}"`))];
	} catch (error) {
		throw toNodeError(this.getNode(), error, secrets);
	}
}
