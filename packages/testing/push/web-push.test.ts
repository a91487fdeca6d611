import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webPush from 'web-push';
import { PushSubscriptions, openAccountsDatabase } from '@delivery/accounts';
import type { Driver, OrderStatus, PushMessage } from '@delivery/common';
import { deliver, pickedUp, rate } from '@delivery/harness/order-actions';
import { startOrder, waitForStatus } from '@delivery/harness/orders';
import { startStack } from '@delivery/harness/stack';
import type { OrderHandle } from '@delivery/workflows/client';
import { PushService } from './push-service';
import { newSubscriber } from './subscriber';
import { vapidClaims } from './vapid-token';

const VAPID = webPush.generateVAPIDKeys();
const VAPID_SUBJECT = 'mailto:ops@durable-delivery.example';
const DRIVER: Driver = { id: 'push-driver', name: 'Pat' };
const EVERY_EVENT = ['accepted', 'delivered', 'picked-up', 'placed', 'rating-requested', 'ready'];

const pushService = await PushService.start();
afterAll(() => pushService.close());

const startPushStack = () =>
  startStack({
    name: 'push',
    payments: { sandbox: {} },
    worker: {
      env: {
        VAPID_PUBLIC_KEY: VAPID.publicKey,
        VAPID_PRIVATE_KEY: VAPID.privateKey,
        VAPID_SUBJECT,
        // The test's push service is the only one this worker may post to.
        PUSH_SERVICE_HOSTS: '127.0.0.1',
      },
    },
  });
let stack: Awaited<ReturnType<typeof startPushStack>>;
/** Where the menu would have stored them: the stack's accounts database, which the worker reads. */
let subscriptions: PushSubscriptions;
beforeAll(async () => {
  stack = await startPushStack();
  subscriptions = new PushSubscriptions(openAccountsDatabase(stack.accountsDbPath));
  return stack.stop;
}, 180_000);

/** A new customer with one subscribed browser per name, each of its own endpoint and keys. */
function customerWithBrowsers(...names: string[]) {
  const customerId = randomUUID();
  const browsers = names.map((name) => {
    const id = `${name}-${customerId}`;
    const subscriber = newSubscriber(pushService.endpoint(id));
    subscriptions.add(customerId, subscriber.subscription);
    return { id, ...subscriber };
  });
  return { customerId, browsers };
}

/** The order from placing to rated, with every notification it sent settled. */
async function completeOrder(customerId: string): Promise<OrderStatus> {
  const handle: OrderHandle = await startOrder(stack.client, {
    taskQueue: stack.taskQueue,
    customerId,
    windows: { ratingDelayMs: 0 },
  });
  await pickedUp(handle, DRIVER);
  await deliver(handle, DRIVER);
  await waitForStatus(handle, (status) => status.ratingRequested);
  await rate(handle, { stars: 5 });
  return waitForStatus(
    handle,
    (status) => !status.open && status.notifications.every((record) => record.delivered),
  );
}

const byEvent = (a: { event: string }, b: { event: string }) => a.event.localeCompare(b.event);

/** What the workflow says it notified, as the pushes should carry it. */
const expectedPushes = (status: OrderStatus): PushMessage[] =>
  status.notifications
    .map(({ event, message }) => ({
      orderId: status.orderId,
      event,
      message,
      url: `/orders/${status.orderId}`,
    }))
    .sort(byEvent);

/** What the recording channel wrote for the order: the same notifications, in the worker's log. */
const recordedLines = (orderId: string) =>
  [...stack.worker.log.matchAll(new RegExp(`\\[notify\\] ${orderId} (\\S+): (.*)`, 'g'))]
    .map(([, event = '', message = '']) => ({ orderId, event, message, url: `/orders/${orderId}` }))
    .sort(byEvent);

type Browser = ReturnType<typeof customerWithBrowsers>['browsers'][number];

/** The messages the browser received and could decrypt, one per push the service accepted. */
const delivered = (browser: Browser) =>
  pushService
    .received(browser.id)
    .filter((request) => request.status === 201)
    .map((request) => browser.read(request.body))
    .sort(byEvent);

describe('Web Push from the worker', () => {
  it('sends each of an order’s notifications to every browser of its customer, once, encrypted for it and signed for its push service', async () => {
    const { customerId, browsers } = customerWithBrowsers('phone', 'laptop');
    const status = await completeOrder(customerId);

    const expected = expectedPushes(status);
    expect(expected.map((push) => push.event)).toEqual(EVERY_EVENT);
    expect(recordedLines(status.orderId)).toEqual(expected);
    for (const browser of browsers) {
      const requests = pushService.received(browser.id);
      expect(requests.map((request) => request.status)).toEqual(expected.map(() => 201));
      expect(delivered(browser)).toEqual(expected);
      for (const { headers } of requests) {
        expect(headers['content-encoding']).toBe('aes128gcm');
        expect(Number(headers.ttl)).toBeGreaterThan(0);
        const claims = vapidClaims(headers.authorization, VAPID.publicKey);
        expect(claims).toMatchObject({ aud: pushService.origin, sub: VAPID_SUBJECT });
        expect(claims.exp * 1000).toBeGreaterThan(Date.now());
      }
    }
  });

  it('drops a subscription its push service says is gone (410), and the order completes', async () => {
    const { customerId, browsers } = customerWithBrowsers('gone', 'kept');
    const [gone, kept] = browsers as [Browser, Browser];
    pushService.answer(gone.id, 410);
    const status = await completeOrder(customerId);

    expect(status.state).toBe('Delivered');
    expect(pushService.received(gone.id).map((request) => request.status)).toEqual([410]);
    expect(subscriptions.list(customerId).map((stored) => stored.endpoint)).toEqual([
      kept.subscription.endpoint,
    ]);
    expect(delivered(kept)).toEqual(expectedPushes(status));
    expect(stack.worker.log).toMatch(/says a subscription is gone \(410\); removed it/);
  });

  it('retries a failing push service (500, 503) until it takes the message, and sends no browser anything twice', async () => {
    const { customerId, browsers } = customerWithBrowsers('flaky', 'steady');
    const [flaky, steady] = browsers as [Browser, Browser];
    pushService.answer(flaky.id, 500, 503);
    const status = await completeOrder(customerId);

    const expected = expectedPushes(status);
    const answers = pushService.received(flaky.id).map((request) => request.status);
    expect(answers.filter((answer) => answer !== 201)).toEqual([500, 503]);
    expect(delivered(flaky)).toEqual(expected);
    // The steady browser's push service took each message first time: the retries skip it.
    expect(pushService.received(steady.id)).toHaveLength(expected.length);
    expect(delivered(steady)).toEqual(expected);
  });

  it('posts nothing to a host that is not a listed push service, and forgets that subscription', async () => {
    const { customerId, browsers } = customerWithBrowsers('listed');
    const [listed] = browsers as [Browser];
    const unlistedId = `unlisted-${customerId}`;
    // The same push service by another name: only 127.0.0.1 is listed.
    const unlisted = newSubscriber(
      pushService.endpoint(unlistedId).replace('127.0.0.1', 'localhost'),
    );
    subscriptions.add(customerId, unlisted.subscription);
    const status = await completeOrder(customerId);

    expect(pushService.received(unlistedId)).toEqual([]);
    expect(subscriptions.list(customerId).map((stored) => stored.endpoint)).toEqual([
      listed.subscription.endpoint,
    ]);
    expect(delivered(listed)).toEqual(expectedPushes(status));
    expect(stack.worker.log).toMatch(/localhost:\d+ is not a push service we send to; removed it/);
  });
});
