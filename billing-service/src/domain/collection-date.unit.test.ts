import { collectionDateOf } from './collection-date';

describe('the collection date of an invoice', () => {
  it('when the due date is a business day far enough ahead, then the debit is collected on the due date', () => {
    expect(collectionDateOf({ issueDate: '2026-12-01', dueDate: '2026-12-31' }, 14)).toBe('2026-12-31');
  });

  it('when the due date is a Saturday, then it moves to the Monday', () => {
    expect(collectionDateOf({ issueDate: '2026-12-03', dueDate: '2027-01-02' }, 14)).toBe('2027-01-04');
  });

  it('when the due date is a TARGET2 holiday, then it moves to the next business day', () => {
    expect(collectionDateOf({ issueDate: '2026-03-04', dueDate: '2026-04-03' }, 14)).toBe('2026-04-07');
  });

  it('when the due date comes before the pre-notification lead time, then the collection waits for the lead time', () => {
    expect(collectionDateOf({ issueDate: '2026-12-01', dueDate: '2026-12-08' }, 14)).toBe('2026-12-15');
  });

  it('when the lead time ends on a holiday, then the collection moves further to a business day', () => {
    expect(collectionDateOf({ issueDate: '2026-12-11', dueDate: '2026-12-12' }, 14)).toBe('2026-12-28');
  });

  it('when the invoice is due on its issue date and no lead time is asked, then it is collected that day if TARGET2 is open', () => {
    expect(collectionDateOf({ issueDate: '2026-12-03', dueDate: '2026-12-03' }, 0)).toBe('2026-12-03');
  });
});
