export * from './limits';
export * from './primitives';
export * from './article';
export * from './page-info';
export * from './note';
export * from './records';
export * from './backup';
export * from './errors';
