/** Ceilings on what the other end may cost this client (docs/sdk.md "Retries"), and the per-request timeout. */
export interface ResponseBounds {
  readonly requestTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly maxResponseHeaders: number;
}

export const DEFAULT_RESPONSE_BOUNDS: ResponseBounds = {
  requestTimeoutMs: 10_000,
  maxResponseBytes: 8 * 1024 * 1024,
  maxResponseHeaders: 64,
};

/** An answer arrived but crossed a ceiling this client set for itself: the same request would draw the same answer. */
export class AnswerAboveBoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswerAboveBoundError';
  }
}

function boundedBody(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new AnswerAboveBoundError(`response body above ${maxBytes} bytes`));
        else controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * `fetch` with a timeout per request and ceilings on the answer. Node's fetch already refuses a head above 16 KiB
 * (the head bound); the count of headers and the size of the body are checked here.
 */
export function boundedFetch(bounds: ResponseBounds, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(bounds.requestTimeoutMs)]);
    const response = await inner(new Request(request, { signal }));
    let headerCount = 0;
    response.headers.forEach(() => headerCount++);
    const declared = Number(response.headers.get('content-length') ?? '0');
    const refusal =
      headerCount > bounds.maxResponseHeaders
        ? `${headerCount} response headers, above ${bounds.maxResponseHeaders}`
        : declared > bounds.maxResponseBytes
          ? `response body of ${declared} bytes, above ${bounds.maxResponseBytes}`
          : null;
    if (refusal !== null) {
      await response.body?.cancel();
      throw new AnswerAboveBoundError(refusal);
    }
    if (!response.body) return response;
    return new Response(boundedBody(response.body, bounds.maxResponseBytes), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
