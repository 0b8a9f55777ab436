export * from './column-types';
export * from './entities';
export * from './data-source';
export * from './queues';
export * from './preflight';
export * from './runtime-config';
export * from './repositories';
export * from './statistics';
