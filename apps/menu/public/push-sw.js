/* global self, clients, URL */
// The menu's service worker: shows the order updates the worker pushes, and opens the order's page
// when one is clicked. A static same-origin file, so the CSP's `worker-src 'self'` covers it.

self.addEventListener('push', (event) => {
  const push = event.data?.json();
  if (!push) return;
  event.waitUntil(
    self.registration.showNotification(`Order ${push.orderId.slice(0, 8)}`, {
      body: push.message,
      // One notice per order and event: a push sent again replaces the first instead of stacking.
      tag: `${push.orderId}:${push.event}`,
      data: { url: push.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? '/', self.location.origin).href;
  event.waitUntil(
    clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((window) => window.url === url);
      return open ? open.focus() : clients.openWindow(url);
    }),
  );
});
