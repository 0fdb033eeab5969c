import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createTestDatabase, freeServicePort, ServiceProcess, testAmqp, WebhookReceiver, type TestDatabase } from '@hook0/testing';
import { createTenant, type Tenant } from '../../services/api/test/api-harness';
import { DeliveryLedger } from './delivery-ledger';
import { ingestLoad, type IngestLoadOptions } from './ingest-load';

export const EVENT_TYPE = 'billing.invoice.paid';
export const LABELS = { tenant_id: 'acme' };

/**
 * A whole installation in real processes: the API and dispatchers as child processes (so they can be
 * SIGKILLed), over a cloned database and the run's vhost with a prefix of their own, and a receiver with one
 * path per subscription.
 */
export class FaultWorld {
  readonly receiver = new WebhookReceiver();
  readonly ledger = new DeliveryLedger(this.receiver);
  readonly masterKey = randomUUID();
  readonly dispatchers: ServiceProcess[] = [];
  api: ServiceProcess | null = null;
  tenant!: Tenant;
  paths: string[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly amqp: { url: string; prefix: string },
    readonly apiPort: number,
  ) {}

  static async create(): Promise<FaultWorld> {
    const world = new FaultWorld(await createTestDatabase(), testAmqp(), await freeServicePort());
    await world.receiver.start();
    return world;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.apiPort}`;
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.database.url,
      AMQP_URL: this.amqp.url,
      AMQP_PREFIX: this.amqp.prefix,
      MASTER_API_KEY: this.masterKey,
      PORT: String(this.apiPort),
      HOST: '127.0.0.1',
      DISABLE_TARGET_IP_CHECK: 'true',
      DISABLE_API_RATE_LIMITING: 'true',
      OUTBOX_POLL_INTERVAL: '500ms',
      TIMEOUT: '2s',
      CONNECT_TIMEOUT: '1s',
      RETRY_SCHEDULE: '200ms,500ms,1s',
      RETRY_JITTER_RATIO: '0',
      SHUTDOWN_TIMEOUT: '5s',
      ...extra,
    };
  }

  async startApi(): Promise<ServiceProcess> {
    this.api = await ServiceProcess.start('api', this.env());
    return this.api;
  }

  async startDispatcher(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    const dispatcher = await ServiceProcess.start('dispatcher', this.env({ CONCURRENT: '16', ...extra }));
    this.dispatchers.push(dispatcher);
    return dispatcher;
  }

  /** A tenant with `count` subscriptions to the receiver, made through the running API. */
  async subscribe(count: number): Promise<void> {
    const client = { http: () => request.agent(`${this.apiUrl}/api/v1`), masterKey: this.masterKey };
    this.tenant = await createTenant(client, [EVENT_TYPE]);
    for (let i = 1; i <= count; i += 1) {
      const path = `/s${i}`;
      await client
        .http()
        .post('/subscriptions')
        .set({ Authorization: `Bearer ${this.tenant.secret}` })
        .send({
          application_id: this.tenant.applicationId,
          is_enabled: true,
          event_types: [EVENT_TYPE],
          labels: LABELS,
          target: { type: 'http', method: 'POST', url: `${this.receiver.url}${path}`, headers: {} },
        })
        .expect(201);
      this.paths.push(path);
    }
  }

  /** `ingestLoad` as this world's tenant, to the running API unless `apiUrl` says otherwise. */
  ingest(
    options: Pick<IngestLoadOptions, 'count' | 'concurrency' | 'onAccepted'> & { apiUrl?: () => string },
  ): ReturnType<typeof ingestLoad> {
    return ingestLoad({
      apiUrl: () => this.apiUrl,
      applicationId: this.tenant.applicationId,
      token: this.tenant.secret,
      eventType: EVENT_TYPE,
      labels: LABELS,
      ...options,
    });
  }

  async close(): Promise<void> {
    await Promise.all([this.api, ...this.dispatchers].flatMap((service) => (service ? [service.kill()] : [])));
    await this.receiver.stop();
    await this.database.drop();
  }
}
