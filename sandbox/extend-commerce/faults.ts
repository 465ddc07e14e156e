/** Fault knobs: make matching requests fail in controlled ways (for tests, demos and benchmarks). */

export type FaultKind = 'status' | 'rate-limit' | 'reject-records' | 'hang' | 'reset';

export interface FaultSpec {
	/** Which requests: `path` as a string matches when the request path contains it; a RegExp is tested. */
	match?: { path?: string | RegExp; method?: string };
	/** How many matching requests fail; omitted = every one until `clear()`. */
	times?: number;
	kind: FaultKind;
	/** For 'status': the HTTP status to answer (default 500). */
	status?: number;
	/** For 'rate-limit': the Retry-After header value in seconds (default '1'). */
	retryAfter?: string;
	/** For 'reject-records': the sourceIds to reject (omitted = every record of the batch). */
	sourceIds?: string[];
	/**
	 * For 'status' and 'reset': apply the request first and only then fail the answer, as when
	 * a response is lost after the back office committed the work.
	 */
	afterProcessing?: boolean;
}

export type FaultPhase = 'before' | 'records' | 'after';

interface ActiveFault {
	spec: FaultSpec;
	remaining: number;
}

const KINDS: readonly FaultKind[] = ['status', 'rate-limit', 'reject-records', 'hang', 'reset'];

export class Faults {
	private active: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		if (!KINDS.includes(spec.kind)) throw new Error(`Unknown fault kind '${String(spec.kind)}'; use one of ${KINDS.join(', ')}`);
		if (spec.kind === 'status' && spec.status !== undefined && (spec.status < 400 || spec.status > 599)) {
			throw new Error(`A 'status' fault needs a status from 400 to 599, got ${spec.status}`);
		}
		if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) {
			throw new Error(`'times' must be a positive integer, got ${spec.times}`);
		}
		if (spec.afterProcessing && spec.kind !== 'status' && spec.kind !== 'reset') {
			throw new Error("'afterProcessing' applies to 'status' and 'reset' faults only");
		}
		this.active.push({ spec, remaining: spec.times ?? Infinity });
	}

	clear(): void {
		this.active = [];
	}

	/** The first fault that applies to this request in this phase, consuming one of its `times`. */
	take(method: string, path: string, phase: FaultPhase): FaultSpec | undefined {
		const index = this.active.findIndex((f) => phaseOf(f.spec) === phase && matches(f.spec, method, path));
		if (index < 0) return undefined;
		const fault = this.active[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.active.splice(index, 1);
		return fault.spec;
	}
}

function phaseOf(spec: FaultSpec): FaultPhase {
	if (spec.kind === 'reject-records') return 'records';
	return spec.afterProcessing ? 'after' : 'before';
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
	const m = spec.match;
	if (!m) return true;
	if (m.method && m.method.toUpperCase() !== method.toUpperCase()) return false;
	if (m.path === undefined) return true;
	if (typeof m.path === 'string') return path.includes(m.path);
	m.path.lastIndex = 0;
	return m.path.test(path);
}
