import type { QueryValue } from '../transport/query';

/**
 * What the readers need from an Extend Commerce client: one JSON GET under the API base (the
 * credential's API URL), through the shared transport (auth, rate limits, retries, redaction).
 */
export interface ExtendGet {
	get(path: string, query?: Record<string, QueryValue>): Promise<unknown>;
}
