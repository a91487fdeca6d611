const SECOND = 1_000;

/**
 * The order windows every site replica starts orders with (ORDER_*_WINDOW_MS): short enough that
 * the orders left waiting end within the suite, long enough that an order acted on in time meets
 * them through a worker's death (its cached orders wait out the sticky queue's timeout).
 */
export const WINDOWS_MS = {
  restaurant: 45 * SECOND,
  pickup: 30 * SECOND,
  delivery: 30 * SECOND,
  ratingWindow: 90 * SECOND,
};

/** What every replica of every site is started with, besides where Temporal and the broker are. */
export const SITE_ENV = {
  ORDER_RESTAURANT_WINDOW_MS: String(WINDOWS_MS.restaurant),
  ORDER_PICKUP_WINDOW_MS: String(WINDOWS_MS.pickup),
  ORDER_DELIVERY_WINDOW_MS: String(WINDOWS_MS.delivery),
  ORDER_RATING_DELAY_MS: '0',
  ORDER_RATING_WINDOW_MS: String(WINDOWS_MS.ratingWindow),
  // The replicas sign and check each other's cookies, as one deployment's do.
  SESSION_SECRET: 'scale-out-suite-session-secret-shared-by-every-replica',
  // The suite's customers place hundreds of orders from this one machine.
  ORDER_RATE_LIMIT: '100000',
  ORDER_RATE_LIMIT_PER_ADDRESS: '100000',
  NEXT_TELEMETRY_DISABLED: '1',
};

/** Orders start in waves: two while one replica serves each site, two with two, two during the kills. */
export const WAVES = 6;

/**
 * How long each Visibility window counts calls; its two waves start over most of it. That pace,
 * about 2 orders a second, leaves room on a 2-core machine running the whole cluster: at 3 a
 * second, activities waited seconds for a worker in some runs (docs/deploy.md).
 */
export const VISIBILITY_WINDOW_MS = 40 * SECOND;

/** The last two waves start over this long, while the kills happen in turn. */
export const KILL_PHASE_MS = 55 * SECOND;

/** A page must show each change this soon (the p95 of every page's lag). */
export const CONVERGENCE_P95_MS = 2 * SECOND;

/** How long an action keeps being sent while the sites or Temporal answer that they are unavailable. */
export const ACTION_PATIENCE_MS = 60 * SECOND;
