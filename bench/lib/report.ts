/** Pure helpers of the benchmark: link parsing, targets, figures and the printed table. */

/** The URL of rel="next" in a Link header (RFC 8288), or undefined. */
export function nextLink(header: string | undefined | null): string | undefined {
	if (!header) return undefined;
	for (const match of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
		const rels = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(match[2])?.[1]?.toLowerCase().split(/\s+/) ?? [];
		if (rels.includes('next')) return match[1];
	}
	return undefined;
}

/** The best a client with `concurrency` requests in flight can do: pages × latency ÷ concurrency. */
export function idealSeconds(pages: number, latencyMs: number, concurrency: number): number {
	return (pages * latencyMs) / 1000 / Math.max(1, concurrency);
}

export function median(values: number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export interface Target {
	name: string;
	/** What is compared, e.g. "fetch.ratio". */
	figure: string;
	value: number;
	/** 'min': value must be at least `limit`; 'max': at most. */
	kind: 'min' | 'max';
	limit: number;
	unit?: string;
}

export interface Verdict extends Target {
	pass: boolean;
}

export function judge(target: Target): Verdict {
	const pass = Number.isFinite(target.value) && (target.kind === 'min' ? target.value >= target.limit : target.value <= target.limit);
	return { ...target, pass };
}

/** A number for a table: a few significant digits, thousands apart. */
export function fmt(value: number | undefined, digits = 2): string {
	if (value === undefined || !Number.isFinite(value)) return '–';
	const abs = Math.abs(value);
	const decimals = abs >= 1000 ? 0 : abs >= 100 ? Math.min(digits, 1) : digits;
	const fixed = value.toFixed(decimals);
	const [whole, fraction] = fixed.split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return fraction ? `${grouped}.${fraction}` : grouped;
}

/** A plain-text table with a header row and columns padded to width (numbers right-aligned). */
export function formatTable(header: string[], rows: string[][]): string {
	const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
	const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => /^[-–+]?[\d,.]+[×%]?$|^–$/.test(row[column] ?? '')));
	const line = (cells: string[]) =>
		cells
			.map((cell, column) => (numeric[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
			.join('  ')
			.trimEnd();
	return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function verdictRows(verdicts: Verdict[]): string[][] {
	return verdicts.map((v) => [v.pass ? 'PASS' : 'MISS', v.name, `${fmt(v.value)}${v.unit ?? ''}`, `${v.kind === 'min' ? '≥' : '≤'} ${fmt(v.limit)}${v.unit ?? ''}`, v.figure]);
}
