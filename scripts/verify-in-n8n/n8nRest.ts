/**
 * n8n's internal REST API (`/rest/…`) as the editor calls it, for the real-n8n scripts
 * (drive.ts, editor.ts; not part of CI). Keeps the session cookie n8n sets on sign-in; n8n ties it
 * to the `browser-id` header, so one client keeps one id.
 */
export interface N8nRest {
	<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
	/** The session cookie (`name=value`), empty before sign-in. */
	cookie(): string;
}

export function n8nRest(baseUrl: string, browserId: string): N8nRest {
	let cookie = '';
	const rest = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
		const response = await fetch(`${baseUrl}/rest${route}`, {
			method,
			headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), 'browser-id': browserId },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${route}: HTTP ${response.status} ${text.slice(0, 300)}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed.data ?? parsed) as T;
	};
	return Object.assign(rest, { cookie: () => cookie });
}
