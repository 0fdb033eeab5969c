export * from './entities';
export * from './migrations';
export * from './data-source';
export * from './ensure-database';
export * from './migrate';
export * from './connect';
export * from './postgres-errors';
export * from './repositories';
