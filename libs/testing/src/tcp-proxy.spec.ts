import { connect, createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { TcpProxy } from './tcp-proxy';

/** Sends `text` through a new connection to `port` and resolves to what comes back before the connection ends. */
function exchange(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

describe('TcpProxy', () => {
  let echo: Server;
  let proxy: TcpProxy;

  beforeEach(async () => {
    echo = createServer((socket) => socket.pipe(socket));
    echo.listen(0, '127.0.0.1');
    await once(echo, 'listening');
    proxy = await TcpProxy.start('127.0.0.1', (echo.address() as { port: number }).port);
  });

  afterEach(async () => {
    await proxy.close();
    await new Promise((resolve) => echo.close(resolve));
  });

  it('forwards both ways', async () => {
    expect(await exchange(proxy.port, 'ping')).toBe('ping');
  });

  it('drops open connections and refuses new ones while cut, and forwards again once restored', async () => {
    const open: Socket = connect(proxy.port, '127.0.0.1');
    open.on('error', () => undefined);
    open.write('hello');
    await once(open, 'data');
    const closed = once(open, 'close');
    proxy.cut();
    await closed;
    expect(await exchange(proxy.port, 'lost')).toBe('');
    proxy.restore();
    expect(await exchange(proxy.port, 'back')).toBe('back');
    expect(proxy.connectionsAccepted).toBe(3);
  });
});
