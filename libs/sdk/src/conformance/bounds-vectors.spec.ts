import { SDK_BOUNDS } from '../../test/conformance/bounds-cases';
import { DEFAULT_RESPONSE_BOUNDS } from '../bounded-fetch';
import { MAX_PAYLOAD_BYTES } from '../event-payload';
import { DEFAULT_RETRY_POLICY, MAX_ATTEMPTS_CAP, retryPolicy } from '../retry-policy';

/** The bounds table (docs/sdk.md "Conformance") is this client's defaults. */
describe('bounds conformance', () => {
  it('are the default retry policy and its cap', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      maxAttempts: SDK_BOUNDS.defaultAttempts,
      initialBackoffMs: SDK_BOUNDS.firstBackoffMs,
      maxBackoffMs: SDK_BOUNDS.backoffCeilingMs,
      maxTotalDelayMs: SDK_BOUNDS.delayBudgetMs,
    });
    expect(MAX_ATTEMPTS_CAP).toBe(SDK_BOUNDS.attemptsCap);
    expect(retryPolicy({ maxAttempts: 1000 }).maxAttempts).toBe(SDK_BOUNDS.attemptsCap);
  });

  it('are the request timeout and the ceilings on payloads and answers', () => {
    expect(DEFAULT_RESPONSE_BOUNDS).toEqual({
      requestTimeoutMs: SDK_BOUNDS.requestTimeoutMs,
      maxResponseBytes: SDK_BOUNDS.responseBodyBytes,
      maxResponseHeaders: SDK_BOUNDS.responseHeaderCount,
    });
    expect(MAX_PAYLOAD_BYTES).toBe(SDK_BOUNDS.payloadBytes);
  });

  it("leave the head ceiling to Node's fetch, whose default is the bound, and no single header can exceed its bound inside it", () => {
    expect(SDK_BOUNDS.responseHeadBytes).toBe(16384);
    expect(SDK_BOUNDS.singleHeaderBytes).toBeGreaterThan(SDK_BOUNDS.responseHeadBytes);
  });
});
