import { ConfigError, loadApiConfig, type ApiConfig } from '@hook0/config';
import { createLogger, errorFields, startTracing } from '@hook0/observability';
import { startApi } from './api';

function readConfig(): ApiConfig {
  try {
    return loadApiConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  // First, so that everything built afterwards traces into it; without OTEL_EXPORTER_OTLP_ENDPOINT it loads nothing.
  const tracing = startTracing('api', process.env);
  const config = readConfig();
  const logger = createLogger('api', config.logLevel);
  const api = await startApi(config, { logger }).catch((error: unknown) => {
    logger.error('api.start_failed', errorFields(error));
    process.exit(1);
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('api.stopping', { signal });
    const forced = setTimeout(() => {
      logger.error('api.shutdown_timeout');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    forced.unref();
    api.stop().then(
      () => tracing.shutdown().finally(() => process.exit(0)),
      (error: unknown) => {
        logger.error('api.stop_failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

void main();
