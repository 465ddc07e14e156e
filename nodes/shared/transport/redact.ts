/** Query parameters whose values are secret or let a reader forge requests. */
const SECRET_QUERY_PARAMETERS = ['consumer_secret', 'oauth_signature', 'consumer_key', 'oauth_consumer_key', 'token', 'access_token'];

const REDACTED = '[redacted]';

/** Removes every given secret (and its URL-encoded form) from a text. */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let result = text;
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			result = result.split(form).join(REDACTED);
		}
	}
	return result.replace(
		new RegExp(`([?&](?:${SECRET_QUERY_PARAMETERS.join('|')})=)[^&#\\s"'>]*`, 'gi'),
		`$1${REDACTED}`,
	);
}

/** A URL safe to show: secret query parameters blanked. */
export function redactUrl(url: string): string {
	return redactSecrets(url, []);
}
