import { normaliseStoreUrl } from '../../../../../nodes/shared/woocommerce/storeUrl';

describe('store URL normalisation', () => {
	it.each([
		['shop.example.com', 'https://shop.example.com'],
		['https://shop.example.com/', 'https://shop.example.com'],
		['https://shop.example.com/wp-json/wc/v3', 'https://shop.example.com'],
		['https://shop.example.com/wp-json/wc/v3/', 'https://shop.example.com'],
		['https://shop.example.com/wp-json/', 'https://shop.example.com'],
		['http://127.0.0.1:8080/store/wp-json/wc/v3/orders?x=1', 'http://127.0.0.1:8080/store'],
		['  https://Shop.Example.com/shop//  ', 'https://shop.example.com/shop'],
		['https://shop.example.com/index.php', 'https://shop.example.com'],
	])('turns %p into %p', (input, expected) => expect(normaliseStoreUrl(input)).toBe(expected));

	it.each(['', '   ', 'ftp://shop.example.com', 'https://'])('refuses %p', (input) => expect(normaliseStoreUrl(input)).toBeNull());
});
