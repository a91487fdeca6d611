/** The mark and name of the service; `site` names which side of it this is. */
export function Logo({ site }: { site?: string }) {
  return (
    <span className="flex items-center gap-2">
      <svg viewBox="0 0 32 32" aria-hidden className="size-8 shrink-0">
        <rect width="32" height="32" rx="9" fill="var(--color-brand-700)" />
        <path d="M7 16h18a9 9 0 0 1-18 0Z" fill="#fff" />
        <path
          d="M10 13c1.5-2 3-2 4.5 0M15.5 11c1.5-2 3-2 4.5 0"
          stroke="#ffcfc2"
          strokeWidth="1.8"
          strokeLinecap="round"
          fill="none"
        />
      </svg>
      <span className="leading-tight whitespace-nowrap">
        <span className="block text-sm font-bold tracking-tight text-stone-900 sm:text-base">
          Durable Delivery
        </span>
        {site && <span className="block text-xs font-medium text-stone-600">{site}</span>}
      </span>
    </span>
  );
}
