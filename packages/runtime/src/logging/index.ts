export { CORRELATION_HEADER, currentCorrelationId, runWithCorrelationId } from './correlation';
export { createLogger, type Logger } from './logger';
