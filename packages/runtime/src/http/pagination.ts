/**
 * Page-number pagination shared by every list endpoint: `?page=1&pageSize=20` in, the
 * reference specs' `QueryMetadataResponse` block out (query, countItems, totalItems,
 * totalPages) plus the page and its size. The spec bounds the values; these defaults apply
 * when they are absent.
 */
export interface PageRequest {
  page: number;
  pageSize: number;
  offset: number;
}

export interface PageMetadata {
  query: string;
  page: number;
  pageSize: number;
  countItems: number;
  totalItems: number;
  totalPages: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageRequestOf(query: { page?: unknown; pageSize?: unknown }): PageRequest {
  const page = positiveIntegerOr(query.page, 1);
  const pageSize = Math.min(positiveIntegerOr(query.pageSize, DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** `originalUrl` is the request's path and query, as the client sent them. */
export function pageMetadataOf(request: PageRequest, originalUrl: string, countItems: number, totalItems: number): PageMetadata {
  return {
    query: originalUrl,
    page: request.page,
    pageSize: request.pageSize,
    countItems,
    totalItems,
    totalPages: Math.ceil(totalItems / request.pageSize),
  };
}

function positiveIntegerOr(value: unknown, fallback: number): number {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : fallback;
}
