import amqplib from 'amqplib';
import { startTestBroker } from '@hook0/testing';
import type { Broker } from './broker';
import { ROUTING } from './topology';

describe('Broker.queueDepths', () => {
  let amqp: { url: string; prefix: string };
  let broker: Broker;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ broker, amqp, close } = await startTestBroker('queue-depth-test'));
  });
  afterEach(() => close());

  const publishDeliver = () => broker.publish(broker.topology.workExchange, ROUTING.deliver, Buffer.from('{}'));

  it('reads every queue of the topology, labelled without the prefix and by kind', async () => {
    await publishDeliver();
    expect(await broker.queueDepths()).toEqual([
      { queue: 'dispatch', kind: 'work', messages: 0 },
      { queue: 'deliver', kind: 'work', messages: 1 },
      { queue: 'dead-letters', kind: 'dead', messages: 0 },
      { queue: 'wait.1000ms', kind: 'wait', messages: 0 },
      { queue: 'wait.2000ms', kind: 'wait', messages: 0 },
      { queue: 'wait.4000ms', kind: 'wait', messages: 0 },
    ]);
  });

  it('leaves out a queue that is gone, reads the ones after it, and publishing carries on', async () => {
    const connection = await amqplib.connect(amqp.url);
    await (await connection.createChannel()).deleteQueue(broker.topology.waitTiers[1].queue);
    await connection.close();

    const depths = await broker.queueDepths();
    expect(depths.map((depth) => depth.queue)).toEqual(['dispatch', 'deliver', 'dead-letters', 'wait.1000ms', 'wait.4000ms']);
    await publishDeliver();
    expect((await broker.queueDepths()).find((depth) => depth.queue === 'deliver')?.messages).toBe(1);
  });

  it('fails at once when not connected', async () => {
    await broker.close();
    await expect(broker.queueDepths()).rejects.toThrow('RabbitMQ not connected');
  });
});
