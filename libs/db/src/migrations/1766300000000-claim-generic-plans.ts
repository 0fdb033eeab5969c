import type { MigrationInterface, QueryRunner } from 'typeorm';

const CLAIM_SIGNATURE = 'hook0_claim_attempts(uuid[], uuid[], integer[], text, integer, integer, integer)';

/**
 * The claim function's statements on generic plans (docs/benchmarks.md, "The turnover measured"): PostgreSQL's custom
 * plans for them grew with the number of parked attempts (3.2 ms of CPU per call with 7,000 parked), generic plans
 * stay flat (0.8–1.0 ms). Plans only: what the function decides is unchanged.
 */
export class ClaimGenericPlans1766300000000 implements MigrationInterface {
  name = 'ClaimGenericPlans1766300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER FUNCTION ${CLAIM_SIGNATURE} SET plan_cache_mode = force_generic_plan`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER FUNCTION ${CLAIM_SIGNATURE} RESET plan_cache_mode`);
  }
}
