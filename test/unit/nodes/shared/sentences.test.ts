import { joinSentences, splitSentences } from '../../../../nodes/shared/sentences';

describe('joinSentences', () => {
	it('ends a title without a stop with one, and does not double one that has it', () => {
		expect(joinSentences('The store cannot be reached', 'Check the URL.')).toBe('The store cannot be reached. Check the URL.');
		expect(joinSentences('Check the Access Token in the credential.', 'Create a new key.')).toBe('Check the Access Token in the credential. Create a new key.');
		expect(joinSentences('in the credential.', '')).not.toContain('..');
	});

	it('says a sentence only once, even when the fix repeats the title', () => {
		expect(joinSentences('Check the Access Token.', 'Check the Access Token. Create a new key.')).toBe('Check the Access Token. Create a new key.');
	});

	it('keeps abbreviations, versions and quoted ellipses inside a sentence', () => {
		expect(joinSentences('WooCommerce is older than 5.8', 'Use e.g. "Post name".')).toBe('WooCommerce is older than 5.8. Use e.g. "Post name".');
		expect(joinSentences('The page "Just a moment..." answered', 'Allow n8n through the firewall')).toBe('The page "Just a moment..." answered. Allow n8n through the firewall.');
	});

	it('skips empty and missing parts', () => {
		expect(joinSentences(undefined, '  ', 'Done')).toBe('Done.');
	});
});

describe('splitSentences', () => {
	it('splits at a stop followed by a capital', () => {
		expect(splitSentences('One. Two! Three? "Four" four.')).toEqual(['One.', 'Two!', 'Three?', '"Four" four.']);
	});
});
