export { expectError, type ErrorBody } from './error-response';
export { createScratchDatabase, type ScratchDatabase } from './scratch-database';
export { deleteTopicsWithPrefix } from './scratch-topics';
export { waitFor } from './wait-for';
