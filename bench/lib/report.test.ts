import { fmt, formatTable, idealSeconds, judge, median, nextLink } from './report';

describe('bench report helpers', () => {
	it('finds rel="next" among several links, whatever the order and quoting', () => {
		const header = '<https://s.test/wp-json/wc/v3/orders?page=1>; rel="prev", <https://s.test/wp-json/wc/v3/orders?page=3&per_page=100>; rel="next"';
		expect(nextLink(header)).toBe('https://s.test/wp-json/wc/v3/orders?page=3&per_page=100');
		expect(nextLink('<https://a.test/x?page=2>; rel=next')).toBe('https://a.test/x?page=2');
		expect(nextLink('<https://a.test/x?page=1>; rel="prev"')).toBeUndefined();
		expect(nextLink('<https://s.test/wp-json/>; rel="https://api.w.org/"')).toBeUndefined();
		expect(nextLink(undefined)).toBeUndefined();
	});

	it('computes the ideal time and the median', () => {
		expect(idealSeconds(600, 50, 4)).toBeCloseTo(7.5);
		expect(idealSeconds(10, 50, 0)).toBeCloseTo(0.5);
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
		expect(median([])).toBeNaN();
	});

	it('judges targets both ways and never passes a missing figure', () => {
		expect(judge({ name: 'a', figure: 'x', value: 3.5, kind: 'min', limit: 3.5 }).pass).toBe(true);
		expect(judge({ name: 'a', figure: 'x', value: 3.4, kind: 'min', limit: 3.5 }).pass).toBe(false);
		expect(judge({ name: 'b', figure: 'x', value: 10, kind: 'max', limit: 10 }).pass).toBe(true);
		expect(judge({ name: 'b', figure: 'x', value: 10.1, kind: 'max', limit: 10 }).pass).toBe(false);
		expect(judge({ name: 'c', figure: 'x', value: Number.NaN, kind: 'max', limit: 10 }).pass).toBe(false);
	});

	it('formats numbers and aligns a table', () => {
		expect(fmt(1234567.891)).toBe('1,234,568');
		expect(fmt(3.14159)).toBe('3.14');
		expect(fmt(123.456)).toBe('123.5');
		expect(fmt(undefined)).toBe('–');
		expect(formatTable(['name', 'value'], [['a', '1.5'], ['long name', '10.25']])).toBe(['name       value', '---------  -----', 'a            1.5', 'long name  10.25'].join('\n'));
	});
});
