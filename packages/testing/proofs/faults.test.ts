import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, it } from 'vitest';
import { HAPPY_PATH, type Driver, type OrderWindows } from '@delivery/common';
import {
  allCharges,
  holdsOf,
  moneyByOrder,
  moneyMoved,
  paymentIntentsFor,
} from '@delivery/harness/ledger';
import { ManagedProcess } from '@delivery/harness/managed-process';
import { pickUp, readyForPickup } from '@delivery/harness/order-actions';
import { startOrder, statesVisited } from '@delivery/harness/orders';
import { startStack } from '@delivery/harness/stack';
import { readStatus, type OrderHandle } from '@delivery/workflows/client';
import { withCaseServices } from './faults/case-services';
import { chargedOnce, ledgerOf } from './faults/charged-once';
import { deliveredAndRated, driveToDelivery } from './faults/drive-to-delivery';
import { pendingActivity } from './faults/pending-activity';
import { lostResponses, requestsWithKey } from './faults/sandbox-log';

const MINUTE = 60_000;
const DRIVER: Driver = { id: 'faults-driver', name: 'Frankie' };
/** No retry makes an order miss a window: only the providers' faults are under test. */
const PATIENT_WINDOWS: Partial<OrderWindows> = {
  restaurantWindowMs: 15 * MINUTE,
  pickupWindowMs: 15 * MINUTE,
  deliveryWindowMs: 15 * MINUTE,
};

/** The payments client gives up on a request after 8 s, before the money call's 10 s attempt timeout. */
const SLOWER_THAN_THE_CALL_TIMEOUT_MS = 12_000;
const OUTAGE_MS = MINUTE;

const startOrders = (client: Parameters<typeof startOrder>[0], taskQueue: string, count: number) =>
  Promise.all(
    Array.from({ length: count }, () =>
      startOrder(client, { taskQueue, windows: PATIENT_WINDOWS }),
    ),
  );

const authorizeKey = (handle: OrderHandle) => `${handle.workflowId}:authorize`;
const idsOf = (results: { orderId: string }[]) => results.map(({ orderId }) => orderId);

beforeAll(async () => {
  // The orchestrator provides a shared server; run alone, the suite brings one.
  const { stop } = await startStack({ name: 'faults' });
  return stop;
}, 120_000);

describe.concurrent(
  'orders complete, authorized and charged once, whatever the payment provider and the push service do',
  () => {
    // Captures are retried until they land, backing off to 30 s: a provider failing much more
    // often than this keeps a capture waiting for many minutes, which no case here can outlast.
    it.for([
      { rate: 0.5, orders: 10 },
      { rate: 0.7, orders: 10 },
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
            handles.map((handle) =>
              driveToDelivery(handle, DRIVER, { authorizedWithinMs: 6 * MINUTE }),
            ),
          );

          for (const result of results) {
            expect(statesVisited(result), result.orderId).toEqual(HAPPY_PATH);
            expect(result.open).toBe(false);
            // A push that kept failing is given up after its retries, never left hanging.
            expect(result.notifications.map((n) => n.event).sort()).toEqual([
              'accepted',
              'delivered',
              'picked-up',
              'placed',
              'ready',
            ]);
          }
          expect(await ledgerOf(services.paymentsUrl, idsOf(results))).toEqual(
            chargedOnce(idsOf(results)),
          );
          expect((await moneyByOrder(services.paymentsUrl)).size).toBe(orders);
          // The faults struck where they could have held or charged twice: after the money moved.
          expect(lostResponses(services.payments.log)).toBeGreaterThan(0);
          expect(services.worker.log).toMatch(/push service is temporarily unavailable/);
          expect(await services.workerTroubles()).toEqual([]);
        },
      );
    });

    it('with a sandbox slower than the call timeout: retried under one key, authorized once, charged once it answers in time', async ({
      expect,
    }) => {
      await withCaseServices(
        {
          name: 'slow-payments',
          paymentsEnv: { PAYMENT_LATENCY_MS: String(SLOWER_THAN_THE_CALL_TIMEOUT_MS) },
        },
        async (services) => {
          const handles = await startOrders(services.client, services.taskQueue, 3);
          const pendingAuthorization = (handle: OrderHandle) =>
            pendingActivity(handle, 'authorizePayment');
          // Every attempt gives up before the answer comes, so no card can be held yet...
          await Promise.all(
            handles.map(async (handle) => {
              while (((await pendingAuthorization(handle))?.attempt ?? 0) < 4) await sleep(500);
            }),
          );
          for (const handle of handles) {
            const { orderId, state } = await readStatus(handle);
            expect(state).toBe('Authorizing card');
            expect((await pendingAuthorization(handle))?.lastFailure).toMatch(
              /timeout|timed out|aborted/i,
            );
            // ...yet each retry reused the authorization's key and the sandbox replayed the one
            // hold it made; nothing was taken.
            expect(await holdsOf(services.paymentsUrl, orderId)).toEqual({
              authorized: 1,
              held: 1,
              captured: 0,
              released: 0,
            });
            expect(await moneyMoved(services.paymentsUrl, orderId)).toEqual({
              charges: 0,
              refunds: 0,
            });
            const requests = requestsWithKey(services.payments.log, authorizeKey(handle));
            expect(requests.total).toBeGreaterThanOrEqual(2);
            expect(requests.replayed).toBe(requests.total - 1);
          }

          // The provider recovers (same port, same ledger): the next retry gets the hold it made.
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
              expect(statesVisited(result)).toEqual(HAPPY_PATH);
              const intents = await paymentIntentsFor(services.paymentsUrl, result.orderId);
              expect(intents.map((intent) => intent.id)).toEqual([result.paymentIntentId]);
              const charged = charges.filter((charge) => charge.order_id === result.orderId);
              expect(charged.map((charge) => charge.id)).toEqual([result.chargeId]);
            }
            expect(await ledgerOf(services.paymentsUrl, idsOf(results))).toEqual(
              chargedOnce(idsOf(results)),
            );
            expect(await services.workerTroubles()).toEqual([]);
          } finally {
            await recovered.stop();
          }
        },
      );
    });

    it('with the sandbox down for a minute: cards wait to be held, a pickup waits to be captured, then every order completes charged once', async ({
      expect,
    }) => {
      await withCaseServices({ name: 'payments-outage' }, async (services) => {
        const [before] = await startOrders(services.client, services.taskQueue, 1);
        await readyForPickup(before!);
        await services.payments.stop();
        const downSince = Date.now();

        await pickUp(before!, DRIVER);
        const handles = await startOrders(services.client, services.taskQueue, 3);
        await sleep(downSince + OUTAGE_MS - Date.now() - 5_000);
        expect((await readStatus(before!)).money).toBe('authorized');
        expect((await pendingActivity(before!, 'capturePayment'))?.attempt).toBeGreaterThan(1);
        for (const handle of handles) {
          expect((await readStatus(handle)).state).toBe('Authorizing card');
          expect((await pendingActivity(handle, 'authorizePayment'))?.attempt).toBeGreaterThan(1);
        }
        await sleep(downSince + OUTAGE_MS - Date.now());
        await services.payments.start();

        const results = await Promise.all([
          deliveredAndRated(before!, DRIVER),
          ...handles.map((handle) => driveToDelivery(handle, DRIVER)),
        ]);
        for (const result of results) expect(statesVisited(result)).toEqual(HAPPY_PATH);
        expect(await ledgerOf(services.paymentsUrl, idsOf(results))).toEqual(
          chargedOnce(idsOf(results)),
        );
        expect(await services.workerTroubles()).toEqual([]);
      });
    });
  },
);
