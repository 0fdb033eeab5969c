export * from './schema-types';
export * from './resource-views';
export * from './account-views';
export * from './delivery-views';
export * from './replay-views';
