import { runRecords } from '../../../../../nodes/ExtendCommercePush/push/runRecords';

describe('runRecords', () => {
	it('keeps the input order with several in flight, never more than the limit', async () => {
		let inFlight = 0;
		let most = 0;
		const results = await runRecords([5, 1, 4, 2, 3], 2, async (n) => {
			inFlight += 1;
			most = Math.max(most, inFlight);
			await new Promise((resolve) => setImmediate(resolve));
			inFlight -= 1;
			return n * 10;
		});
		expect(results).toEqual([50, 10, 40, 20, 30]);
		expect(most).toBe(2);
	});

	it('after a systemic failure starts nothing new, lets those in flight finish, then throws it', async () => {
		const started: number[] = [];
		await expect(
			runRecords([1, 2, 3, 4, 5, 6], 2, async (n) => {
				started.push(n);
				await new Promise((resolve) => setImmediate(resolve));
				if (n === 2) throw new Error('Extend is down');
				return n;
			}),
		).rejects.toThrow('Extend is down');
		expect(started).toEqual([1, 2, 3]);
	});
});
