import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { addressRefusal, ForbiddenAddressError, vettedLookup } from './address-policy';

export interface GuardedConnectorOptions {
  /** Refuse loopback, private, link-local and every other non-public address (docs/security.md). */
  readonly checkTargetIp: boolean;
  readonly connectTimeoutMs: number;
}

/**
 * undici's connector (TCP, then TLS for https) with the SSRF guard on the connection itself: a literal address is
 * vetted before anything is opened, a name goes through a lookup that vets every answer, and the address the socket
 * actually connected to is checked again before the first byte is written, whatever resolved it.
 */
export function guardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const connect = buildConnector({
    timeout: options.connectTimeoutMs,
    ...(options.checkTargetIp ? { lookup: vettedLookup } : {}),
  } as buildConnector.BuildOptions);
  if (!options.checkTargetIp) return connect;
  return (target, callback) => {
    if (isIP(target.hostname) !== 0) {
      const rule = addressRefusal(target.hostname);
      if (rule !== null) {
        queueMicrotask(() => callback(new ForbiddenAddressError(rule), null));
        return;
      }
    }
    connect(target, (error, socket) => {
      if (error !== null) return callback(error, null);
      if (socket === null) return callback(new Error('connector returned no socket'), null);
      const rule = socket.remoteAddress === undefined ? 'nonPublic' : addressRefusal(socket.remoteAddress);
      if (rule !== null) {
        socket.destroy();
        return callback(new ForbiddenAddressError(rule), null);
      }
      callback(null, socket);
    });
  };
}
