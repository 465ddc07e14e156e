import { connectionKey } from '../../../../../nodes/shared/extend-commerce/connectionKey';

describe('connection keys', () => {
	it('is a readable slug plus a hash, stable for the same name', () => {
		expect(connectionKey('WooCommerce Jönköping')).toMatch(/^woocommerce-jonkoping-[0-9a-f]{10}$/);
		expect(connectionKey('WooCommerce Jönköping')).toBe(connectionKey(' WooCommerce Jönköping '));
	});

	it('keeps names apart that slug the same', () => {
		expect(connectionKey('Jönköping')).not.toBe(connectionKey('Jonkoping'));
	});

	it('fits the back office\'s key pattern for any name', () => {
		for (const name of ['店舗', '!!!', 'a'.repeat(300), 'Zoë’s shop']) expect(connectionKey(name)).toMatch(/^[a-z0-9][a-z0-9-]{0,127}$/);
	});

	it('refuses an empty name', () => expect(() => connectionKey('  ')).toThrow('no Name'));
});
