import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger';

/** Hono environment of the app: handlers leave a short outcome for the request's log line. */
export interface AppEnv {
  Variables: { outcome: string };
}

function field(body: object, name: string): string | undefined {
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** A few words on a response body: `ch_... succeeded`, `card_error card_declined (insufficient_funds)`. */
export function summarize(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const error: unknown = (body as Record<string, unknown>).error;
  if (typeof error === 'object' && error !== null) {
    const declineCode = field(error, 'decline_code');
    const param = field(error, 'param');
    return [
      field(error, 'type'),
      field(error, 'code'),
      declineCode && `(${declineCode})`,
      param && `param=${param}`,
    ]
      .filter(Boolean)
      .join(' ');
  }
  const data: unknown = (body as Record<string, unknown>).data;
  if (Array.isArray(data)) return `${data.length} listed`;
  return [field(body, 'id'), field(body, 'status')].filter(Boolean).join(' ');
}

/** One line per request: method, path, idempotency key, status, outcome; each a field too. */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const key = c.req.header('Idempotency-Key');
    const outcome = c.get('outcome');
    logger.info(
      [c.req.method, c.req.path, key !== undefined && `key=${key}`, c.res.status, outcome]
        .filter(Boolean)
        .join(' '),
      {
        method: c.req.method,
        path: c.req.path,
        idempotencyKey: key,
        status: c.res.status,
        outcome,
      },
    );
  };
}
