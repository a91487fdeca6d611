import { hostname } from 'node:os';
import { context, isSpanContextValid, trace } from '@opentelemetry/api';
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

type Env = Record<string, string | undefined>;

const LEVELS = [...Object.keys(pino.levels.values), 'silent'];

/** LOG_LEVEL, `info` by default; a level pino does not know is an error, not a silent default. */
export function logLevel(env: Env = process.env): string {
  const level = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LEVELS.includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}; got "${env.LOG_LEVEL}".`);
  return level;
}

/** The span a line is written in, so a line can be found from its trace and the other way round. */
function activeSpan(): Record<string, string> {
  const span = trace.getSpan(context.active())?.spanContext();
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

export interface LoggerOptions {
  level?: string;
  /** Where lines go; standard output by default. */
  destination?: DestinationStream;
}

/**
 * JSON lines, one per event, each with the service's name; a line written about an order carries
 * its `orderId` (`logger.child({ orderId })`, or the field itself).
 */
export function createLogger(
  service: string,
  { level = logLevel(), destination }: LoggerOptions = {},
): Logger {
  return pino(
    {
      level,
      base: { service, pid: process.pid, hostname: hostname() },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: activeSpan,
      // Temporal's SDK logs failures under `error`, the rest of the world under `err`.
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    destination,
  );
}
