/** Which process reads a variable; `compose` is docker-compose.yml itself (a deploy variable never reaches a service). */
export type VariableService = 'api' | 'dispatcher' | 'all' | 'compose';

/**
 * `config`: read by a configuration loader of this library (checked against the loaders by a unit test and by the
 * reader itself); `tracing`: read at start by the tracing setup and the OpenTelemetry SDK; `deploy`: read by
 * docker-compose.yml from `.env`, never by a service.
 */
export type VariableKind = 'config' | 'tracing' | 'deploy';

/** One environment variable, as docs/configuration.md, `.env.example` and `GET /api/v1/environment_variables` show it. */
export interface ConfigVariable {
  readonly name: string;
  readonly kind: VariableKind;
  readonly service: VariableService;
  readonly group: string;
  /** Markdown, one line: docs/configuration.md's "Meaning" column. */
  readonly description: string;
  /** The default as shown to people; null when unset by default. */
  readonly default: string | null;
  /** True when the default depends on something else (another variable, the process id): shown, not a literal value. */
  readonly derivedDefault: boolean;
  /** A secret, or a value holding one (a URL with a password): its value and default are never shown by the API. */
  readonly sensitive: boolean;
  /** The process (or compose) refuses to start without it. */
  readonly required: boolean;
}

export interface VariableOptions {
  readonly sensitive?: boolean;
  readonly required?: boolean;
  readonly derivedDefault?: boolean;
}

export type VariableFactory = (
  name: string,
  service: VariableService,
  fallback: string | null,
  description: string,
  options?: VariableOptions,
) => ConfigVariable;

/** Declares the variables of one group: `const web = variablesOf('Web server', 'config')`, then `web('PORT', 'api', '8081', 'API port')`. */
export function variablesOf(group: string, kind: VariableKind): VariableFactory {
  return (name, service, fallback, description, options = {}) => ({
    name,
    kind,
    service,
    group,
    description,
    default: fallback,
    derivedDefault: options.derivedDefault ?? false,
    sensitive: options.sensitive ?? false,
    required: options.required ?? false,
  });
}
