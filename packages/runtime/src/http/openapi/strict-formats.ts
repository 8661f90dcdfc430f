/**
 * Formats stricter than ajv-formats' own, for values the database must store as given:
 * - uuid: the canonical 8-4-4-4-12 hex form only (ajv also accepts a `urn:uuid:` prefix,
 *   which PostgreSQL's uuid type refuses);
 * - date and date-time: years 1900 to 9999. Years 0–99 would be read as 1900–1999 by
 *   `Date.UTC`, and no contract, operation or invoice of this platform predates 1900.
 * Impossible calendar dates (2024-02-30) are still refused by ajv-formats' full mode, which
 * runs beside these.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 9999;

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6])];
  return hours < 24 && minutes < 60 && seconds < 60 && !Number.isNaN(Date.parse(value));
}

export const strictFormats = {
  uuid: { type: 'string' as const, validate: (value: string) => UUID.test(value) },
  date: { type: 'string' as const, validate: isDate },
  'date-time': { type: 'string' as const, validate: isDateTime },
};
