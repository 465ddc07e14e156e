import { withOrderNumberPrefix, wooOrderNumberOf } from '../../../../../nodes/shared/mapping/externalOrderNumber';

describe('external order number (WooCommerce number with an optional prefix)', () => {
	it.each([
		['1042', '', '1042'],
		[1042, 'WEB-', 'WEB-1042'],
		['SE-77', 'shop1/', 'shop1/SE-77'],
	])('%p with prefix %p is %p and reads back', (number, prefix, external) => {
		expect(withOrderNumberPrefix(number, prefix)).toBe(external);
		expect(wooOrderNumberOf(external, prefix)).toBe(String(number));
	});

	it('does not claim numbers of another prefix, and needs something after the prefix', () => {
		expect(wooOrderNumberOf('OTHER-1042', 'WEB-')).toBeUndefined();
		expect(wooOrderNumberOf('WEB-', 'WEB-')).toBeUndefined();
		expect(wooOrderNumberOf('  WEB-17 ', 'WEB-')).toBe('17');
	});
});
