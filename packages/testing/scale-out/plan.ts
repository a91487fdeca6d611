import { randomUUID } from 'node:crypto';
import { PATHS as CRASH_PATHS, type OrderPath } from '../proofs/crash/plan';
import { WAVES } from './settings';

/**
 * Where each path leads: the states, the money and the card's holds. The crash suite's paths say
 * it; the windows here come from the sites' settings, so the crash suite's windows play no part.
 */
type PathEnd = Pick<OrderPath, 'paymentMethod' | 'states' | 'money' | 'moved' | 'holds'>;

export const PATHS = {
  ...CRASH_PATHS,
  // Silence in the restaurant's window ends an order as a rejection does.
  'restaurant silent': CRASH_PATHS['rejected by restaurant'],
} satisfies Record<string, PathEnd>;

export type PathName = keyof typeof PATHS;

/** Orders of each path in one wave. */
const PER_WAVE: Record<PathName, number> = {
  'delivered and rated': 10,
  'card declined': 4,
  'rejected by restaurant': 5,
  'cancelled by customer': 4,
  'no driver': 4,
  'delivery timeout': 4,
  'restaurant silent': 4,
};

/** The seeded demo drivers, who share the pickups. */
export const DRIVERS = ['dana@example.com', 'sam@example.com'] as const;
export type DriverEmail = (typeof DRIVERS)[number];

/** Customers the orders are spread over; each keeps a "my orders" page open. */
export const CUSTOMERS = 6;

export interface PlannedOrder {
  orderId: string;
  path: PathName;
  wave: number;
  /** Index of the customer who places it. */
  customer: number;
  /** The driver who picks it up, on the paths where one does. */
  driver: DriverEmail | null;
}

export const isPickedUp = (path: PathName): boolean =>
  (PATHS[path].states as readonly string[]).includes('Picked up');

/** Whether the kitchen accepted it, so it showed on the drivers' boards. */
export const isCooked = (path: PathName): boolean =>
  (PATHS[path].states as readonly string[]).includes('Preparing');

/** Every wave's orders, the paths interleaved so each wave mixes them from its first order on. */
export function planOrders(): PlannedOrder[] {
  const plan: PlannedOrder[] = [];
  let pickups = 0;
  for (let wave = 0; wave < WAVES; wave += 1) {
    const remaining = { ...PER_WAVE };
    while (Object.values(remaining).some((count) => count > 0)) {
      for (const path of Object.keys(remaining) as PathName[]) {
        if (remaining[path] === 0) continue;
        remaining[path] -= 1;
        const driver = isPickedUp(path) ? DRIVERS[pickups++ % DRIVERS.length]! : null;
        plan.push({ orderId: randomUUID(), path, wave, customer: plan.length % CUSTOMERS, driver });
      }
    }
  }
  return plan;
}
