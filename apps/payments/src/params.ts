import { z } from 'zod';
import { reject } from './stripe-errors';

const MAX_AMOUNT = 1_000_000_00;
const MAX_ORDER_ID_LENGTH = 200;

// Form bodies carry every value as a string; JSON bodies may carry a number. Both mean the same.
const integerParam = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const amountParam = integerParam
  .pipe(z.number().int().min(1).max(MAX_AMOUNT))
  .describe(`a positive integer number of cents, at most ${MAX_AMOUNT}`);

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

/** Optional text that, as in Stripe, an empty string leaves unset (`null`). */
export function optionalTextParam(maxLength: number) {
  return z
    .preprocess((value) => (value === '' ? null : value), textParam(maxLength).nullable())
    .default(null)
    .describe(`a string of at most ${maxLength} characters`);
}

export function limitParam(fallback: number, max: number) {
  return integerParam
    .pipe(z.number().int().min(1).max(max))
    .default(fallback)
    .describe(`an integer from 1 to ${max}`);
}

/** Validates raw request params, rejecting with a Stripe-style message that names the param. */
export function parseParams<Schema extends z.ZodObject>(
  schema: Schema,
  raw: Record<string, unknown>,
): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const [param = ''] = issue.keys;
    reject(`Received unknown parameter: ${param}`, { param, code: 'parameter_unknown' });
  }
  const param = String(issue?.path[0] ?? '');
  if (!Object.hasOwn(raw, param) || raw[param] === undefined) {
    reject(`Missing required param: ${param}.`, { param, code: 'parameter_missing' });
  }
  const field: z.ZodType | undefined = schema.shape[param];
  reject(`Invalid ${param}: expected ${field?.description ?? 'a valid value'}.`, { param });
}
