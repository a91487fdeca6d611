import { z } from 'zod';
import { MAX_DRIVER_NAME_LENGTH, MAX_PASSWORD_LENGTH, emailSchema } from '@delivery/common';

export const STAFF_ROLES = ['driver', 'restaurant'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export const MIN_PASSWORD_LENGTH = 8;

export const newStaffAccountSchema = z.strictObject({
  email: emailSchema,
  name: z
    .string()
    .trim()
    .min(1, { error: 'Give the name customers see.' })
    .max(MAX_DRIVER_NAME_LENGTH, {
      error: `Names are at most ${MAX_DRIVER_NAME_LENGTH} characters.`,
    }),
  role: z.enum(STAFF_ROLES, { error: 'The role is driver or restaurant.' }),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, {
      error: `Passwords are at least ${MIN_PASSWORD_LENGTH} characters.`,
    })
    .max(MAX_PASSWORD_LENGTH, {
      error: `Passwords are at most ${MAX_PASSWORD_LENGTH} characters.`,
    }),
});

export type NewStaffAccount = z.input<typeof newStaffAccountSchema>;
