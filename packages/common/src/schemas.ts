import { z } from 'zod';
import { PAYMENT_METHODS } from './payment-methods';

export const MAX_QUANTITY_PER_DISH = 20;
export const MAX_LINES_PER_ORDER = 20;
export const MAX_COMMENT_LENGTH = 500;
export const MAX_DRIVER_NAME_LENGTH = 40;

export const orderIdSchema = z.uuid({ error: 'The order id must be a UUID.' });

const paymentMethodIds = PAYMENT_METHODS.map((method) => method.id) as [
  (typeof PAYMENT_METHODS)[number]['id'],
  ...(typeof PAYMENT_METHODS)[number]['id'][],
];

export const orderItemSchema = z.strictObject({
  productId: z.string().min(1).max(64),
  quantity: z
    .number()
    .int({ error: 'Quantities are whole numbers.' })
    .min(1, { error: 'Each dish needs a quantity of at least 1.' })
    .max(MAX_QUANTITY_PER_DISH, {
      error: `At most ${MAX_QUANTITY_PER_DISH} of one dish per order.`,
    }),
});

export const createOrderSchema = z.strictObject({
  orderId: orderIdSchema,
  items: z
    .array(orderItemSchema)
    .min(1, { error: 'An order needs at least one dish.' })
    .max(MAX_LINES_PER_ORDER, { error: `At most ${MAX_LINES_PER_ORDER} lines per order.` }),
  paymentMethod: z.enum(paymentMethodIds).optional(),
});

export const ratingSchema = z.strictObject({
  stars: z
    .number()
    .int({ error: 'Stars are whole numbers.' })
    .min(1, { error: 'Give at least 1 star.' })
    .max(5, { error: 'At most 5 stars.' }),
  comment: z.string().trim().max(MAX_COMMENT_LENGTH).optional(),
});

/** Names one action for its retries: the same id again is answered with the first outcome. */
export const requestIdSchema = z.uuid({ error: 'The request id must be a UUID.' });

export const rateOrderSchema = ratingSchema.extend({
  orderId: orderIdSchema,
  requestId: requestIdSchema.optional(),
});

export const driverSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(MAX_DRIVER_NAME_LENGTH),
});

export const MAX_EMAIL_LENGTH = 254;

/** Emails are kept and compared lowercased: `Dana@Example.com` is dana@example.com's account. */
export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email({ error: 'Enter a valid email address.' })
      .max(MAX_EMAIL_LENGTH, { error: `Emails are at most ${MAX_EMAIL_LENGTH} characters.` }),
  );

/** Long enough for any passphrase, short enough that hashing one costs what hashing any does. */
export const MAX_PASSWORD_LENGTH = 256;

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' })
    .max(MAX_PASSWORD_LENGTH, {
      error: `Passwords are at most ${MAX_PASSWORD_LENGTH} characters.`,
    }),
});

export type SignInInput = z.input<typeof signInSchema>;

export const MAX_PREP_MINUTES = 180;
export const MAX_REJECT_REASON_LENGTH = 200;

/** How long the kitchen promises the food will take; 0 when it is ready now. */
export const prepMinutesSchema = z
  .number({ error: 'Give the preparation time in minutes.' })
  .int({ error: 'The preparation time is whole minutes.' })
  .min(0, { error: 'The preparation time cannot be negative.' })
  .max(MAX_PREP_MINUTES, { error: `The preparation time is at most ${MAX_PREP_MINUTES} minutes.` });

/** Why the restaurant cannot take the order, in words the customer reads. */
export const rejectReasonSchema = z
  .string()
  .trim()
  .min(1, { error: 'Tell the customer why.' })
  .max(MAX_REJECT_REASON_LENGTH, {
    error: `A reason is at most ${MAX_REJECT_REASON_LENGTH} characters.`,
  });

export const boardPageSchema = z
  .strictObject({
    cursor: z.string().max(4096).nullish(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .optional();

export type CreateOrderRequest = z.infer<typeof createOrderSchema>;

const orderLineSchema = z.strictObject({
  productId: z.string().min(1),
  quantity: z.number().int().positive(),
  name: z.string(),
  unitPriceCents: z.number().int().nonnegative(),
  lineTotalCents: z.number().int().nonnegative(),
});

/** The workflow checks its own input, so an order started by hand with bad input fails cleanly. */
export const orderInputSchema = z.object({
  orderId: z.string().min(1),
  customerId: z.string().min(1),
  lines: z.array(orderLineSchema).min(1),
  totalCents: z.number().int().positive(),
  paymentMethod: z.enum(paymentMethodIds),
  windows: z
    .object({
      paymentWindowMs: z.number().positive(),
      restaurantWindowMs: z.number().positive(),
      preparationGraceMs: z.number().nonnegative(),
      pickupWindowMs: z.number().positive(),
      deliveryWindowMs: z.number().positive(),
      ratingDelayMs: z.number().nonnegative(),
      ratingWindowMs: z.number().positive(),
    })
    .partial()
    .optional(),
});
