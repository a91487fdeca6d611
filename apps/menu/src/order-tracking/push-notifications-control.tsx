'use client';

import { Button } from '@delivery/ui/button';
import { BellIcon } from '@delivery/ui/icons';
import type { ReactNode } from 'react';
import { usePushNotifications } from './use-push-notifications';

/**
 * "Get notified": asks the browser for permission and subscribes it, so the customer hears about
 * the order with the page closed. Every state says what is going on and what the customer can do.
 */
export function PushNotificationsControl() {
  const { state, turnOn, turnOff, turningOff } = usePushNotifications();
  if (state.status === 'checking' || state.status === 'off') return null;

  const body: ReactNode = (() => {
    switch (state.status) {
      case 'unsupported':
        return <p>{state.reason}</p>;
      case 'available':
      case 'subscribing':
        return (
          <>
            <p>
              Get a notification on this device when your order moves on, even with this page
              closed.
            </p>
            <Button
              size="sm"
              onClick={() => void turnOn()}
              pending={state.status === 'subscribing'}
              pendingLabel="Asking your browser…"
              data-testid="push-subscribe"
            >
              <BellIcon className="size-4" />
              Get notified
            </Button>
          </>
        );
      case 'denied':
        return (
          <p>
            Notifications are blocked for this site. To get them, allow notifications in your
            browser’s settings for this site (the icon beside the address), then reload this page.
          </p>
        );
      case 'on':
        return (
          <>
            <p>Notifications are on for this device.</p>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => void turnOff()}
              pending={turningOff}
              pendingLabel="Turning off…"
              data-testid="push-unsubscribe"
            >
              Turn off
            </Button>
          </>
        );
      case 'error':
        return (
          <>
            <p role="alert">{state.message}</p>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => void turnOn()}
              data-testid="push-subscribe"
            >
              Try again
            </Button>
          </>
        );
    }
  })();

  return (
    <div
      className="mb-4 flex flex-wrap items-center gap-3 rounded-xl bg-stone-50 p-3 text-sm text-stone-700 ring-1 ring-stone-200"
      aria-live="polite"
      data-testid="push-control"
      data-state={state.status}
    >
      {body}
    </div>
  );
}
