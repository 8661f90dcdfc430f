export { createScratchDatabase, type ScratchDatabase } from './scratch-database';
export { waitFor } from './wait-for';
export { deleteTopicsWithPrefix } from './scratch-topics';
