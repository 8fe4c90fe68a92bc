export * from './result';
export * from './calls';
export * from './events';
export * from './sender';
export * from './router';
export * from './client';
