import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Extend's webhook signature (documented): header `ms-signature: sha256=<HEX>`, the HMAC-SHA256
 * of the raw request body with the webhook's secret (UTF-8) as key. Extend's own example is upper
 * case hex; the hex is compared case-insensitively and in constant time.
 */
export function signatureOf(rawBody: Buffer | string, secret: string): string {
	return `sha256=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(rawBody).digest('hex').toUpperCase()}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' };

const SIGNATURE_FORM = /^\s*sha256=([0-9a-fA-F]{64})\s*$/;

/** Checks a header value against the body; never reveals the expected value. */
export function verifySignature(rawBody: Buffer | string, secret: string, header: string | string[] | undefined): SignatureCheck {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value.trim() === '') return { ok: false, reason: 'missing' };
	const match = SIGNATURE_FORM.exec(value);
	if (!match) return { ok: false, reason: 'malformed' };
	const received = Buffer.from(match[1], 'hex');
	const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(rawBody).digest();
	return timingSafeEqual(received, expected) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
