import { styleProblems } from './message-style';

describe('the credential-test message style check', () => {
	it('finds the faults issue 13 saw', () => {
		expect(styleProblems('The access token was not accepted in the Extend Commerce credential.. Check the Access Token. Check the Access Token.')).toEqual([
			'a doubled full stop',
			'a repeated sentence: "check the access token"',
		]);
		expect(styleProblems('Keys refused. Run the credential test to find out which.')).toEqual(['advice to run the credential test, inside the credential test']);
	});

	it('passes a clean message and a quoted page title with an ellipsis', () => {
		expect(styleProblems('The store cannot be reached. Check the URL.')).toEqual([]);
		expect(styleProblems('This address answered with "Just a moment...". Allow n8n through the firewall.')).toEqual([]);
	});
});
