import type { DeliveryErrorName } from '@hook0/core';

export interface OutgoingRequest {
  /** Requests share keep-alive sockets only with requests of the same key: the application (docs/security.md). */
  readonly poolKey: string;
  readonly method: string;
  readonly url: string;
  /** Lower-case names, in the order they were set. The sender adds content-length (from `body`) itself. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface SendResult {
  /** Null when no response was received. */
  readonly status: number | null;
  /** Lower-case names, string values; null when no response was received. */
  readonly headers: Record<string, string> | null;
  /** The response body (UTF-8 text, else base64), or the error text for a transport failure. */
  readonly body: string | null;
  /** Null exactly when the delivery succeeded (2xx). */
  readonly errorName: DeliveryErrorName | null;
  readonly elapsedMs: number;
}

/** The one seam between delivery logic and the network. */
export interface HttpSender {
  send(request: OutgoingRequest): Promise<SendResult>;
  close(): void;
}
