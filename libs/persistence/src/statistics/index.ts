export * from './attribution-sql';
export * from './statistics-drain.repository';
export * from './statistics-recompute.repository';
