/**
 * The reverse flow for the demo (issue 12): a balance change and a picked order travel from the
 * sandbox back office, as signed webhooks, through the two webhook templates into the sandbox
 * store. The lead wires `runReverseDemo` into the demo; `npx tsx demo/reverse.ts` runs it alone.
 */
import { orderNotes } from '../sandbox/woocommerce/writes';
import { serveWebhook } from '../test/harness/run-webhook';
import { createExtendOrder, reverseTemplate, startReverseEnv, WAREHOUSE, WEBHOOK_SECRET, type ReverseEnv } from '../test/support/reverse-env';

export interface ReverseDemoSummary {
	stock: { sku: string; before: number | null; after: number | null; runs: number };
	order: { wooOrderNumber: string; extendOrderNumber: string; before: string; after: string; note: string | undefined; runs: number };
	/** The back office's webhook deliveries: every one answered 200 at its first attempt. */
	deliveries: Array<{ action: string; attempt: number; status: number }>;
}

/** Runs both webhook templates against the given sandboxes (or fresh ones) and says what arrived in the store. */
export async function runReverseDemo(given?: ReverseEnv): Promise<ReverseDemoSummary> {
	const env = given ?? (await startReverseEnv({ products: 20, orders: 10 }));
	const stockHook = await serveWebhook(reverseTemplate('stockWebhook'), { credentials: env.credentials });
	const orderHook = await serveWebhook(reverseTemplate('orderStatus'), { credentials: env.credentials });
	try {
		env.office.webhooks.register({ name: 'n8n stock', url: stockHook.url, secret: WEBHOOK_SECRET, events: ['AvailableBalanceChanged'], warehouse: WAREHOUSE });
		env.office.webhooks.register({ name: 'n8n orders', url: orderHook.url, secret: WEBHOOK_SECRET, events: ['OrderPicked', 'OrderCancelled'] });

		const product = env.store.store.products().find((p) => p.type === 'simple')!;
		const stockBefore = product.stock_quantity;
		const order = env.store.store.orders().find((o) => o.status === 'processing' || o.status === 'on-hold')!;
		const orderBefore = order.status;
		const extendOrderNumber = await createExtendOrder(env, order.number, product.sku);

		env.office.setAvailableBalance(product.sku, WAREHOUSE, (stockBefore ?? 0) + 25);
		env.office.pickOrder(extendOrderNumber, { carrier: 'PostNord', trackingNumber: '00370733741234567890', trackingUrl: 'https://tracking.postnord.com/?id=00370733741234567890' });
		await env.office.webhooks.settled();
		const stockRuns = await stockHook.settled(1);
		const orderRuns = await orderHook.settled(1);

		const stored = env.store.store.orders().find((o) => o.id === order.id)!;
		return {
			stock: { sku: product.sku, before: stockBefore, after: env.store.store.products().find((p) => p.id === product.id)!.stock_quantity, runs: stockRuns.length },
			order: { wooOrderNumber: order.number, extendOrderNumber, before: orderBefore, after: stored.status, note: orderNotes(env.store.store, order.id)[0]?.note, runs: orderRuns.length },
			deliveries: env.office.data.webhookDeliveries().map((delivery) => ({ action: delivery.action, attempt: delivery.attempt, status: delivery.status })),
		};
	} finally {
		await Promise.all([stockHook.close(), orderHook.close()]);
		if (!given) await env.close();
	}
}

if (require.main === module) {
	runReverseDemo().then(
		(summary) => console.log(JSON.stringify(summary, null, 2)),
		(error: unknown) => {
			console.error(error);
			process.exitCode = 1;
		},
	);
}
