/** One capped run of the fetch node in a process of its own, reporting the process's peak RSS. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { runWorkflow } from '../../test/harness/run-workflow';
import { fetchWorkflow } from '../../test/support/sync-env';

async function main(): Promise<void> {
	const credentials = JSON.parse(process.env.BENCH_CREDENTIALS ?? '{}') as Record<string, ICredentialDataDecryptedObject>;
	const cap = Number(process.env.BENCH_CAP ?? 50000);
	const rssBeforeMb = process.memoryUsage().rss / 1048576;
	const maxRssBeforeMb = process.resourceUsage().maxRSS / 1024;
	const started = process.hrtime.bigint();
	const result = await runWorkflow(fetchWorkflow({ resource: 'order', since: 'cursor', options: { maxRecordsPerRun: cap } }), {
		credentials,
		executionId: process.env.BENCH_EXECUTION_ID,
		// The cursor the previous run handed on, as a Data table row would give it.
		triggerItems: [{ json: { cursor: process.env.BENCH_CURSOR ?? '' } }],
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const records = result.items('WooCommerce Fetch').length;
	const syncWindow = result.items('WooCommerce Fetch', 1)[0]?.json;
	process.send?.({
		type: 'done',
		error: result.error?.message,
		records,
		nextCursor: syncWindow?.windowEnd,
		seconds,
		rssBeforeMb,
		maxRssBeforeMb,
		peakRssMb: process.resourceUsage().maxRSS / 1024,
	});
}

main().catch((error: unknown) => {
	process.send?.({ type: 'done', error: String(error) });
});
