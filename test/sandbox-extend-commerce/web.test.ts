import type { BackOffice } from '../../sandbox/extend-commerce';
import { escapeHtml } from '../../sandbox/extend-commerce/web';
import { call, CONNECTION, order, product, pushBatch, startWithConnection } from './helpers';

const page = async (office: BackOffice, query = '') => {
	const response = await fetch(`${office.url}/${query}`);
	return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
};

describe('web page', () => {
	let office: BackOffice;
	beforeEach(async () => {
		office = await startWithConnection();
	});
	afterEach(() => office.close());

	it('lists connections with their sync state and record counts', async () => {
		await pushBatch(office, 'products', [product('1'), product('2')]);
		await pushBatch(office, 'orders', [order('900')]);
		await call(office, 'PUT', '/api/v1/connections/demo-shop/sync-state/orders', { body: { cursor: '2025-03-01T00:00:00Z' } });
		await call(office, 'POST', '/api/v1/connections/demo-shop/sync-state/orders/pending', {
			body: { executionId: 'exec-77', windowStart: '2025-03-01T00:00:00Z', windowEnd: '2025-03-02T00:00:00Z' },
		});
		const { status, type, html } = await page(office);
		expect(status).toBe(200);
		expect(type).toBe('text/html; charset=utf-8');
		expect(html).toContain('demo-shop');
		expect(html).toContain('products: 2');
		expect(html).toContain('orders: 1');
		expect(html).toContain('2025-03-01T00:00:00Z');
		expect(html).toContain('exec-77');
		expect(html).toContain('Product 1');
		expect(html).toContain('27.60 EUR');
		expect(html).not.toMatch(/<script/i);
	});

	it('HTML-escapes everything that came from a client', async () => {
		const evil = '<script>alert("x")</script>';
		await call(office, 'PUT', '/api/v1/connections/evil-shop', { body: { ...CONNECTION, name: evil, warehouse: `"'><img src=x onerror=alert(1)>` } });
		await pushBatch(office, 'products', [product('<b>id</b>', { name: evil, sku: '&amp;' })], { key: 'evil-shop' });
		await pushBatch(office, 'orders', [order('o"1', { number: '<i>1</i>' })], { key: 'evil-shop' });
		await call(office, 'POST', '/api/v1/connections/evil-shop/sync-state/orders/pending', {
			body: { executionId: '<svg onload=alert(1)>', windowStart: '2025-03-01T00:00:00Z', windowEnd: '2025-03-02T00:00:00Z' },
		});
		const { html } = await page(office, '?connection=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
		expect(html).not.toContain('<script>alert');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		const all = (await page(office)).html;
		expect(all).not.toContain('<script>');
		expect(all).not.toContain('<img');
		expect(all).not.toContain('<svg');
		expect(all).not.toContain('<b>id</b>');
		expect(all).not.toContain('<i>1</i>');
		expect(all).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(all).toContain('&amp;amp;');
		expect(all).toContain('&lt;svg onload=alert(1)&gt;');
	});

	it('filters by ?connection=', async () => {
		await call(office, 'PUT', '/api/v1/connections/other-shop', { body: { ...CONNECTION, name: 'Other shop name' } });
		await pushBatch(office, 'products', [product('only-in-other', { name: 'Other product' })], { key: 'other-shop' });
		await pushBatch(office, 'products', [product('only-in-demo', { name: 'Demo product' })]);
		const filtered = (await page(office, '?connection=other-shop')).html;
		expect(filtered).toContain('Other shop name');
		expect(filtered).toContain('Other product');
		expect(filtered).not.toContain('Demo product');
		expect(filtered).not.toContain('Demo shop');
		const all = (await page(office)).html;
		expect(all).toContain('Demo product');
		expect(all).toContain('Other product');
	});

	it('shows only the latest 50 records, newest first', async () => {
		await pushBatch(office, 'products', Array.from({ length: 60 }, (_, i) => product(`n${i}`, { name: `Numbered ${i}.` })));
		const { html } = await page(office);
		expect(html).toContain('Numbered 59.');
		expect(html).toContain('Numbered 10.');
		expect(html).not.toContain('Numbered 9.');
		expect(html.indexOf('Numbered 59.')).toBeLessThan(html.indexOf('Numbered 10.'));
	});

	it('escapeHtml escapes the five HTML-special characters', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
		expect(escapeHtml(null)).toBe('');
	});
});
