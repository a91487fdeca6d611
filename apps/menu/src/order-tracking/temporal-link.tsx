import { ExternalLinkIcon } from '@delivery/ui/icons';

/** Set in .env.development for `next dev`; a deployment sets it at build time or goes without. */
const TEMPORAL_UI_URL = process.env.NEXT_PUBLIC_TEMPORAL_UI_URL;

/** For the curious: the order's workflow, its history and its timers, in Temporal's own UI. */
export function TemporalLink({ orderId }: { orderId: string }) {
  if (!TEMPORAL_UI_URL) return null;
  const href = `${TEMPORAL_UI_URL.replace(/\/$/, '')}/namespaces/default/workflows/order-${orderId}`;
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      className="inline-flex items-center gap-2 text-sm font-semibold text-brand-800 underline-offset-4 hover:underline"
      data-testid="temporal-link"
    >
      View workflow in Temporal UI
      <ExternalLinkIcon />
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}
