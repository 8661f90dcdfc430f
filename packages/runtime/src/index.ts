export * from './config';
export * from './http';
export * from './logging';
