// The calendar is the domain's (billing periods are built on it); app and infrastructure code
// that predates the move imports it from here.
export { calendarDateIn } from '../domain/calendar';
