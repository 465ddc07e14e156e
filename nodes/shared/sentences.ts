/**
 * Joins what went wrong and what to do into one message a person reads once: each part ends in
 * exactly one full stop, and a sentence already said is not said again. Parts come from different
 * places (a title, a fix, a hint) that may or may not end in a period themselves.
 */
export function joinSentences(...parts: Array<string | undefined>): string {
	const said: string[] = [];
	for (const part of parts) {
		for (const sentence of splitSentences(part ?? '')) {
			if (!said.some((earlier) => sameSentence(earlier, sentence))) said.push(sentence);
		}
	}
	return said.join(' ');
}

/** Sentences of a text, each ending in one stop (a trailing ellipsis or ?/! is kept as written). */
export function splitSentences(text: string): string[] {
	// A stop followed by a space and a capital (or a quote/bracket) ends a sentence; "e.g. x" and "5.8" do not.
	return text
		.split(/(?<=[.!?])\s+(?=["“(A-ZÅÄÖ])/u)
		.map((sentence) => sentence.trim())
		.filter((sentence) => sentence !== '' && sentence !== '.')
		.map(withOneStop);
}

function withOneStop(sentence: string): string {
	if (/(\.\.\.|…|[!?])$/u.test(sentence)) return sentence;
	return `${sentence.replace(/[\s.]+$/u, '')}.`;
}

function sameSentence(a: string, b: string): boolean {
	const key = (text: string) => text.toLowerCase().replace(/[\s.]+$/u, '');
	return key(a) === key(b);
}
