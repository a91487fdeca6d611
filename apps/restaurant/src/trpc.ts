import type { RestaurantRouter } from '@delivery/api';
import { createTrpcReactKit } from '@delivery/ui/trpc-provider';

export const { trpc, TrpcProvider } = createTrpcReactKit<RestaurantRouter>();
