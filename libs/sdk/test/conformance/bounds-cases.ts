/** The limits one send works within: the client's defaults and the ceilings it puts on answers (docs/sdk.md "Retries"). */
export interface SdkBounds {
  /** Attempts per send by default, the first included. */
  readonly defaultAttempts: number;
  /** Attempts no configuration can exceed. */
  readonly attemptsCap: number;
  readonly firstBackoffMs: number;
  readonly backoffCeilingMs: number;
  /** Sum of all waits of one send. */
  readonly delayBudgetMs: number;
  readonly requestTimeoutMs: number;
  readonly payloadBytes: number;
  readonly responseBodyBytes: number;
  /** Status line plus all header lines of an answer; Node's own default is this number. */
  readonly responseHeadBytes: number;
  readonly responseHeaderCount: number;
  readonly singleHeaderBytes: number;
}

export const SDK_BOUNDS: SdkBounds = {
  defaultAttempts: 4,
  attemptsCap: 16,
  firstBackoffMs: 100,
  backoffCeilingMs: 2000,
  delayBudgetMs: 5000,
  requestTimeoutMs: 10000,
  payloadBytes: 1048576,
  responseBodyBytes: 8388608,
  responseHeadBytes: 16384,
  responseHeaderCount: 64,
  singleHeaderBytes: 65536,
};
