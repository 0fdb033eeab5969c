import { CONFIG_VARIABLES } from '@hook0/config';
import { tracingRequested, type TracingEnv } from './tracing';

/** The names `tracingRequested` asks its environment for, given `values`. */
function namesRead(values: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy(values, {
    get: (target, name) => {
      if (typeof name === 'string') read.add(name);
      return target[name as string];
    },
  }) as TracingEnv;
  tracingRequested(recording);
  return read;
}

describe('the tracing switch and the variable registry (docs/configuration.md)', () => {
  it('reads only variables the registry declares as tracing ones', () => {
    const declared = CONFIG_VARIABLES.filter((variable) => variable.kind === 'tracing').map((variable) => variable.name);
    const read = new Set([...namesRead({}), ...namesRead({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })]);
    expect(read.size).toBeGreaterThanOrEqual(4);
    expect(declared).toEqual(expect.arrayContaining([...read]));
  });
});
