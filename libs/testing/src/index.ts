export * from './test-environment';
export * from './rabbitmq-admin';
export * from './test-database';
export * from './test-broker';
export * from './webhook-receiver';
export * from './wait-for';
export * from './factories';
export * from './service-process';
