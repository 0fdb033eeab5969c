export * from './application.repository';
export * from './event.repository';
export * from './outbox.repository';
export * from './organization.repository';
