import amqplib from 'amqplib';
import { startTestBroker } from '@hook0/testing';
import type { Broker } from './broker';
import { MessagePublisher } from './message-publisher';
import { decodeMessage } from './messages';

const APPLICATION = '0b5e0a8e-2f6c-4d8e-9a61-3c1f7e2a9b10';
const EVENT = '6f1d2c3b-4a5e-4f60-8b7a-9c0d1e2f3a4b';
const ATTEMPT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('MessagePublisher', () => {
  let amqp: { url: string; prefix: string };
  let broker: Broker;
  let close: () => Promise<void>;
  let publisher: MessagePublisher;

  beforeEach(async () => {
    ({ broker, amqp, close } = await startTestBroker('message-publisher-test'));
    publisher = new MessagePublisher(broker);
  });
  afterEach(() => close());

  /** The one message waiting in `queue`: its id, and its envelope as a consumer decodes it. */
  async function take(queue: string): Promise<{ messageId: unknown; message: unknown }> {
    const connection = await amqplib.connect(amqp.url);
    try {
      const channel = await connection.createChannel();
      const got = await channel.get(queue, { noAck: true });
      if (!got) throw new Error(`nothing in ${queue}`);
      return { messageId: got.properties.messageId, message: decodeMessage(got.content) };
    } finally {
      await connection.close();
    }
  }

  it('names a dispatch by event and round, and routes it to the dispatch queue', async () => {
    await publisher.dispatch({ applicationId: APPLICATION, eventId: EVENT }, 2);
    expect(await take(broker.topology.dispatchQueue)).toEqual({
      messageId: `${EVENT}:2`,
      message: { v: 1, type: 'event.dispatch', applicationId: APPLICATION, eventId: EVENT, dispatchRound: 2 },
    });
  });

  it('names a delivery, a wait and a dead letter by their attempt', async () => {
    await publisher.deliver(ATTEMPT, 1_700_000_000_000);
    expect(await take(broker.topology.deliverQueue)).toEqual({
      messageId: ATTEMPT,
      message: { v: 1, type: 'attempt.deliver', attemptId: ATTEMPT, dueAt: 1_700_000_000_000 },
    });

    await publisher.wait({ v: 1, type: 'attempt.deliver', attemptId: ATTEMPT, dueAt: 1 }, 2_000);
    expect(await take(broker.topology.waitTiers[1].queue)).toMatchObject({ messageId: ATTEMPT });
    await expect(publisher.wait({ v: 1, type: 'attempt.deliver', attemptId: ATTEMPT, dueAt: 1 }, 3_000)).rejects.toThrow(
      'no wait tier of 3000 ms',
    );

    await publisher.dead({
      v: 1,
      type: 'attempt.dead',
      attemptId: ATTEMPT,
      eventId: EVENT,
      subscriptionId: APPLICATION,
      reason: 'retries_exhausted',
    });
    expect(await take(broker.topology.deadLetterQueue)).toMatchObject({
      messageId: ATTEMPT,
      message: { type: 'attempt.dead', attemptId: ATTEMPT },
    });
  });
});
