import { activeTraceIds, currentTraceParent, startSpan, withTraceHeaders } from './trace-context';
import { startTracing, tracingRequested } from './tracing';

// Records which SDK packages get loaded: tracing off must load none of them.
const mockLoaded: string[] = [];
jest.mock('@opentelemetry/sdk-trace-node', () => (mockLoaded.push('sdk-trace-node'), jest.requireActual('@opentelemetry/sdk-trace-node')));
jest.mock(
  '@opentelemetry/exporter-trace-otlp-http',
  () => (mockLoaded.push('exporter'), jest.requireActual('@opentelemetry/exporter-trace-otlp-http')),
);
jest.mock('@opentelemetry/resources', () => (mockLoaded.push('resources'), jest.requireActual('@opentelemetry/resources')));

describe('tracing switch', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }, false],
  ])('with %j is %s', (env, expected) => {
    expect(tracingRequested(env)).toBe(expected);
  });

  it('without an endpoint starts nothing, and spans, headers and log ids stay empty', async () => {
    const tracing = startTracing('api', {});
    expect(tracing.enabled).toBe(false);
    expect(mockLoaded).toEqual([]);
    const headers = { 'x-attempt': 1 };
    const span = startSpan('POST /api/v1/event', {
      kind: 'server',
      parent: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
    });
    span.run(() => {
      expect(currentTraceParent()).toBeNull();
      expect(withTraceHeaders(headers)).toBe(headers);
      expect(activeTraceIds()).toBeUndefined();
    });
    span.end();
    await tracing.shutdown();
  });
});
