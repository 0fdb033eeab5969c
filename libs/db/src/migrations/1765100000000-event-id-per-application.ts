import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event_id is unique within its application, no longer across the instance: the key of `event` becomes
 * (event_id, application_id), still named event_pkey (a reused id within the application still answers 409
 * EventAlreadyIngested), and what references an event references the pair. The outbox gains the application_id it
 * needs for that. Existing ids are unique, so every existing row stays valid.
 *
 * event_id leads the key, so the new index keeps the old one's insert order (ids are UUIDv7) and still finds an event
 * by its id alone, which dispatch messages published before this migration need. Attempts keep their unique
 * (event_id, subscription_id, dispatch_round, retry_count): a subscription belongs to one application, so it already
 * tells which application's event is meant, and its index serves the new foreign key.
 *
 * Also: today's replays per application, which count against the events-per-day quota (docs/hook0-compatibility.md "Quotas") without
 * being received events that events_per_day would report.
 *
 * Not in one transaction: the new key's index is built CONCURRENTLY and the attempts' foreign key is validated after
 * the swap, so that ingest and delivery are blocked only for the short swap itself. Run again after a failure, it
 * starts over where it stopped.
 */
export class EventIdPerApplication1765100000000 implements MigrationInterface {
  name = 'EventIdPerApplication1765100000000';
  transaction = false;

  async up(runner: QueryRunner): Promise<void> {
    await withoutStatementTimeout(runner, async () => {
      if (!(await keyIsSwapped(runner))) {
        // A build interrupted half way leaves an INVALID index behind: drop it so the build starts over.
        await runner.query(`DROP INDEX CONCURRENTLY IF EXISTS event_application_key_new`);
        await runner.query(`CREATE UNIQUE INDEX CONCURRENTLY event_application_key_new ON event (event_id, application_id)`);
        await inTransaction(runner, SWAP);
      }
      await runner.query(`ALTER TABLE request_attempt VALIDATE CONSTRAINT request_attempt_event_fkey`);
    });
  }

  /** Refused while two applications share an event_id: the old key cannot hold both. */
  async down(runner: QueryRunner): Promise<void> {
    const [shared]: { event_id: string }[] = await runner.query(`SELECT event_id FROM event GROUP BY event_id HAVING count(*) > 1 LIMIT 1`);
    if (shared) throw new Error(`cannot make event_id unique again: ${shared.event_id} is used by several applications`);
    await withoutStatementTimeout(runner, () => inTransaction(runner, UNDO));
  }
}

/**
 * The swap, one short transaction, its tables locked before anything changes. The attempts' foreign key is added
 * NOT VALID (no scan under the lock) and validated afterwards.
 *
 * The trigger fills the outbox's application_id for rows an API from before this migration still writes during a
 * rolling upgrade (without the column): its event is the one that statement inserted or bumped, so among events
 * sharing the id, the one this transaction wrote. Rows written by this version carry the column and skip it.
 */
const SWAP = `
  LOCK TABLE event, event_outbox, request_attempt IN ACCESS EXCLUSIVE MODE;

  ALTER TABLE event_outbox ADD COLUMN application_id uuid;
  UPDATE event_outbox o SET application_id = e.application_id FROM event e WHERE e.event_id = o.event_id;
  ALTER TABLE event_outbox DROP CONSTRAINT event_outbox_event_id_fkey, ALTER COLUMN application_id SET NOT NULL;
  ALTER TABLE request_attempt DROP CONSTRAINT request_attempt_event_id_fkey;

  ALTER TABLE event DROP CONSTRAINT event_pkey, ADD CONSTRAINT event_pkey PRIMARY KEY USING INDEX event_application_key_new;

  ALTER TABLE event_outbox ADD CONSTRAINT event_outbox_event_fkey FOREIGN KEY (event_id, application_id)
    REFERENCES event (event_id, application_id) ON DELETE CASCADE;
  ALTER TABLE request_attempt ADD CONSTRAINT request_attempt_event_fkey FOREIGN KEY (event_id, application_id)
    REFERENCES event (event_id, application_id) ON DELETE CASCADE NOT VALID;

  CREATE FUNCTION event_outbox_fill_application_id() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    SELECT e.application_id INTO NEW.application_id FROM event e WHERE e.event_id = NEW.event_id
     ORDER BY e.xmin::text = (txid_current() % 4294967296)::text DESC LIMIT 1;
    RETURN NEW;
  END $$;
  CREATE TRIGGER event_outbox_fill_application_id BEFORE INSERT ON event_outbox
    FOR EACH ROW WHEN (NEW.application_id IS NULL) EXECUTE FUNCTION event_outbox_fill_application_id();

  CREATE TABLE replayed_events_per_day (
    application_id uuid NOT NULL REFERENCES application (application_id) ON DELETE CASCADE,
    day date NOT NULL,
    amount bigint NOT NULL CHECK (amount > 0),
    PRIMARY KEY (application_id, day)
  );
`;

const UNDO = `
  LOCK TABLE event, event_outbox, request_attempt IN ACCESS EXCLUSIVE MODE;
  DROP TABLE replayed_events_per_day;
  DROP TRIGGER event_outbox_fill_application_id ON event_outbox;
  DROP FUNCTION event_outbox_fill_application_id();
  ALTER TABLE request_attempt DROP CONSTRAINT request_attempt_event_fkey;
  ALTER TABLE event_outbox DROP CONSTRAINT event_outbox_event_fkey, DROP COLUMN application_id;
  ALTER TABLE event DROP CONSTRAINT event_pkey, ADD CONSTRAINT event_pkey PRIMARY KEY (event_id);
  ALTER TABLE event_outbox ADD CONSTRAINT event_outbox_event_id_fkey FOREIGN KEY (event_id) REFERENCES event (event_id) ON DELETE CASCADE;
  ALTER TABLE request_attempt ADD CONSTRAINT request_attempt_event_id_fkey FOREIGN KEY (event_id) REFERENCES event (event_id) ON DELETE CASCADE;
`;

/** Index builds and key checks scan whole tables: no statement time limit for them on this session. */
async function withoutStatementTimeout(runner: QueryRunner, work: () => Promise<void>): Promise<void> {
  await runner.query(`SET statement_timeout = 0`);
  try {
    await work();
  } finally {
    await runner.query(`RESET statement_timeout`);
  }
}

async function keyIsSwapped(runner: QueryRunner): Promise<boolean> {
  const rows: unknown[] = await runner.query(`SELECT 1 FROM pg_constraint WHERE conname = 'request_attempt_event_fkey'`);
  return rows.length > 0;
}

async function inTransaction(runner: QueryRunner, sql: string): Promise<void> {
  await runner.startTransaction();
  try {
    await runner.query(sql);
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}
