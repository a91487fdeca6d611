import { z } from 'zod';
import { reject } from './stripe-errors';

const MAX_AMOUNT = 1_000_000_00;
const MAX_ORDER_ID_LENGTH = 200;
// Stripe's limits on metadata.
const MAX_METADATA_KEYS = 50;
const MAX_METADATA_KEY_LENGTH = 40;
const MAX_METADATA_VALUE_LENGTH = 500;

// Form bodies carry every value as a string; JSON bodies may carry a number. Both mean the same.
const integerParam = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const amountParam = integerParam
  .pipe(z.number().int().min(1).max(MAX_AMOUNT))
  .describe(`a positive integer number of cents, at most ${MAX_AMOUNT}`);

export const currencyParam = z
  .string()
  .transform((currency) => currency.toLowerCase())
  .pipe(z.literal('usd'))
  .describe('usd, the only currency this sandbox settles');

export const orderIdParam = z
  .string()
  .min(1)
  .max(MAX_ORDER_ID_LENGTH)
  .describe(`a non-empty string of at most ${MAX_ORDER_ID_LENGTH} characters`);

export function textParam(maxLength: number): z.ZodString {
  return z
    .string()
    .min(1)
    .max(maxLength)
    .describe(`a non-empty string of at most ${maxLength} characters`);
}

/** An optional param that, as in Stripe, an empty string leaves unset (`null`). */
export function optionalParam(param: z.ZodType<string>, description: string) {
  return z
    .preprocess((value) => (value === '' ? null : value), param.nullable())
    .default(null)
    .describe(description);
}

export function optionalTextParam(maxLength: number) {
  return optionalParam(textParam(maxLength), `a string of at most ${maxLength} characters`);
}

/** A form sends `true` as text, JSON as a boolean. */
export const booleanParam = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((value) => value === 'true'),
]);

/** Stripe's metadata hash (`metadata[order_id]=...` in a form), here always naming the order. */
export const metadataParam = z
  .object({ order_id: orderIdParam })
  .catchall(
    z
      .string()
      .max(MAX_METADATA_VALUE_LENGTH)
      .describe(`a string of at most ${MAX_METADATA_VALUE_LENGTH} characters`),
  )
  .refine((metadata) => {
    const keys = Object.keys(metadata);
    return (
      keys.length <= MAX_METADATA_KEYS && keys.every((key) => key.length <= MAX_METADATA_KEY_LENGTH)
    );
  })
  .describe(
    `a hash with order_id and at most ${MAX_METADATA_KEYS} keys of at most ` +
      `${MAX_METADATA_KEY_LENGTH} characters`,
  );

export function limitParam(fallback: number, max: number) {
  return integerParam
    .pipe(z.number().int().min(1).max(max))
    .default(fallback)
    .describe(`an integer from 1 to ${max}`);
}

/** Stripe's name for a nested param, as a form spells it: `metadata[order_id]`. */
function paramName([first = '', ...rest]: readonly PropertyKey[]): string {
  return [String(first), ...rest.map((key) => `[${String(key)}]`)].join('');
}

function isGiven(raw: unknown, path: readonly PropertyKey[]): boolean {
  let value = raw;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return false;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value !== undefined;
}

/** The schema of the param at `path`: a nested key not in a hash's shape is its catchall's. */
function fieldAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let field: z.ZodType | undefined = schema;
  for (const key of path) {
    field =
      field instanceof z.ZodObject ? (field.shape[String(key)] ?? field.def.catchall) : undefined;
  }
  return field;
}

/** Validates raw request params, rejecting with a Stripe-style message that names the param. */
export function parseParams<Schema extends z.ZodObject>(
  schema: Schema,
  raw: Record<string, unknown>,
): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path ?? [];
  if (issue?.code === 'unrecognized_keys') {
    const param = paramName([...path, issue.keys[0] ?? '']);
    reject(`Received unknown parameter: ${param}`, { param, code: 'parameter_unknown' });
  }
  const param = paramName(path);
  if (!isGiven(raw, path)) {
    reject(`Missing required param: ${param}.`, { param, code: 'parameter_missing' });
  }
  const description = fieldAt(schema, path)?.description ?? 'a valid value';
  reject(`Invalid ${param}: expected ${description}.`, { param });
}
