import { migrateDatabase } from './migrate';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hook0';

migrateDatabase(url).then(
  (applied) => {
    process.stdout.write(`${JSON.stringify({ level: 'info', message: 'migrations.applied', applied })}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${JSON.stringify({ level: 'error', message: 'migrations.failed', error: String(error) })}\n`);
    process.exitCode = 1;
  },
);
