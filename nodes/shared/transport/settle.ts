export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The outcome of an async call as a value, for callers that handle some failures and hand the
 * rest on unchanged (every failure becomes an n8n error once, at the node's boundary).
 */
export async function settle<T>(run: () => Promise<T>): Promise<Settled<T>> {
	return await run().then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);
}
