/**
 * Runs one task per record with at most `limit` in flight. The first systemic failure (a thrown
 * error) stops new tasks from starting; tasks already in flight finish, then it is thrown.
 */
export async function runRecords<T, R>(tasks: readonly T[], limit: number, run: (task: T) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(tasks.length);
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async (): Promise<void> => {
		while (failure === undefined && next < tasks.length) {
			const index = next++;
			try {
				results[index] = await run(tasks[index]);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
	if (failure) throw failure.error;
	return results;
}
