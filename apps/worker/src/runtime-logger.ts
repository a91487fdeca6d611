import { DefaultLogger, type LogLevel } from '@temporalio/worker';
import type { Logger } from '@delivery/observability';
import { orderIdOf } from '@delivery/workflows/contract';

const PINO_METHOD = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
} as const satisfies Record<LogLevel, string>;

/** The least severe level the SDK hands on: below it, pino would drop the line anyway. */
const SDK_LEVEL: Record<string, LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
  silent: 'ERROR',
};

/**
 * The SDK's logger as JSON lines: the worker's own events, Core's (forwarded), and what workflows
 * and activities log through `log`. Those carry the workflow id, and so the order's id, which is
 * added as `orderId` (the workflow id is `order-<orderId>`, packages/workflows/src/contract.ts).
 */
export function sdkLogger(log: Logger): DefaultLogger {
  return new DefaultLogger(SDK_LEVEL[log.level] ?? 'INFO', ({ level, message, meta = {} }) => {
    const orderId = typeof meta.workflowId === 'string' ? orderIdOf(meta.workflowId) : null;
    log[PINO_METHOD[level]](orderId ? { ...meta, orderId } : meta, message);
  });
}
