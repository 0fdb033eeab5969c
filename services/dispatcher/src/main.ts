import { ConfigError, loadDispatcherConfig, type DispatcherConfig } from '@hook0/config';
import { createLogger, errorFields, startTracing } from '@hook0/observability';
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
  // First, so that everything built afterwards traces into it; without OTEL_EXPORTER_OTLP_ENDPOINT it loads nothing.
  const tracing = startTracing('dispatcher', process.env);
  const config = readConfig();
  const logger = createLogger('dispatcher', config.logLevel);
  const dispatcher = await startDispatcher(config, { logger }).catch((error: unknown) => {
    logger.error('dispatcher.start_failed', errorFields(error));
    process.exit(1);
  });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('dispatcher.signal_received', { signal });
    dispatcher.stop().then(
      () => tracing.shutdown().finally(() => process.exit(0)),
      (error: unknown) => {
        logger.error('dispatcher.stop_failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

void main();
