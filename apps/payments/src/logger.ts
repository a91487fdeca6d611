import { createLogger, serviceName } from '@delivery/observability';

export interface Logger {
  info(line: string, fields?: Record<string, unknown>): void;
  error(line: string, fields?: Record<string, unknown>): void;
}

/** JSON lines on stdout (packages/observability), each with the sandbox's service name. */
export function jsonLogger(log = createLogger(serviceName('delivery-payments'))): Logger {
  return {
    info: (line, fields = {}) => log.info(fields, line),
    error: (line, fields = {}) => log.error(fields, line),
  };
}
