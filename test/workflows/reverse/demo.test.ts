import { runReverseDemo } from '../../../demo/reverse';

it('the reverse demo shows a balance change and a picked order arriving in the sandbox store', async () => {
	const summary = await runReverseDemo();
	expect(summary.stock.after).toBe((summary.stock.before ?? 0) + 25);
	expect(summary.order).toMatchObject({ before: expect.stringMatching(/processing|on-hold/), after: 'completed', note: expect.stringContaining('PostNord, tracking number 00370733741234567890'), runs: 1 });
	expect(summary.deliveries).toEqual([
		{ action: 'AvailableBalanceChanged', attempt: 1, status: 200 },
		{ action: 'OrderPicked', attempt: 1, status: 200 },
	]);
});
