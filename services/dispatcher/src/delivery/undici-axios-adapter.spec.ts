import axios, { AxiosError } from 'axios';
import { MockAgent } from 'undici';
import { undiciAdapter } from './undici-axios-adapter';

const ORIGIN = 'https://hooks.acme.test';

function setup() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(ORIGIN);
  const client = axios.create({
    adapter: undiciAdapter,
    responseType: 'stream',
    validateStatus: () => true,
    transformRequest: [(data: unknown) => data],
  });
  return { agent, pool, client };
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString();
}

describe('undiciAdapter', () => {
  it('sends method, path with query, headers and body through the given dispatcher, and returns the body unread', async () => {
    const { agent, pool, client } = setup();
    let seen: { method: string; path: string; headers: unknown; body: unknown } | undefined;
    pool.intercept({ path: '/in?x=1', method: 'PUT' }).reply(
      201,
      (options) => {
        seen = { method: options.method, path: options.path, headers: options.headers, body: options.body };
        return 'done';
      },
      { headers: { 'x-reply': 'yes', 'set-cookie': ['a=1', 'b=2'] } },
    );

    const response = await client.request({
      method: 'put',
      url: `${ORIGIN}/in?x=1`,
      headers: { 'x-custom': 'v' },
      data: Buffer.from('payload'),
      dispatcher: agent,
    });

    expect(response.status).toBe(201);
    expect(response.headers['x-reply']).toBe('yes');
    expect(await text(response.data)).toBe('done');
    expect(seen).toMatchObject({ method: 'PUT', path: '/in?x=1', body: Buffer.from('payload') });
    expect(seen?.headers).toMatchObject({ 'x-custom': 'v' });
    await agent.close();
  });

  it('rejects a status validateStatus refuses, with the response attached', async () => {
    const { agent, pool } = setup();
    pool.intercept({ path: '/in', method: 'POST' }).reply(503, 'busy');
    const strict = axios.create({ adapter: undiciAdapter, responseType: 'stream' });

    const error = await strict.post(`${ORIGIN}/in`, 'x', { dispatcher: agent }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).response?.status).toBe(503);
    await agent.close();
  });

  it("wraps a transport failure in an AxiosError whose cause is undici's error, code kept", async () => {
    const { agent, pool, client } = setup();
    pool
      .intercept({ path: '/in', method: 'POST' })
      .replyWithError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }));

    const error = await client.post(`${ORIGIN}/in`, 'x', { dispatcher: agent }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).code).toBe('UND_ERR_SOCKET');
    expect(((error as AxiosError).cause as { code?: string }).code).toBe('UND_ERR_SOCKET');
    await agent.close();
  });

  it('refuses a request without a dispatcher or asking for a buffered body', async () => {
    const { agent, client } = setup();

    await expect(client.post(`${ORIGIN}/in`, 'x')).rejects.toMatchObject({ code: AxiosError.ERR_BAD_OPTION });
    await expect(client.post(`${ORIGIN}/in`, 'x', { dispatcher: agent, responseType: 'json' })).rejects.toMatchObject({
      code: AxiosError.ERR_BAD_OPTION,
    });
    await agent.close();
  });
});
