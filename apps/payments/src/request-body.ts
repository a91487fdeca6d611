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

type FormParams = Record<string, string | Record<string, string>>;

// Stripe's form encoding of a hash: `metadata[order_id]=42` is `{ metadata: { order_id: '42' } }`.
const HASH_ENTRY = /^([^[\]]+)\[([^[\]]+)\]$/;

/** Without a prototype, so that a param named `__proto__` is only an unknown param. */
function emptyParams<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function hashParam(params: FormParams, name: string): Record<string, string> {
  const hash = params[name] ?? (params[name] = emptyParams());
  if (typeof hash === 'string') reject(`Parameter ${name} was given both as a value and a hash.`);
  return hash;
}

function parseForm(text: string): FormParams {
  const params = emptyParams<string | Record<string, string>>();
  for (const [name, value] of new URLSearchParams(text)) {
    const entry = HASH_ENTRY.exec(name);
    const [target, key] =
      entry?.[1] !== undefined && entry[2] !== undefined
        ? [hashParam(params, entry[1]), entry[2]]
        : [params, name];
    if (Object.hasOwn(target, key)) reject(`Parameter ${name} was given more than once.`);
    target[key] = value;
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
