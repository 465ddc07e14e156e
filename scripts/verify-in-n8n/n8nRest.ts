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

/**
 * Creates the instance owner, waiting for n8n to take the request: n8n answers /rest/settings
 * before it has mounted the rest of its REST API (2.41 mounts it in parts). Done once it is
 * created, or once n8n answers 400 (an owner exists already).
 */
export async function setUpOwner(rest: N8nRest, owner: { email: string; firstName: string; lastName: string; password: string }): Promise<void> {
	for (let attempt = 0; attempt < 180; attempt++) {
		const answer = await rest('POST', '/owner/setup', owner).then(() => 'created', (error: Error) => error.message);
		if (answer === 'created' || /HTTP 400/.test(answer)) return;
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	throw new Error('n8n did not take the owner setup within 3 minutes');
}
