import { describe, expect, it } from 'vitest';
import { parseTableQuery, tableHref } from '@/app/(app)/applications/table/search-params';

describe('the table’s URL', () => {
  it('reads search, filter, sort and page, with the default direction per sort', () => {
    expect(parseTableQuery({ q: '  grace ', stage: 'applied', archived: 'all', sort: 'company', page: '3' })).toEqual({
      q: 'grace',
      stage: 'applied',
      archived: 'all',
      sort: 'company',
      dir: 'asc',
      page: 3,
    });
    expect(parseTableQuery({})).toEqual({ q: '', stage: null, archived: 'hide', sort: 'updated', dir: 'desc', page: 1 });
  });

  it('falls back to the defaults for anything it does not know, instead of failing', () => {
    expect(
      parseTableQuery({ q: ['a\u0000b', 'second'], stage: 'hired', archived: 'maybe', sort: 'salary', dir: 'sideways', page: '-4' }),
    ).toEqual({ q: 'a b', stage: null, archived: 'hide', sort: 'updated', dir: 'desc', page: 1 });
    expect(parseTableQuery({ q: 'x'.repeat(10_000), page: '1e99' })).toMatchObject({ q: 'x'.repeat(200), page: 1 });
  });

  it('writes links that leave the defaults out and keep everything else', () => {
    const query = parseTableQuery({ q: 'acme & co', stage: 'offer', sort: 'stage' });
    expect(tableHref(query, { page: 2 })).toBe('/applications/table?q=acme+%26+co&stage=offer&sort=stage&page=2');
    expect(tableHref(query, { sort: 'updated', dir: 'desc', q: '', stage: null })).toBe('/applications/table');
  });
});
