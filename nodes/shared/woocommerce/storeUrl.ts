/**
 * Normalises what a shop owner pastes as the store URL: adds https:// when the scheme is missing,
 * drops a trailing slash, a pasted REST suffix (/wp-json, /wp-json/wc/v3, ?rest_route=...) and
 * any query or fragment. Returns null when nothing usable is left.
 */
export function normaliseStoreUrl(input: string): string | null {
	let text = (input ?? '').trim();
	if (!text) return null;
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (!url.hostname) return null;
	let path = url.pathname.replace(/\/+$/, '');
	path = path.replace(/\/wp-json(\/wc\/v\d+)?(\/.*)?$/i, '');
	path = path.replace(/\/index\.php$/i, '');
	return `${url.protocol}//${url.host}${path}`;
}
