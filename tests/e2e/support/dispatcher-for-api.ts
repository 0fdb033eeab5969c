import { ServiceProcess } from '@hook0/testing';
import type { ApiHarness } from '../../../services/api/test/api-harness';

/**
 * A dispatcher process on the API harness's database, RabbitMQ and queue prefix. Receivers in these tests listen on
 * 127.0.0.1, so the target IP check is off unless `env` turns it back on; `env` sets anything else.
 */
export function startDispatcherFor(harness: ApiHarness, env: Record<string, string> = {}): Promise<ServiceProcess> {
  return ServiceProcess.start('dispatcher', {
    DATABASE_URL: harness.config.databaseUrl,
    AMQP_URL: harness.config.amqpUrl,
    AMQP_PREFIX: harness.config.amqpPrefix,
    DISABLE_TARGET_IP_CHECK: 'true',
    ...env,
  });
}
