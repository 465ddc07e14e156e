import { runRecords } from '../../../../../nodes/ExtendCommercePush/push/runRecords';

/** Yields `count` times to the other tasks in flight, so that tasks can be made to finish out of order. */
async function turns(count: number): Promise<void> {
	for (let turn = 0; turn < count; turn++) await Promise.resolve();
}

describe('runRecords', () => {
	it('starts the records in input order and returns their results in input order, though they finish in another', async () => {
		const started: number[] = [];
		const finished: number[] = [];
		let inFlight = 0;
		let most = 0;
		const results = await runRecords([5, 1, 4, 2, 3], 2, async (n) => {
			started.push(n);
			inFlight += 1;
			most = Math.max(most, inFlight);
			// A record takes as many turns as its number: the short ones overtake the long ones.
			await turns(n);
			inFlight -= 1;
			finished.push(n);
			return n * 10;
		});
		expect(started).toEqual([5, 1, 4, 2, 3]);
		// The records really did finish out of input order, so the results' order is the runner's doing.
		expect(finished).not.toEqual(started);
		expect([...finished].sort()).toEqual([1, 2, 3, 4, 5]);
		expect(results).toEqual([50, 10, 40, 20, 30]);
		expect(most).toBe(2);
	});

	it('with a limit of 1 runs one record at a time, in input order', async () => {
		const events: string[] = [];
		const results = await runRecords(['a', 'b', 'c'], 1, async (name) => {
			events.push(`start ${name}`);
			await turns(1);
			events.push(`end ${name}`);
			return name.toUpperCase();
		});
		expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
		expect(results).toEqual(['A', 'B', 'C']);
	});

	it('runs nothing and returns nothing for no records', async () => {
		const run = jest.fn(async (n: number) => n);
		await expect(runRecords([], 4, run)).resolves.toEqual([]);
		expect(run).not.toHaveBeenCalled();
	});

	it('after a systemic failure starts nothing new, lets those in flight finish, then throws it', async () => {
		const started: number[] = [];
		const finished: number[] = [];
		await expect(
			runRecords([1, 2, 3, 4, 5, 6], 2, async (n) => {
				started.push(n);
				await turns(n === 3 ? 3 : 1);
				if (n === 2) throw new Error('Extend is down');
				finished.push(n);
				return n;
			}),
		).rejects.toThrow('Extend is down');
		expect(started).toEqual([1, 2, 3]);
		// 3 was in flight when 2 failed: it finished before the failure was thrown.
		expect(finished).toEqual([1, 3]);
	});
});
