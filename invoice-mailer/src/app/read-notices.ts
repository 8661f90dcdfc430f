import type { CustomerScope } from '@boissipay/runtime';
import type { Notice } from '../domain/notice';
import { searchNotices, type NoticeFilters } from '../infra/notice-repository';
import type { MailerDependencies } from './dependencies';

/** The notices as recorded, within the caller's customer scope. */
export function listNotices(
  dependencies: Pick<MailerDependencies, 'db'>,
  filters: NoticeFilters,
  page: { offset: number; limit: number },
  scope: CustomerScope,
): Promise<{ notices: Notice[]; totalItems: number }> {
  return searchNotices(dependencies.db, filters, page, scope);
}
