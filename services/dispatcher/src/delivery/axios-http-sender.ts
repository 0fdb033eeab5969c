import axios, { type AxiosInstance } from 'axios';
import type { Readable } from 'node:stream';
import { isSuccessStatus, type DeliveryErrorName } from '@hook0/core';
import type { HttpSender, OutgoingRequest, SendResult } from './http-sender';
import { encodeBody, normalizeHeaders, readCapped } from './response-capture';
import { classifySendError } from './send-error.classifier';
import { createTargetAgents, type TargetAgents } from './target-agents';
import { targetProblem } from './target-validation';

export interface AxiosHttpSenderOptions {
  readonly timeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly responseBodyMaxBytes: number;
  readonly checkTargetIp: boolean;
}

/** Sends one webhook: no redirects, no proxy, a total timeout covering the body read, a capped response body. */
export class AxiosHttpSender implements HttpSender {
  private readonly agents: TargetAgents;
  private readonly client: AxiosInstance;

  constructor(private readonly options: AxiosHttpSenderOptions) {
    this.agents = createTargetAgents({ checkTargetIp: options.checkTargetIp, connectTimeoutMs: options.connectTimeoutMs });
    this.client = axios.create({
      httpAgent: this.agents.httpAgent,
      httpsAgent: this.agents.httpsAgent,
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
        headers: { ...request.headers },
        data: request.body,
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
      const message = timedOut ? `request timed out after ${this.options.timeoutMs} ms` : describe(error);
      return failure(errorName, message, elapsed());
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.agents.destroy();
  }
}

function failure(errorName: DeliveryErrorName, message: string, elapsedMs: number): SendResult {
  return { status: null, headers: null, body: message, errorName, elapsedMs };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
