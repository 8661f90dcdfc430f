const formatters = new Map<string, Intl.DateTimeFormat>();

/** The ISO date (YYYY-MM-DD) `instant` falls on in `timeZone`: billing's "today". */
export function calendarDateIn(timeZone: string, instant: Date): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}
