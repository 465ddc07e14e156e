import { createHash } from 'crypto';

/**
 * The key that names a connection in Extend Commerce's API, derived from the connection's Name
 * only (never from n8n's credential label): a readable slug plus a short hash of the exact name,
 * so 'Jönköping' and 'Jonkoping' stay two connections.
 */
export function connectionKey(name: string): string {
	const exact = name.normalize('NFC').trim();
	if (!exact) throw new Error('The connection has no Name');
	const slug = exact
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48)
		.replace(/-+$/g, '');
	const hash = createHash('sha256').update(exact, 'utf8').digest('hex').slice(0, 10);
	return slug ? `${slug}-${hash}` : `c-${hash}`;
}
