import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ExtendClient } from '../../shared/extend-commerce/client';
import { isRecordRefusal } from '../../shared/extend-commerce/errors';
import { writeProduct } from '../../shared/extend-commerce/products';
import { isDecimalString } from '../../shared/mapping/decimal';
import { settle } from '../../shared/transport/settle';
import { mapProductToExtend, type MappedProduct, type ProductMappingSettings } from '../../shared/mapping/extendProduct';
import { asSentence, type RecordResult } from '../push/outcomes';
import { pushRecords, recordItems } from '../push/pushRecords';
import { deactivateProduct } from './deactivateProduct';

interface ProductTask {
	itemIndex: number;
	mapped: MappedProduct;
}

function percent(context: IExecuteFunctions, value: unknown, where: string): string {
	const text = String(value ?? '').trim().replace(',', '.');
	if (!isDecimalString(text)) {
		throw new NodeOperationError(context.getNode(), `${where} "${String(value ?? '')}" is not a number.`, { description: 'Enter the VAT rate as a number, e.g. 25 or 12.' });
	}
	return text;
}

function productSettings(context: IExecuteFunctions): ProductMappingSettings {
	const currency = String(context.getNodeParameter('currency', 0, '') ?? '').trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) {
		throw new NodeOperationError(context.getNode(), `Currency "${currency}" is not a three-letter currency code.`, {
			description: 'Enter the store\'s currency as an ISO 4217 code such as SEK or EUR (WooCommerce → Settings → General → Currency).',
		});
	}
	const table = context.getNodeParameter('vatByTaxClass', 0, {}) as { mapping?: Array<{ taxClass?: string; vatPercent?: string }> };
	const vatByTaxClass: Record<string, string> = {};
	for (const row of table.mapping ?? []) vatByTaxClass[String(row.taxClass ?? '').trim()] = percent(context, row.vatPercent, `VAT Percent of tax class "${String(row.taxClass ?? '')}"`);
	return {
		currency,
		unit: String(context.getNodeParameter('unit', 0, 'ST')).trim() || 'ST',
		vatPercent: percent(context, context.getNodeParameter('vatPercent', 0, '25'), 'VAT Percent'),
		vatByTaxClass,
	};
}

function productTasks(context: IExecuteFunctions): ProductTask[] {
	const settings = productSettings(context);
	return recordItems(context).flatMap(({ itemIndex, json }) => mapProductToExtend(json, settings).map((mapped) => ({ itemIndex, mapped })));
}

/** One product or variation: written when it differs from Extend's copy, else unchanged; trashed: deactivated. */
async function sendProduct(task: ProductTask, client: ExtendClient): Promise<RecordResult> {
	const { mapped, itemIndex } = task;
	const keys: IDataObject = { wooCommerceId: mapped.wooCommerceId };
	if (!mapped.ok) {
		const fix = mapped.error.fix ?? 'Fix the field in WooCommerce: the change sends the product again with the next run.';
		return { itemIndex, outcome: 'rejected', record: mapped.label, reason: asSentence(mapped.error.message), fix, keys };
	}
	keys.productNumber = mapped.document.productNumber;
	if (mapped.document.parentProductNumber) keys.parentProductNumber = mapped.document.parentProductNumber;
	const written = await settle(async () => (mapped.trashed ? await deactivateProduct(client, mapped.document) : await writeProduct(client, mapped.document)));
	if (written.ok) return { itemIndex, outcome: written.value, keys };
	const error = written.error;
	if (!isRecordRefusal(error)) throw error;
	return { itemIndex, outcome: 'rejected', record: `product ${mapped.document.productNumber}`, reason: error.message, fix: error.description, keys, extendStatus: error.status, extendMessage: error.detail };
}

/** Product → Create or Update. */
export async function upsertProducts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await pushRecords(this, { resource: 'product', syncResource: 'products', tasks: productTasks, send: sendProduct });
}
