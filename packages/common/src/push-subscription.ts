import { z } from 'zod';

/** Push services' endpoints run to a few hundred characters; anything longer is not one. */
export const MAX_PUSH_ENDPOINT_LENGTH = 1_024;

const invalidKeys = 'The subscription keys are not those of a browser push subscription.';

/** A browser push subscription's endpoint: the push service's URL, always HTTPS. */
export const pushEndpointSchema = z
  .url({ protocol: /^https$/, error: 'The push endpoint must be an https URL.' })
  .max(MAX_PUSH_ENDPOINT_LENGTH, {
    error: `The push endpoint is longer than ${MAX_PUSH_ENDPOINT_LENGTH} characters.`,
  });

/**
 * What `PushSubscription.toJSON()` gives in a browser: the endpoint and the subscriber's keys, an
 * uncompressed P-256 public key (65 bytes, 87 base64url characters) and a 16-byte auth secret.
 */
export const pushSubscriptionSchema = z.strictObject({
  endpoint: pushEndpointSchema,
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject(
    {
      p256dh: z.base64url({ error: invalidKeys }).length(87, { error: invalidKeys }),
      auth: z.base64url({ error: invalidKeys }).length(22, { error: invalidKeys }),
    },
    { error: invalidKeys },
  ),
});

export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const pushEndpointRefSchema = z.strictObject({ endpoint: pushEndpointSchema });
