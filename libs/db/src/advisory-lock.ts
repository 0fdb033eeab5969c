import type { DataSource } from 'typeorm';

/** Namespace of this project's advisory locks (first key of the two-key form): "hk0h". */
const LOCK_NAMESPACE = 0x686b3068;

/**
 * Runs `work` only if no other process holds the lock `key`, on a connection of its own held for the whole run
 * (a session lock: the work may commit many transactions meanwhile). Resolves `{ ran: false }` when it was taken.
 * If the process dies, PostgreSQL drops the connection and the lock with it.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  key: number,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ locked }]: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [LOCK_NAMESPACE, key]);
    if (!locked) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, key]);
    }
  } finally {
    await runner.release();
  }
}
