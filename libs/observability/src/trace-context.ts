import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';

/**
 * Spans and W3C trace context for the path of an event (docs/observability.md, "Tracing"): HTTP ingest, the outbox
 * row, the AMQP message headers, the consumers and the outgoing request. Without tracing started these calls reach
 * `@opentelemetry/api`'s no-op tracer and propagator: no span is recorded and no header is written.
 */

const tracer = () => trace.getTracer('hook0');

const KINDS = {
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
  internal: SpanKind.INTERNAL,
} as const;
export type TraceSpanKind = keyof typeof KINDS;

/** Headers (HTTP or AMQP) that may carry a `traceparent`. */
export type TraceCarrier = Readonly<Record<string, unknown>>;

export interface TraceSpanOptions {
  readonly kind: TraceSpanKind;
  /** Continue the trace these headers carry (a new trace when they carry none); without it, the active span (if any) is the parent. */
  readonly parent?: TraceCarrier;
  readonly attributes?: Attributes;
}

export class TraceSpan {
  private readonly active: Context;

  constructor(
    private readonly span: Span,
    parent: Context,
  ) {
    this.active = trace.setSpan(parent, span);
  }

  /** Runs `fn` with this span active: spans started, headers injected and lines logged inside it belong to it. */
  run<T>(fn: () => T): T {
    return context.with(this.active, fn);
  }

  setAttribute(name: string, value: string | number | boolean): void {
    this.span.setAttribute(name, value);
  }

  rename(name: string): void {
    this.span.updateName(name);
  }

  /** Marks the span failed; `reason` names the failure (an error's name, never request data). */
  fail(reason: string): void {
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
    this.span.setAttribute('error.type', reason);
  }

  end(): void {
    this.span.end();
  }
}

const header = {
  get: (carrier: TraceCarrier, key: string) => {
    const value = carrier[key];
    if (typeof value === 'string') return value;
    return Buffer.isBuffer(value) ? value.toString('latin1') : undefined;
  },
  keys: (carrier: TraceCarrier) => Object.keys(carrier),
};

export function startSpan(name: string, options: TraceSpanOptions): TraceSpan {
  const parent = options.parent ? propagation.extract(ROOT_CONTEXT, options.parent, header) : context.active();
  return new TraceSpan(tracer().startSpan(name, { kind: KINDS[options.kind], attributes: options.attributes }, parent), parent);
}

/** Runs `fn` in a new span that ends when it settles, failed if it throws. */
export async function inSpan<T>(name: string, options: TraceSpanOptions, fn: () => Promise<T>): Promise<T> {
  const span = startSpan(name, options);
  try {
    return await span.run(fn);
  } catch (error) {
    span.fail(error instanceof Error ? error.name : 'Error');
    throw error;
  } finally {
    span.end();
  }
}

/** Runs `fn` outside any trace: for work a request only triggers (a timer it sets) but that is not part of it. */
export function outsideTrace<T>(fn: () => T): T {
  return context.with(ROOT_CONTEXT, fn);
}

/** `headers` plus the active trace context (`traceparent`, `tracestate`); the same object when there is none. */
export function withTraceHeaders<T extends Record<string, unknown>>(headers: T | undefined): T | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length === 0 ? headers : ({ ...headers, ...carrier } as T);
}

/** The active span's W3C `traceparent`, to store with work that continues later (an outbox row); null without one. */
export function currentTraceParent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** The active span's ids for a log line, or nothing. */
export function activeTraceIds(): { trace_id: string; span_id: string } | undefined {
  const span = trace.getSpan(context.active());
  if (!span) return undefined;
  const ids = span.spanContext();
  return trace.isSpanContextValid(ids) ? { trace_id: ids.traceId, span_id: ids.spanId } : undefined;
}
