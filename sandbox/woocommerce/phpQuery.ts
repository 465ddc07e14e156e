/**
 * Just enough of PHP's query-string handling to reproduce what WordPress puts in `$_GET` and in
 * the pagination `Link` header (built with `add_query_arg()`), including its quirks:
 *  - `parse_str()` decodes '+' as a space and turns `a[]=1&a[]=2` into an array;
 *  - `add_query_arg()` re-urlencodes values that were already in the URL's query, writes new ones
 *    raw, and strips every '=' that is followed by '&' or the end of the string (meant for empty
 *    values, it also eats the base64 padding of an `oauth_signature`).
 */

export type PhpValue = string | PhpArray;
export type PhpArray = Map<string, PhpValue>;

/** PHP `urldecode()`: '+' is a space, malformed escapes are left alone. */
export function phpUrldecode(s: string): string {
	const plus = s.replace(/\+/g, ' ');
	try {
		return decodeURIComponent(plus);
	} catch {
		return plus.replace(/(%[0-9a-fA-F]{2})+/g, (m) => {
			try {
				return decodeURIComponent(m);
			} catch {
				return m;
			}
		});
	}
}

/** PHP `urlencode()`: everything but [A-Za-z0-9_.-] is %XX, space is '+'. */
export function phpUrlencode(s: string): string {
	return encodeURIComponent(s)
		.replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
		.replace(/%20/g, '+');
}

/** RFC 3986 encoding as PHP `rawurlencode()` (keeps '~'). */
export function rawurlencode(s: string): string {
	return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function setPath(target: PhpArray, key: string, value: string): void {
	const br = key.indexOf('[');
	if (br <= 0 || !key.includes(']', br)) {
		const k = key.replace(/[. ]/g, '_').replace(/\[/g, '_');
		target.set(k, value);
		return;
	}
	const base = key.slice(0, br).replace(/[. ]/g, '_');
	const subs: string[] = [];
	const re = /\[([^\]]*)\]/g;
	let m: RegExpExecArray | null;
	re.lastIndex = br;
	while ((m = re.exec(key))) subs.push(m[1]);
	let cur = target;
	let k = base;
	for (const sub of subs) {
		let next = cur.get(k);
		if (!(next instanceof Map)) {
			next = new Map();
			cur.set(k, next);
		}
		cur = next;
		k = sub === '' ? String(nextIndex(cur)) : sub;
	}
	cur.set(k, value);
}

function nextIndex(a: PhpArray): number {
	let max = -1;
	for (const k of a.keys()) if (/^\d+$/.test(k)) max = Math.max(max, Number(k));
	return max + 1;
}

/** PHP `parse_str()` of a raw query string (no leading '?'). */
export function phpParseStr(query: string): PhpArray {
	const out: PhpArray = new Map();
	if (!query) return out;
	for (const part of query.split('&')) {
		if (!part) continue;
		const eq = part.indexOf('=');
		const rawK = eq < 0 ? part : part.slice(0, eq);
		const rawV = eq < 0 ? '' : part.slice(eq + 1);
		const k = phpUrldecode(rawK);
		if (!k) continue;
		setPath(out, k, phpUrldecode(rawV));
	}
	return out;
}

/** WordPress `_http_build_query($data, null, '&', '', $urlencode)`. */
export function phpBuildQuery(data: PhpArray, urlencode: boolean, prefix = ''): string {
	const parts: string[] = [];
	for (const [k0, v] of data) {
		const k = prefix ? `${prefix}%5B${k0}%5D` : urlencode ? phpUrlencode(k0) : k0;
		if (v instanceof Map) {
			const s = phpBuildQuery(v, urlencode, k);
			if (s) parts.push(s);
		} else parts.push(`${k}=${urlencode ? phpUrlencode(v) : v}`);
	}
	return parts.join('&');
}

function urlencodeDeep(a: PhpArray): PhpArray {
	const out: PhpArray = new Map();
	for (const [k, v] of a) out.set(k, v instanceof Map ? urlencodeDeep(v) : phpUrlencode(v));
	return out;
}

/** WordPress `add_query_arg( $args, $url )`. */
export function addQueryArg(args: PhpArray, url: string): string {
	let protocol = '';
	let uri = url;
	const hash = uri.indexOf('#');
	let frag = '';
	if (hash >= 0) {
		frag = uri.slice(hash);
		uri = uri.slice(0, hash);
	}
	const pm = /^(https?:\/\/)/i.exec(uri);
	if (pm) {
		protocol = pm[1];
		uri = uri.slice(protocol.length);
	}
	let base: string;
	let query: string;
	const q = uri.indexOf('?');
	if (q >= 0) {
		base = uri.slice(0, q + 1);
		query = uri.slice(q + 1);
	} else {
		base = `${uri}?`;
		query = '';
	}
	const qs = urlencodeDeep(phpParseStr(query));
	for (const [k, v] of args) qs.set(k, v);
	let ret = phpBuildQuery(qs, false);
	ret = ret.replace(/^\?+|\?+$/g, '').replace(/=(&|$)/g, '$1');
	ret = `${protocol}${base}${ret}${frag}`;
	return ret.replace(/\?+$/, '').replace('?#', '#');
}

/** Flatten a PHP array into the `Record<string, string|string[]>` the request log uses. */
export function toPlain(a: PhpArray): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of a) out[k] = v instanceof Map ? [...v.values()].map((x) => (x instanceof Map ? '' : x)) : v;
	return out;
}

/** Raw (undecoded-structure) query as the log shows it: repeated keys become arrays. */
export function rawQueryRecord(search: string): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	const sp = new URLSearchParams(search);
	for (const [k, v] of sp) {
		const prev = out[k];
		if (prev === undefined) out[k] = v;
		else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	return out;
}
