import type { QueryValue } from '../transport/query';
import type { ExtendAssumptions } from './assumptions';

/**
 * What the readers need from an Extend Commerce client: one JSON GET under the API base (the
 * credential's API URL), through the shared transport (auth, rate limits, retries, redaction).
 */
export interface ExtendGet {
	get(path: string, query?: Record<string, QueryValue>): Promise<unknown>;
	/** The names and schemes to use (the credential's API Adjustments); omitted = the defaults. */
	readonly assumptions?: ExtendAssumptions;
}
