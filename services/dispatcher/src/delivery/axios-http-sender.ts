import axios, { type AxiosInstance } from 'axios';
import type { Readable } from 'node:stream';
import { isSuccessStatus, type DeliveryErrorName } from '@hook0/core';
import type { HttpSender, OutgoingRequest, SendResult } from './http-sender';
import { encodeBody, normalizeHeaders, readCapped } from './response-capture';
import { classifySendError, invalidTargetText } from './send-error.classifier';
import { ApplicationAgents } from './application-agents';
import { targetProblem } from './target-validation';
import { undiciAdapter } from './undici-axios-adapter';

export interface AxiosHttpSenderOptions {
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly responseBodyMaxBytes: number;
  readonly checkTargetIp: boolean;
  /** Connection pools (one undici Agent per application) kept at once, and how long an unused one is kept. */
  readonly maxPools: number;
  readonly poolIdleMs: number;
}

/**
 * Sends one webhook through axios over undici (one Agent per application, the SSRF guard in its connector):
 * no redirects, no proxy, a total timeout covering the body read, a capped response body,
 * framing decided here alone (content-length from the body's bytes), sockets shared within one pool key only.
 */
export class AxiosHttpSender implements HttpSender {
  private readonly agents: ApplicationAgents;
  private readonly client: AxiosInstance;

  constructor(private readonly options: AxiosHttpSenderOptions) {
    this.agents = new ApplicationAgents({
      checkTargetIp: options.checkTargetIp,
      connectTimeoutMs: options.connectTimeoutMs,
      timeoutMs: options.timeoutMs,
      maxPools: options.maxPools,
      idleMs: options.poolIdleMs,
    });
    this.client = axios.create({
      adapter: undiciAdapter,
      proxy: false,
      maxRedirects: 0,
      validateStatus: () => true,
      responseType: 'stream',
      transformRequest: [(data: unknown) => data],
      headers: { Accept: '*/*' },
    });
  }

  async send(request: OutgoingRequest): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const problem = targetProblem(request);
    if (problem !== null) return failure('E_INVALID_TARGET', problem, elapsed());
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    try {
      const response = await this.client.request<Readable>({
        method: request.method,
        url: request.url,
        headers: framedHeaders(request),
        data: request.body,
        dispatcher: this.agents.agentFor(request.poolKey),
        signal: controller.signal,
      });
      const captured = await readCapped(response.data, this.options.responseBodyMaxBytes, controller.signal);
      return {
        status: response.status,
        headers: normalizeHeaders({ ...response.headers }),
        body: encodeBody(captured),
        errorName: isSuccessStatus(response.status) ? null : 'E_HTTP',
        elapsedMs: elapsed(),
      };
    } catch (error) {
      const errorName = classifySendError(error, timedOut);
      const message = timedOut
        ? `request timed out after ${this.options.timeoutMs} ms`
        : errorName === 'E_INVALID_TARGET'
          ? invalidTargetText(error)
          : describe(error);
      return failure(errorName, message, elapsed());
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.agents.destroy();
  }
}

/** The request's headers with the framing decided here: content-length from the body's bytes, never transfer-encoding. */
function framedHeaders(request: OutgoingRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in request.headers) {
    if (name !== 'content-length' && name !== 'transfer-encoding') headers[name] = request.headers[name];
  }
  headers['content-length'] = String(request.body.length);
  return headers;
}

function failure(errorName: DeliveryErrorName, message: string, elapsedMs: number): SendResult {
  return { status: null, headers: null, body: message, errorName, elapsedMs };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
