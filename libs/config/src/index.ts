export * from './env-reader';
export * from './common-config';
export * from './api-config';
export * from './identity-config';
export * from './dispatcher-config';
export * from './quota-config';
export * from './rate-limit-config';
export * from './housekeeping-config';
