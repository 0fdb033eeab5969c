import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyHook0Request } from './hook0-signature';
import { BodyTooLargeError, readRawBody } from './raw-body';
import { verifyStandardWebhook } from './standard-webhooks';
import { headerLookup, WebhookVerificationError, type HeaderSource, type TimeWindow } from './webhook-verification';

export type WebhookScheme = 'hook0' | 'standard-webhooks';

export interface WebhookReceiverOptions extends TimeWindow {
  /** The subscription's secret, or the current and the previous one during a rotation (`whsec_` form accepted too). */
  readonly secrets: string | readonly string[];
  /** Which signature to verify: Hook0's `X-Hook0-Signature` (default) or Standard Webhooks' `webhook-signature`. */
  readonly scheme?: WebhookScheme;
  /** The server's SIGNATURE_HEADER_NAME, for the hook0 scheme. */
  readonly signatureHeaderName?: string;
  /** Largest body read (1 MiB by default); a larger one is answered 413. */
  readonly maxBodyBytes?: number;
}

/** A delivery whose signature verified. */
export interface VerifiedWebhook {
  readonly scheme: WebhookScheme;
  /** The event id (`x-event-id` / `webhook-id`), stable across retries: deduplicate on it. */
  readonly eventId: string;
  /** `x-event-type`, when delivered. */
  readonly eventType: string | null;
  /** The signature's timestamp, in Unix seconds. */
  readonly timestamp: number;
  /** The raw body, exactly as signed. */
  readonly body: Buffer;
  readonly contentType: string | null;
  /** The body parsed as JSON. */
  json<T = unknown>(): T;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Verifies a delivery whose raw body has been read. Throws WebhookVerificationError. */
export function verifyWebhook(body: Buffer, headers: HeaderSource, options: WebhookReceiverOptions): VerifiedWebhook {
  const scheme = options.scheme ?? 'hook0';
  const lookup = headerLookup(headers);
  let eventId: string | undefined;
  let timestamp: number;
  if (scheme === 'hook0') {
    timestamp = verifyHook0Request({ ...options, body, headers });
    eventId = lookup('x-event-id');
  } else {
    ({ id: eventId, timestamp } = verifyStandardWebhook({ ...options, body, headers }));
  }
  if (eventId === undefined) throw new WebhookVerificationError('header_not_delivered', 'no event id was delivered');
  return {
    scheme,
    eventId,
    eventType: lookup('x-event-type') ?? null,
    timestamp,
    body,
    contentType: lookup('content-type') ?? null,
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
  };
}

/** A body another middleware left: bytes from `express.raw()`, or nothing (the stream is still unread). */
function bodyAlreadyRead(request: IncomingMessage): Buffer | null {
  const body = (request as { body?: unknown }).body;
  if (Buffer.isBuffer(body)) return body;
  if (body !== undefined && request.readableEnded) {
    throw new Error('the request body was parsed before the webhook middleware: mount it before express.json(), or use express.raw()');
  }
  return null;
}

/** Reads the raw body of a request and verifies it. Throws WebhookVerificationError or BodyTooLargeError. */
export async function verifyWebhookRequest(request: IncomingMessage, options: WebhookReceiverOptions): Promise<VerifiedWebhook> {
  const body = bodyAlreadyRead(request) ?? (await readRawBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  return verifyWebhook(body, request.headers, options);
}

/** Answers a refused delivery: 401 for a bad or stale signature, 413 for a body too large; false for anything else. */
function answerRefusal(error: unknown, response: ServerResponse): boolean {
  const status = error instanceof WebhookVerificationError ? 401 : error instanceof BodyTooLargeError ? 413 : null;
  if (status === null) return false;
  const reason = error instanceof WebhookVerificationError ? error.reason : 'body_too_large';
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: reason }));
  return true;
}

/**
 * A `node:http` request listener: verifies, then calls `handle`. A handler that leaves the response open gets 204 once
 * it resolves; one that throws gets 500 (the sender retries).
 */
export function webhookHandler(
  options: WebhookReceiverOptions,
  handle: (webhook: VerifiedWebhook, request: IncomingMessage, response: ServerResponse) => unknown,
): (request: IncomingMessage, response: ServerResponse) => void {
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    let webhook: VerifiedWebhook;
    try {
      webhook = await verifyWebhookRequest(request, options);
    } catch (error) {
      if (answerRefusal(error, response)) return;
      throw error;
    }
    await handle(webhook, request, response);
    if (!response.headersSent) response.writeHead(204);
    if (!response.writableEnded) response.end();
  };
  return (request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      if (!response.writableEnded) response.end();
    });
  };
}

interface ExpressLikeResponse extends ServerResponse {
  locals: Record<string, unknown>;
}

/**
 * Express middleware: verifies the delivery and puts it in `res.locals.webhook` (read it with `verifiedWebhook(res)`)
 * before the next handler; refuses it with 401 (413) otherwise. Mount it on the route, before any body parser.
 */
export function webhookMiddleware(
  options: WebhookReceiverOptions,
): (request: IncomingMessage, response: ExpressLikeResponse, next: (error?: unknown) => void) => void {
  return (request, response, next) => {
    verifyWebhookRequest(request, options).then(
      (webhook) => {
        response.locals.webhook = webhook;
        next();
      },
      (error: unknown) => {
        if (!answerRefusal(error, response)) next(error);
      },
    );
  };
}

/** The delivery webhookMiddleware verified for this response. */
export function verifiedWebhook(response: { locals: Record<string, unknown> }): VerifiedWebhook {
  const webhook = response.locals.webhook;
  if (!webhook) throw new Error('no verified webhook on this response: is webhookMiddleware mounted on the route?');
  return webhook as VerifiedWebhook;
}
