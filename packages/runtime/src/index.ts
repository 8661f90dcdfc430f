export * from './config';
export * from './db';
export * from './http';
export * from './kafka';
export * from './logging';
export * from './metrics';
export * from './service';
export * from './work';
