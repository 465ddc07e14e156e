import {
	absDecimal,
	addDecimal,
	compareDecimal,
	decimalFromNumber,
	divideDecimal,
	isDecimalString,
	multiplyDecimal,
	negateDecimal,
	normalizeDecimal,
	roundDecimal,
	scaleOf,
	subtractDecimal,
	sumDecimals,
	type RoundingMode,
} from '../../../../../nodes/shared/mapping/decimal';

describe('normalizeDecimal keeps the scale and spells the number canonically', () => {
	test.each([
		['18.00', '18.00'],
		['0', '0'],
		['-5.00', '-5.00'],
		['+7.50', '7.50'],
		['007.50', '7.50'],
		['.5', '0.5'],
		['-.5', '-0.5'],
		['3.', '3'],
		['-0.00', '0.00'],
		['-0', '0'],
		[' 12.30 ', '12.30'],
		['123456789012345678901234567890.12', '123456789012345678901234567890.12'],
	])('%j → %j', (input, expected) => {
		expect(normalizeDecimal(input)).toBe(expected);
	});

	test.each(['', ' ', '.', '-', '1e5', '1,5', 'NaN', 'Infinity', '0x10', '1.2.3', '--1', 'abc', '1 000'])(
		'%j is refused',
		(input) => {
			expect(isDecimalString(input)).toBe(false);
			expect(() => normalizeDecimal(input)).toThrow(/Not a decimal number/);
		},
	);

	test('non-strings are not decimal strings', () => {
		expect(isDecimalString(18)).toBe(false);
		expect(isDecimalString(null)).toBe(false);
		expect(isDecimalString(undefined)).toBe(false);
	});

	test('scaleOf counts fractional digits', () => {
		expect(scaleOf('18.00')).toBe(2);
		expect(scaleOf('3')).toBe(0);
		expect(scaleOf('0.125')).toBe(3);
	});
});

describe('addition and subtraction are exact where floats are not', () => {
	test.each([
		// a, b, a + b, a - b
		['0.1', '0.2', '0.3', '-0.1'],
		['18.00', '5', '23.00', '13.00'],
		['-5.00', '5.00', '0.00', '-10.00'],
		['1.005', '0.005', '1.010', '1.000'],
		['9007199254740993.01', '0.01', '9007199254740993.02', '9007199254740993.00'],
		['99999999999999999999.99', '0.01', '100000000000000000000.00', '99999999999999999999.98'],
		['0.3', '0.1', '0.4', '0.2'],
	])('%s and %s', (a, b, sum, difference) => {
		expect(addDecimal(a, b)).toBe(sum);
		expect(subtractDecimal(a, b)).toBe(difference);
	});

	test('the float answers really are wrong, so these cases test something', () => {
		expect(0.1 + 0.2).not.toBe(0.3);
		expect(String(Number('9007199254740993.01') + 0.01)).not.toBe('9007199254740993.02');
	});

	test('sumDecimals uses the zero for the scale of an empty sum', () => {
		expect(sumDecimals([], '0.00')).toBe('0.00');
		expect(sumDecimals(['0.1', '0.2', '0.3'])).toBe('0.6');
		expect(sumDecimals(['10.00', '-2.50', '0.01'], '0.00')).toBe('7.51');
	});
});

describe('negate, abs and compare', () => {
	test.each([
		['-5.00', '5.00', '5.00'],
		['5.00', '-5.00', '5.00'],
		['0.00', '0.00', '0.00'],
		['-0.1', '0.1', '0.1'],
	])('%s: negated %s, abs %s', (a, negated, abs) => {
		expect(negateDecimal(a)).toBe(negated);
		expect(absDecimal(a)).toBe(abs);
	});

	test.each([
		['1.50', '1.5', 0],
		['1.49', '1.5', -1],
		['-1', '-2', 1],
		['100000000000000000000.01', '100000000000000000000.00', 1],
	])('compare(%s, %s) = %d', (a, b, expected) => {
		expect(compareDecimal(a, b)).toBe(expected);
	});
});

describe('multiplication is exact with the sum of the scales', () => {
	test.each([
		['1.5', '1.25', '1.875'],
		['18.00', '3', '54.00'],
		['0.1', '0.1', '0.01'],
		['-2.5', '4', '-10.0'],
		['123456789.99', '1000000', '123456789990000.00'],
		['1.1', '1.1', '1.21'],
	])('%s × %s = %s', (a, b, expected) => {
		expect(multiplyDecimal(a, b)).toBe(expected);
	});
});

describe('division rounds to the requested scale with the stated mode', () => {
	test.each<[string, string, number, RoundingMode, string]>([
		['54.00', '3', 2, 'half-up', '18.00'],
		['10.00', '3', 2, 'half-up', '3.33'],
		['20.00', '3', 2, 'half-up', '6.67'],
		['-20.00', '3', 2, 'half-up', '-6.67'],
		['0.05', '2', 2, 'half-up', '0.03'],
		['-0.05', '2', 2, 'half-up', '-0.03'],
		['0.05', '2', 2, 'half-even', '0.02'],
		['0.15', '2', 2, 'half-even', '0.08'],
		['0.05', '2', 2, 'truncate', '0.02'],
		['-0.05', '2', 2, 'truncate', '-0.02'],
		['35.97', '3', 2, 'half-up', '11.99'],
		['1', '8', 3, 'half-up', '0.125'],
		['1', '8', 2, 'half-up', '0.13'],
		['1', '8', 2, 'half-even', '0.12'],
		['7', '-2', 1, 'half-up', '-3.5'],
		['-7', '-2', 0, 'half-up', '4'],
		['99999999999999999999.99', '3', 2, 'half-up', '33333333333333333333.33'],
		['1', '3', 20, 'half-up', '0.33333333333333333333'],
		['2.5', '0.5', 0, 'half-up', '5'],
	])('%s ÷ %s to %d places (%s) = %s', (a, b, scale, mode, expected) => {
		expect(divideDecimal(a, b, scale, mode)).toBe(expected);
	});

	test('the default rounding is half away from zero', () => {
		expect(divideDecimal('0.125', '1', 2)).toBe('0.13');
		expect(divideDecimal('-0.125', '1', 2)).toBe('-0.13');
	});

	test('division by zero throws', () => {
		expect(() => divideDecimal('1', '0.00', 2)).toThrow(/Division by zero/);
	});

	test('a negative or fractional scale is refused', () => {
		expect(() => divideDecimal('1', '3', -1)).toThrow(/scale/);
		expect(() => divideDecimal('1', '3', 1.5)).toThrow(/scale/);
	});
});

describe('roundDecimal repairs float noise such as 17.99999', () => {
	test.each<[string, number, RoundingMode, string]>([
		['17.99999', 2, 'half-up', '18.00'],
		['17.99499', 2, 'half-up', '17.99'],
		['17.995', 2, 'half-up', '18.00'],
		['17.985', 2, 'half-even', '17.98'],
		['-17.99999', 2, 'half-up', '-18.00'],
		['18', 2, 'half-up', '18.00'],
		['2.345', 2, 'half-up', '2.35'],
		['2.345', 2, 'half-even', '2.34'],
		['2.355', 2, 'half-even', '2.36'],
		['2.349', 2, 'truncate', '2.34'],
	])('%s to %d places (%s) = %s', (a, scale, mode, expected) => {
		expect(roundDecimal(a, scale, mode)).toBe(expected);
	});

	test('float rounding gets 1.005 wrong; decimal rounding does not', () => {
		expect((1.005).toFixed(2)).toBe('1.00');
		expect(roundDecimal('1.005', 2)).toBe('1.01');
	});
});

describe('decimalFromNumber writes JSON numbers out without exponent notation', () => {
	test.each([
		[3, '3'],
		[0, '0'],
		[-1, '-1'],
		[9.5, '9.5'],
		[1e21, '1000000000000000000000'],
		[1.5e-7, '0.00000015'],
		[-2.5e-7, '-0.00000025'],
		[1.23e25, '12300000000000000000000000'],
	])('%p → %j', (input, expected) => {
		expect(decimalFromNumber(input)).toBe(expected);
	});

	test.each([NaN, Infinity, -Infinity])('%p is refused', (input) => {
		expect(() => decimalFromNumber(input)).toThrow(/Not a decimal number/);
	});
});
