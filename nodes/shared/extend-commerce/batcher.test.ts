import { clampBatchSize, runBatches, splitIntoBatches } from './batcher';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('splitIntoBatches', () => {
	it('splits into consecutive batches of at most the size, keeping order', () => {
		expect(splitIntoBatches(range(7), 3)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
		expect(splitIntoBatches(range(6), 3)).toEqual([[0, 1, 2], [3, 4, 5]]);
		expect(splitIntoBatches([], 3)).toEqual([]);
	});

	it('never exceeds 100 records per batch and never goes below 1', () => {
		expect(splitIntoBatches(range(250), 500).map((b) => b.length)).toEqual([100, 100, 50]);
		expect(splitIntoBatches(range(2), 0).map((b) => b.length)).toEqual([1, 1]);
		expect(clampBatchSize(Number.NaN)).toBe(100);
		expect(clampBatchSize(2.7)).toBe(2);
	});
});

describe('runBatches', () => {
	it('returns each batch answer in batch order with its position', async () => {
		const seen: Array<{ index: number; count: number; firstRecord: number }> = [];
		const answers = await runBatches(range(5), { batchSize: 2, concurrency: 2 }, async (batch, info) => {
			seen.push(info);
			await new Promise((r) => setTimeout(r, (3 - info.index) * 5));
			return batch.map((n) => n * 10);
		});
		expect(answers).toEqual([[0, 10], [20, 30], [40]]);
		expect(seen.sort((a, b) => a.index - b.index)).toEqual([
			{ index: 0, count: 3, firstRecord: 0 },
			{ index: 1, count: 3, firstRecord: 2 },
			{ index: 2, count: 3, firstRecord: 4 },
		]);
	});

	it('keeps at most `concurrency` batches in flight', async () => {
		let inFlight = 0;
		let most = 0;
		await runBatches(range(20), { batchSize: 2, concurrency: 3 }, async () => {
			inFlight++;
			most = Math.max(most, inFlight);
			await new Promise((r) => setTimeout(r, 5));
			inFlight--;
		});
		expect(most).toBe(3);
	});

	it('starts no batch after one failed, waits for those in flight, then throws the earliest failure', async () => {
		const started: number[] = [];
		const finished: number[] = [];
		const run = runBatches(range(10), { batchSize: 1, concurrency: 2 }, async (_batch, info) => {
			started.push(info.index);
			if (info.index === 1) {
				await new Promise((r) => setTimeout(r, 5));
				throw new Error('batch 2 failed');
			}
			await new Promise((r) => setTimeout(r, info.index === 2 ? 30 : 1));
			finished.push(info.index);
		});
		await expect(run).rejects.toThrow('batch 2 failed');
		// batch 3 (index 2) was in flight when batch 2 failed: it was awaited, and nothing after it started.
		expect(finished).toContain(2);
		expect([...started].sort()).toEqual([0, 1, 2]);
	});
});
