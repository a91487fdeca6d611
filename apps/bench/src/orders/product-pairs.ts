import { Customer } from '../actors/customer';
import { Driver } from '../actors/driver';
import type { Kitchen } from '../actors/kitchen';
import { BENCH_DRIVERS } from '../config';
import { TrpcCallError } from '../http/site-client';
import { pickUpWhenReady, type OrderPairs } from './order-pairs';

/** True once the site accepts the pick-up; false while it refuses it (CONFLICT: not ready yet). */
async function tapPickUp(driver: Driver, orderId: string): Promise<boolean> {
  try {
    await driver.pickUp(orderId);
    return true;
  } catch (error) {
    if (error instanceof TrpcCallError && error.code === 'CONFLICT') return false;
    throw error;
  }
}

/**
 * The product's pairs: each order created, picked up and delivered through the sites' HTTP APIs
 * and readied by the kitchen meanwhile.
 */
export const productPairs =
  (kitchen: Kitchen): OrderPairs =>
  async (concurrency, pair) => {
    const customer = new Customer();
    const driver = await Driver.signIn(BENCH_DRIVERS.throughput(concurrency, pair));
    return {
      async deliverOne() {
        const orderId = await customer.createOrder();
        const [refused] = await Promise.all([
          pickUpWhenReady(() => tapPickUp(driver, orderId)),
          kitchen.ready(orderId),
        ]);
        await driver.deliver(orderId);
        return refused;
      },
    };
  };
