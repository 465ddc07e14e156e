/**
 * `npx tsx bench/push-alone.ts [--quick]`: the push benchmark on its own (orders from an in-process
 * WooCommerce sandbox), for working on the push without the whole `npm run bench`.
 */
import { startWooSandbox } from '../sandbox/woocommerce';
import { measurePush } from './push';

const quick = process.argv.includes('--quick');
const options = quick ? { limit: 100, windowSeconds: 10, windows: 3, latencyMs: 50 } : { limit: 300, windowSeconds: 60, windows: 3, latencyMs: 50 };

async function main(): Promise<void> {
	const woo = await startWooSandbox({ products: 200, orders: options.limit * options.windows * 2 });
	try {
		const orders = woo.store.orders().map((json) => ({ json: json as never }));
		const figures = await measurePush(orders, options, (line) => console.log(line));
		console.log(JSON.stringify({ ...figures, ofLimitPercent: figures.ofLimit * 100, share429Percent: figures.share429 * 100 }, null, 2));
	} finally {
		await woo.close();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
