import { startSpan } from '@hook0/observability';
import type { HttpSender, OutgoingRequest, SendResult } from '../delivery/http-sender';

/**
 * A client span around each delivery request, in the trace of the message that asked for it (docs/observability.md).
 * The span names the target's host only: paths and query strings may carry a receiver's secrets. The trace context
 * is not sent to receivers: the headers of a delivery are Hook0's, and trace ids are internal.
 */
export class TracedHttpSender implements HttpSender {
  constructor(private readonly inner: HttpSender) {}

  async send(request: OutgoingRequest): Promise<SendResult> {
    const url = new URL(request.url);
    const span = startSpan(request.method, {
      kind: 'client',
      attributes: { 'http.request.method': request.method, 'server.address': url.hostname, 'url.scheme': url.protocol.replace(/:$/, '') },
    });
    try {
      const result = await span.run(() => this.inner.send(request));
      if (result.status !== null) span.setAttribute('http.response.status_code', result.status);
      if (result.errorName !== null) span.fail(result.errorName);
      return result;
    } catch (error) {
      span.fail(error instanceof Error ? error.name : 'Error');
      throw error;
    } finally {
      span.end();
    }
  }

  close(): void {
    this.inner.close();
  }
}
