import { signatureOf, verifySignature } from '../../../../../nodes/shared/extend-commerce/webhookSignature';

// Extend's worked example from its Webhooks page.
const EXAMPLE_SECRET = 'secret123';
const EXAMPLE_BODY = "{'test':'test2'}";
const EXAMPLE_SIGNATURE = 'sha256=25FB6994568A75CD233E04BA1C653AF1BF476041CC543AF04F82CAAC482C201A';

describe('Extend webhook signature', () => {
	it("reproduces Extend's documented example vector", () => {
		expect(signatureOf(EXAMPLE_BODY, EXAMPLE_SECRET)).toBe(EXAMPLE_SIGNATURE);
		expect(signatureOf(Buffer.from(EXAMPLE_BODY, 'utf8'), EXAMPLE_SECRET)).toBe(EXAMPLE_SIGNATURE);
	});

	it.each([
		['upper case hex', EXAMPLE_SIGNATURE],
		['lower case hex', EXAMPLE_SIGNATURE.toLowerCase()],
		['surrounding spaces', ` ${EXAMPLE_SIGNATURE} `],
		['a repeated header (first value)', [EXAMPLE_SIGNATURE, 'sha256=00']],
	])('accepts the example with %s', (_case, header) => {
		expect(verifySignature(EXAMPLE_BODY, EXAMPLE_SECRET, header)).toEqual({ ok: true });
	});

	it.each([
		['no header', undefined, 'missing'],
		['an empty header', '', 'missing'],
		['no sha256= prefix', EXAMPLE_SIGNATURE.slice('sha256='.length), 'malformed'],
		['a short hash', 'sha256=25FB', 'malformed'],
		['not hex', `sha256=${'Z'.repeat(64)}`, 'malformed'],
		['another body’s hash', signatureOf("{'test':'test3'}", EXAMPLE_SECRET), 'mismatch'],
		['another secret’s hash', signatureOf(EXAMPLE_BODY, 'secret124'), 'mismatch'],
	])('refuses %s', (_case, header, reason) => {
		expect(verifySignature(EXAMPLE_BODY, EXAMPLE_SECRET, header)).toEqual({ ok: false, reason });
	});

	it('signs the raw bytes: a re-serialised body with other spacing does not match', () => {
		const raw = '{"Id":"1", "Attempt":1}';
		const header = signatureOf(raw, EXAMPLE_SECRET);
		expect(verifySignature(JSON.stringify(JSON.parse(raw)), EXAMPLE_SECRET, header).ok).toBe(false);
		expect(verifySignature(raw, EXAMPLE_SECRET, header).ok).toBe(true);
	});

	it('keys with the secret as UTF-8', () => {
		const body = '{"x":1}';
		expect(verifySignature(body, 'hemlighet-åäö', signatureOf(body, 'hemlighet-åäö')).ok).toBe(true);
		expect(verifySignature(body, 'hemlighet-aao', signatureOf(body, 'hemlighet-åäö')).ok).toBe(false);
	});
});
