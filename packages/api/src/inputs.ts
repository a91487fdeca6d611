import { z } from 'zod';
import { orderIdSchema } from '@delivery/common';

/** The input of every procedure that acts on one order. */
export const orderRefSchema = z.strictObject({ orderId: orderIdSchema });
