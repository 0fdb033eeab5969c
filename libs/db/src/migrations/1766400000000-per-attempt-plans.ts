import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CLAIM_FUNCTION as FLOW_CONTROL_CLAIM_FUNCTION } from './1765100000001-subscription-flow-control';

const CLAIM_SIGNATURE = 'hook0_claim_attempts(uuid[], uuid[], integer[], text, integer, integer, integer)';

/**
 * Plans that stay per attempt as the table grows (docs/benchmarks.md, "Plans that read every pending attempt").
 *
 * The index of pending attempts by age, kept for the lost-message sweep, matched the hot statements too: claims,
 * completions and fan-out read their attempts by id, yet with a small or stale row estimate PostgreSQL scanned that
 * whole index instead, and the claim's lock statement the whole table. Each call then cost as much as there were
 * pending attempts (or attempts at all). The index now also requires `parked_at IS NULL`, as the sweep does, which
 * none of the hot statements state; the claim function looks its attempts' subscriptions up one id at a time and
 * plans no sequential scan (a table estimated small after a burst of inserts was read whole on every call). What the
 * function decides is unchanged, but for one check its updates add for the completion's hand-over.
 */
export class PerAttemptPlans1766400000000 implements MigrationInterface {
  name = 'PerAttemptPlans1766400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX request_attempt_pending_idx;
      CREATE INDEX request_attempt_unparked_pending_idx ON request_attempt (created_at)
        WHERE succeeded_at IS NULL AND failed_at IS NULL AND parked_at IS NULL;
    `);
    await runner.query(CLAIM_FUNCTION);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX request_attempt_unparked_pending_idx;
      CREATE INDEX request_attempt_pending_idx ON request_attempt (created_at) WHERE succeeded_at IS NULL AND failed_at IS NULL;
    `);
    await runner.query(edited(FLOW_CONTROL_CLAIM_FUNCTION, [['CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION']]));
    await runner.query(`ALTER FUNCTION ${CLAIM_SIGNATURE} SET plan_cache_mode = force_generic_plan`);
  }
}

/** The flow-control migration's claim function, with each of these edits made exactly once. */
const CLAIM_FUNCTION = edited(FLOW_CONTROL_CLAIM_FUNCTION, [
  ['CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'],
  // Every row it reads or writes is found by key, whatever the statistics say of the table's size.
  ['LANGUAGE plpgsql VOLATILE AS', 'LANGUAGE plpgsql VOLATILE SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS'],
  [
    'FROM (SELECT ra.subscription_id FROM request_attempt ra WHERE ra.request_attempt_id = ANY(p_ids)',
    `FROM (SELECT (SELECT ra.subscription_id FROM request_attempt ra WHERE ra.request_attempt_id = ids.id)
                     FROM unnest(p_ids) AS ids (id)`,
  ],
  [
    'UNION SELECT unnest(p_pull_subscriptions)) AS subs (sub)) AS keys',
    'UNION SELECT unnest(p_pull_subscriptions)) AS subs (sub) WHERE sub IS NOT NULL) AS keys',
  ],
  // A parked attempt read as a candidate may have been handed over by a completion since (it takes no lock of the
  // subscription): each update re-checks the lease on the row it waited for, and leaves a leased one alone.
  ...(['claimed', 'parked', 'deferred'] as const).map(
    (decision) =>
      [
        `WHERE d.decision = '${decision}' AND ra.request_attempt_id = d.id AND`,
        `WHERE d.decision = '${decision}' AND ra.request_attempt_id = d.id
       AND (ra.lease_expires_at IS NULL OR ra.lease_expires_at < now()) AND`,
      ] as const,
  ),
]);

function edited(text: string, edits: readonly (readonly [string, string])[]): string {
  return edits.reduce((result, [from, to]) => {
    if (result.split(from).length !== 2) throw new Error(`expected exactly one "${from}" in the claim function`);
    return result.replace(from, to);
  }, text);
}
