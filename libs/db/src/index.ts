/**
 * Storage for both services. Read README.md in this package before adding a query: repositories take plain inputs and
 * return outcomes (never a SQLSTATE or a constraint name), and it says when to use typeorm's entity API or query
 * builder, raw SQL, or a named prepared statement.
 */
export * from './entities';
export * from './migrations';
export * from './data-source';
export * from './ensure-database';
export * from './migrate';
export * from './connect';
export * from './postgres-errors';
export * from './advisory-lock';
export * from './event-key';
export * from './repositories';
export * from './repositories/dispatch.repository';
export * from './repositories/delivery.repository';
export * from './repositories/attempt-completion.repository';
