/** Fault knobs: make matching API requests fail in controlled ways (tests, demos, benchmarks). */
import { ApiError } from './http';
import type { FaultKind, FaultSpec } from './types';

/** When a fault applies: before the work, after it (a lost answer), or to a duplicate create's answer. */
export type FaultPhase = 'before' | 'after' | 'duplicate';

const KINDS: readonly FaultKind[] = ['status', 'hang', 'reset', 'html502', 'duplicate'];
const DUPLICATE_STATUSES = [400, 409, 422];

export class Faults {
	private active: Array<{ spec: FaultSpec; remaining: number }> = [];

	add(spec: FaultSpec): void {
		if (!KINDS.includes(spec.kind)) throw new Error(`Unknown fault kind '${String(spec.kind)}'; use one of ${KINDS.join(', ')}`);
		if (spec.kind === 'status' && spec.status !== undefined && (spec.status < 400 || spec.status > 599)) {
			throw new Error(`A 'status' fault needs a status from 400 to 599, got ${spec.status}`);
		}
		if (spec.times !== undefined && (!Number.isInteger(spec.times) || spec.times < 1)) {
			throw new Error(`'times' must be a positive integer, got ${spec.times}`);
		}
		if (spec.afterProcessing && spec.kind !== 'status' && spec.kind !== 'reset' && spec.kind !== 'hang') {
			throw new Error("'afterProcessing' applies to 'status', 'reset' and 'hang' faults only");
		}
		if (spec.kind === 'duplicate' && spec.status !== undefined && !DUPLICATE_STATUSES.includes(spec.status)) {
			throw new Error(`A 'duplicate' fault answers ${DUPLICATE_STATUSES.join(', ')}, got ${spec.status}`);
		}
		this.active.push({ spec, remaining: spec.times ?? Infinity });
	}

	clear(): void {
		this.active = [];
	}

	/** The first fault for this request in this phase, using up one of its `times`. */
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
	if (spec.kind === 'duplicate') return 'duplicate';
	return spec.afterProcessing ? 'after' : 'before';
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
	const m = spec.match;
	if (!m) return true;
	if (m.method && m.method.toUpperCase() !== method.toUpperCase()) return false;
	if (m.path === undefined) return true;
	if (typeof m.path === 'string') return path.toLowerCase().includes(m.path.toLowerCase());
	m.path.lastIndex = 0;
	return m.path.test(path);
}

/** What a reverse proxy in front of a stopped back office answers. */
export const PROXY_502_HTML =
	'<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';

/** The field the sandbox names when a create meets an existing orderNumberExternal. */
export const DUPLICATE_FIELD = 'orderHeader.orderNumberExternal';

/** A 'duplicate' fault's answer: its status and a message naming the external number, without the existing order's number. */
export function duplicateAnswer(fault: FaultSpec, orderNumberExternal: string): ApiError {
	const status = fault.status ?? 400;
	const words = status === 422 ? 'is not unique' : 'is already in use';
	return new ApiError(status, `Validation failed: orderNumberExternal '${orderNumberExternal}' ${words}.`, { errors: { orderNumberExternal: [`'${orderNumberExternal}' ${words}`] } });
}
