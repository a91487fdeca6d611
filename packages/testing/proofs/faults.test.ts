import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, it } from 'vitest';
import type { Driver, OrderWindows } from '@delivery/common';
import { allCharges, moneyByOrder, moneyMoved } from '@delivery/harness/ledger';
import { ManagedProcess } from '@delivery/harness/managed-process';
import { startOrder, statesVisited, waitForState } from '@delivery/harness/orders';
import { startStack } from '@delivery/harness/stack';
import { readStatus, type OrderHandle } from '@delivery/workflows/client';
import { withCaseServices } from './faults/case-services';
import { driveToDelivery } from './faults/drive-to-delivery';
import { pendingCharge } from './faults/pending-charge';
import { lostResponses, requestsWithKey } from './faults/sandbox-log';

const MINUTE = 60_000;
const DRIVER: Driver = { id: 'faults-driver', name: 'Frankie' };
/** No retry makes an order miss a window: only the providers' faults are under test. */
const PATIENT_WINDOWS: Partial<OrderWindows> = {
  pickupWindowMs: 15 * MINUTE,
  deliveryWindowMs: 15 * MINUTE,
};
const DELIVERED: string[] = ['Charging card', 'Paid', 'Picked up', 'Delivered'];

/** The payments client gives up on a request after 8 s, before the charge's 10 s attempt timeout. */
const SLOWER_THAN_THE_CHARGE_TIMEOUT_MS = 12_000;
const OUTAGE_MS = MINUTE;

const startOrders = (client: Parameters<typeof startOrder>[0], taskQueue: string, count: number) =>
  Promise.all(
    Array.from({ length: count }, () =>
      startOrder(client, { taskQueue, windows: PATIENT_WINDOWS }),
    ),
  );

const chargeKey = (handle: OrderHandle) => `${handle.workflowId}:charge`;

beforeAll(async () => {
  // The orchestrator provides a shared server; run alone, the suite brings one.
  const { stop } = await startStack({ name: 'faults' });
  return stop;
}, 120_000);

describe.concurrent(
  'orders complete, charged once, whatever the payment provider and the push service do',
  () => {
    it.for([
      { rate: 0.5, orders: 10 },
      { rate: 0.9, orders: 10 },
    ])('with $rate of payment and push calls failing', async ({ rate, orders }, { expect }) => {
      const failing = String(rate);
      await withCaseServices(
        {
          name: `flaky-${rate}`,
          paymentsEnv: { PAYMENT_FAILURE_RATE: failing },
          workerEnv: { NOTIFICATION_FAILURE_RATE: failing },
        },
        async (services) => {
          const handles = await startOrders(services.client, services.taskQueue, orders);
          const results = await Promise.all(
            handles.map((handle) => driveToDelivery(handle, DRIVER, { paidWithinMs: 6 * MINUTE })),
          );

          for (const result of results) {
            expect(statesVisited(result), result.orderId).toEqual(DELIVERED);
            expect(result.open).toBe(false);
            // A push that kept failing is given up after its retries, never left hanging.
            expect(result.notifications.map((n) => n.event).sort()).toEqual([
              'delivered',
              'paid',
              'picked-up',
            ]);
          }
          const money = await moneyByOrder(services.paymentsUrl);
          expect(money.size).toBe(orders);
          for (const result of results)
            expect(money.get(result.orderId), result.orderId).toEqual({ charges: 1, refunds: 0 });
          // The faults struck where they could have charged twice: after the money moved.
          expect(lostResponses(services.payments.log)).toBeGreaterThan(0);
          expect(services.worker.log).toMatch(/push service is temporarily unavailable/);
          expect(await services.workerTroubles()).toEqual([]);
        },
      );
    });

    it('with a sandbox slower than the charge timeout: retried under one key, charged once, paid once it answers in time', async ({
      expect,
    }) => {
      await withCaseServices(
        {
          name: 'slow-payments',
          paymentsEnv: { PAYMENT_LATENCY_MS: String(SLOWER_THAN_THE_CHARGE_TIMEOUT_MS) },
        },
        async (services) => {
          const handles = await startOrders(services.client, services.taskQueue, 3);
          // Every attempt gives up before the answer comes, so no order can be paid yet...
          await Promise.all(
            handles.map(async (handle) => {
              while (((await pendingCharge(handle))?.attempt ?? 0) < 4) await sleep(500);
            }),
          );
          for (const handle of handles) {
            expect((await readStatus(handle)).state).toBe('Charging card');
            expect((await pendingCharge(handle))?.lastFailure).toMatch(
              /timeout|timed out|aborted/i,
            );
            // ...yet each retry reused the charge's key and the sandbox replayed the one charge it made.
            const { orderId } = await readStatus(handle);
            expect(await moneyMoved(services.paymentsUrl, orderId)).toEqual({
              charges: 1,
              refunds: 0,
            });
            const requests = requestsWithKey(services.payments.log, chargeKey(handle));
            expect(requests.total).toBeGreaterThanOrEqual(2);
            expect(requests.replayed).toBe(requests.total - 1);
          }

          // The provider recovers (same port, same ledger): the next retry gets the charge it made.
          await services.payments.stop('SIGKILL');
          const recovered = new ManagedProcess({
            ...services.payments.spec,
            env: { ...services.payments.spec.env, PAYMENT_LATENCY_MS: '0' },
          });
          try {
            await recovered.start();
            const results = await Promise.all(
              handles.map((handle) => driveToDelivery(handle, DRIVER)),
            );
            const charges = await allCharges(services.paymentsUrl);
            for (const result of results) {
              expect(statesVisited(result)).toEqual(DELIVERED);
              const charged = charges.filter((charge) => charge.order_id === result.orderId);
              expect(charged.map((charge) => charge.id)).toEqual([result.chargeId]);
            }
            expect(await services.workerTroubles()).toEqual([]);
          } finally {
            await recovered.stop();
          }
        },
      );
    });

    it('with the sandbox down for a minute: orders wait, then complete charged once', async ({
      expect,
    }) => {
      await withCaseServices({ name: 'payments-outage' }, async (services) => {
        const [before] = await startOrders(services.client, services.taskQueue, 1);
        await waitForState(before!, 'Paid');
        await services.payments.stop();
        const downSince = Date.now();

        const handles = await startOrders(services.client, services.taskQueue, 3);
        await sleep(downSince + OUTAGE_MS - Date.now() - 5_000);
        for (const handle of handles) {
          expect((await readStatus(handle)).state).toBe('Charging card');
          expect((await pendingCharge(handle))?.attempt).toBeGreaterThan(1);
        }
        await sleep(downSince + OUTAGE_MS - Date.now());
        await services.payments.start();

        const results = await Promise.all(handles.map((handle) => driveToDelivery(handle, DRIVER)));
        const money = await moneyByOrder(services.paymentsUrl);
        for (const result of [await readStatus(before!), ...results]) {
          expect(money.get(result.orderId), result.orderId).toEqual({ charges: 1, refunds: 0 });
        }
        for (const result of results) expect(statesVisited(result)).toEqual(DELIVERED);
        expect(await services.workerTroubles()).toEqual([]);
      });
    });
  },
);
