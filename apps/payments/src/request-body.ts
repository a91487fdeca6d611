import type { HonoRequest } from 'hono';
import { reject } from './stripe-errors';

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

function parseJson(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    reject(`Invalid JSON body: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reject('The JSON body must be an object of request parameters.');
  }
  return value as Record<string, unknown>;
}

function parseForm(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(params, name)) reject(`Parameter ${name} was given more than once.`);
    params[name] = value;
  }
  return params;
}

/** The request's params, from a form body (as Stripe takes them) or a JSON body. */
export async function readBodyParams(request: HonoRequest): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  const type = mediaType(request.header('Content-Type'));
  if (type === 'application/json') return parseJson(text);
  if (type === 'application/x-www-form-urlencoded') return parseForm(text);
  reject(
    `Unsupported Content-Type ${type ?? '(none)'}: send application/x-www-form-urlencoded ` +
      'or application/json.',
  );
}
