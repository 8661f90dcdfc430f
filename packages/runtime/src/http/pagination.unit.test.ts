import { MAX_PAGE_SIZE, pageMetadataOf, pageRequestOf } from './pagination';

describe('pagination', () => {
  it('when no page is asked for, then the first page of the default size is served', () => {
    expect(pageRequestOf({})).toEqual({ page: 1, pageSize: 20, offset: 0 });
  });

  it('when a page is asked for, then its offset follows from page and size, and the size is capped', () => {
    expect(pageRequestOf({ page: '3', pageSize: '10' })).toEqual({ page: 3, pageSize: 10, offset: 20 });
    expect(pageRequestOf({ page: 2, pageSize: 1000 }).pageSize).toBe(MAX_PAGE_SIZE);
  });

  it('when metadata is built, then totals and page count describe the whole result', () => {
    const request = pageRequestOf({ page: '2', pageSize: '10' });
    expect(pageMetadataOf(request, '/v1/contracts?page=2&pageSize=10', 10, 25)).toEqual({
      query: '/v1/contracts?page=2&pageSize=10',
      page: 2,
      pageSize: 10,
      countItems: 10,
      totalItems: 25,
      totalPages: 3,
    });
    expect(pageMetadataOf(pageRequestOf({}), '/v1/x', 0, 0).totalPages).toBe(0);
  });
});
