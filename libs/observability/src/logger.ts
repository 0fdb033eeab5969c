import winston from 'winston';
import { currentLogContext } from './log-context';
import { activeTraceIds } from './trace-context';

export type Logger = winston.Logger;

/** Keys whose values are never written, whatever a caller passes. */
const REDACTED_KEYS = /^(authorization|secret|token|password|signature|payload|body|headers|x-hook0-signature|webhook-signature|cookie)$/i;

const redact = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (REDACTED_KEYS.test(key)) info[key] = '[redacted]';
  }
  return info;
});

const context = winston.format((info) => Object.assign(info, currentLogContext(), { ...info }));

/** trace_id and span_id of the active span, when tracing is on and a span is active (docs/observability.md). */
const traceIds = winston.format((info) => {
  const ids = activeTraceIds();
  return ids ? Object.assign(info, ids, { ...info }) : info;
});

export function createLogger(service: string, level: string, silent = false): Logger {
  return winston.createLogger({
    level,
    silent,
    defaultMeta: { service },
    format: winston.format.combine(
      context(),
      traceIds(),
      redact(),
      winston.format.timestamp(),
      winston.format.errors({ stack: false }),
      winston.format.json(),
    ),
    transports: [new winston.transports.Console()],
  });
}

/** An error as a loggable object: name and message only, never request data. */
export function errorFields(error: unknown): { errorName: string; errorMessage: string } {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message };
  return { errorName: 'Unknown', errorMessage: String(error) };
}
