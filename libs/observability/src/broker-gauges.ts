import { Gauge, type Registry } from 'prom-client';

export interface BrokerConnectionState {
  isConnected(): boolean;
  /** RabbitMQ holds back this connection's publishes (a memory or disk alarm). */
  isBlocked(): boolean;
}

/** hook0_amqp_connected and hook0_amqp_blocked, read at scrape time; without a state they stay empty. */
export function createBrokerGauges(registry: Registry, state?: BrokerConnectionState): void {
  const flag = (name: string, help: string, read: (broker: BrokerConnectionState) => boolean) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        if (state) this.set(read(state) ? 1 : 0);
      },
    });
  flag('hook0_amqp_connected', '1 while this process is connected to RabbitMQ', (broker) => broker.isConnected());
  flag('hook0_amqp_blocked', '1 while RabbitMQ blocks the publishes of this process (memory or disk alarm)', (broker) =>
    broker.isBlocked(),
  );
}
