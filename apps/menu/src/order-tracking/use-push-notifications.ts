'use client';

import type { PushSubscriptionInput } from '@delivery/common';
import { errorMessage } from '@delivery/ui/lib/api-errors';
import { useCallback, useEffect, useState } from 'react';
import { trpc } from '~/trpc';
import {
  currentSubscription,
  pushUnsupportedReason,
  subscribeThisBrowser,
  subscriptionInput,
} from './browser-push';

export type PushState =
  | { status: 'checking' }
  /** The server sends no pushes (no VAPID key): nothing to offer. */
  | { status: 'off' }
  | { status: 'unsupported'; reason: string }
  /** Not subscribed; asking shows the browser's permission prompt unless it was granted before. */
  | { status: 'available' }
  | { status: 'denied' }
  | { status: 'subscribing' }
  | { status: 'on' }
  | { status: 'error'; message: string };

/** The push service refusing or failing to subscribe is the browser's, not the site's, problem. */
const describe = (error: unknown): string =>
  error instanceof DOMException
    ? `Your browser could not set up notifications (${error.message}). Try again later, or in another browser.`
    : errorMessage(error);

type Store = (subscription: PushSubscriptionInput) => Promise<unknown>;

/**
 * Where this browser stands when the page loads. A subscription it already has is sent again: the
 * customer's cookie may be new, or the server may have dropped it.
 */
async function initialState(key: string | null, store: Store): Promise<PushState> {
  if (key === null) return { status: 'off' };
  const reason = pushUnsupportedReason();
  if (reason) return { status: 'unsupported', reason };
  if (Notification.permission === 'denied') return { status: 'denied' };
  const subscription = await currentSubscription();
  if (!subscription || Notification.permission !== 'granted') return { status: 'available' };
  await store(subscriptionInput(subscription));
  return { status: 'on' };
}

/** Whether this browser gets notified of the customer's orders, and the ways to change it. */
export function usePushNotifications() {
  const publicKey = trpc.pushPublicKey.useQuery(undefined, { staleTime: Infinity });
  const { mutateAsync: store } = trpc.subscribePush.useMutation();
  const { mutateAsync: forget, isPending: forgetting } = trpc.unsubscribePush.useMutation();
  const [state, setState] = useState<PushState>({ status: 'checking' });
  const key = publicKey.data;

  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    initialState(key, store)
      .catch((error: unknown): PushState => ({ status: 'error', message: describe(error) }))
      .then((next) => current && setState(next));
    return () => {
      current = false;
    };
  }, [key, store]);

  const turnOn = useCallback(async () => {
    if (!key) return;
    setState({ status: 'subscribing' });
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        // Dismissing the prompt leaves the choice open; blocking it is remembered by the browser.
        return setState({ status: permission === 'denied' ? 'denied' : 'available' });
      }
      await store(subscriptionInput(await subscribeThisBrowser(key)));
      setState({ status: 'on' });
    } catch (error) {
      setState({ status: 'error', message: describe(error) });
    }
  }, [key, store]);

  const turnOff = useCallback(async () => {
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        await forget({ endpoint: subscription.endpoint });
        await subscription.unsubscribe();
      }
      setState({ status: 'available' });
    } catch (error) {
      setState({ status: 'error', message: describe(error) });
    }
  }, [forget]);

  return { state, turnOn, turnOff, turningOff: forgetting };
}
