import { listRecords } from '../../../../../nodes/shared/extend-commerce/lists';

describe('listRecords', () => {
	it.each([
		[[{ a: 1 }, 2, null], [{ a: 1 }]],
		[{ items: [{ a: 1 }] }, [{ a: 1 }]],
		[{ total: 3, data: [{ b: 2 }] }, [{ b: 2 }]],
		[{ value: [] }, []],
		[{ something: 'else' }, []],
		[null, []],
	])('reads %j', (body, records) => {
		expect(listRecords(body)).toEqual(records);
	});
});
