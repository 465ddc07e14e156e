/**
 * The style every credential-test message keeps: one statement of what is wrong and what to do,
 * each said once. Quoted text (a page title such as "Just a moment...") is the store's, not ours.
 */
export function styleProblems(message: string): string[] {
	const problems: string[] = [];
	const ours = message.replace(/"[^"]*"/g, '"…"');
	if (/\.\s*\./.test(ours)) problems.push('a doubled full stop');
	const sentences = ours
		.split(/(?<=[.!?])\s+/)
		.map((sentence) => sentence.trim().toLowerCase().replace(/[.!?]+$/, ''))
		.filter(Boolean);
	const repeated = sentences.filter((sentence, index) => sentences.indexOf(sentence) !== index);
	if (repeated.length > 0) problems.push(`a repeated sentence: "${repeated[0]}"`);
	if (/credential test/i.test(message)) problems.push('advice to run the credential test, inside the credential test');
	if (!/[.!?]$/.test(message.trim())) problems.push('no closing full stop');
	return problems;
}
