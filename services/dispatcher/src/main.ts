import { ConfigError, loadDispatcherConfig, type DispatcherConfig } from '@hook0/config';
import { startDispatcher } from './dispatcher';

function readConfig(): DispatcherConfig {
  try {
    return loadDispatcherConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const dispatcher = await startDispatcher(config);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`dispatcher: ${signal} received, stopping\n`);
    dispatcher.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`dispatcher: shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`dispatcher: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
