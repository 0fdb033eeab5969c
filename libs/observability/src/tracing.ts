/**
 * Opt-in OpenTelemetry tracing (docs/observability.md). With no OTLP endpoint configured nothing is loaded: the
 * `@opentelemetry/api` calls made elsewhere go to its built-in no-op implementation.
 */

export interface Tracing {
  readonly enabled: boolean;
  /** Sends the spans still buffered and stops exporting; call before the process exits. */
  shutdown(): Promise<void>;
}

const DISABLED: Tracing = { enabled: false, shutdown: async () => undefined };

/** The variables that turn tracing on or off; the SDK reads the rest of `OTEL_*` itself. */
export type TracingEnv = Readonly<Record<string, string | undefined>>;

export function tracingRequested(env: TracingEnv): boolean {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return Boolean(endpoint) && env.OTEL_SDK_DISABLED !== 'true' && env.OTEL_TRACES_EXPORTER !== 'none';
}

/**
 * Called first in each service's main.ts. When an OTLP endpoint is set, registers a tracer provider exporting over
 * OTLP/HTTP (JSON), W3C trace-context propagation and an AsyncLocalStorage context manager. `OTEL_SERVICE_NAME`
 * overrides the default service name `hook0-<service>`.
 */
export function startTracing(service: string, env: TracingEnv): Tracing {
  if (!tracingRequested(env)) return DISABLED;
  // Required here, not imported at the top, so that a process without tracing never loads the SDK.
  /* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports */
  const { NodeTracerProvider, BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { defaultResource, detectResources, envDetector, resourceFromAttributes } =
    require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  /* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports */
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': `hook0-${service}` }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] });
  provider.register();
  return { enabled: true, shutdown: () => provider.shutdown() };
}
