/**
 * WordPress stores taxonomy term names (product categories, global attribute terms) HTML-escaped,
 * so WooCommerce returns "Home &amp; Kitchen" for a category named "Home & Kitchen", while product
 * names and custom attribute values come back as typed ("Tea Towel & Oven Mitt"). This decodes the
 * entities WordPress's escaping produces (&amp; &lt; &gt; &quot; &#039; and numeric references) so
 * term-derived text reads the same as the rest. Named entities beyond those are left as they are.
 */
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeTermName(value: string): string {
	return value.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
		if (body.startsWith('#')) {
			const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : entity;
		}
		return NAMED[body.toLowerCase()] ?? entity;
	});
}
