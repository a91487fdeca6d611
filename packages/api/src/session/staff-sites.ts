/** The sites staff sign in to, each with a session cookie of its own. */
export const STAFF_SITES = {
  driver: { role: 'driver', cookie: 'dd_driver' },
  restaurant: { role: 'restaurant', cookie: 'dd_staff' },
} as const;

export type StaffRole = keyof typeof STAFF_SITES;

export type StaffSite = (typeof STAFF_SITES)[StaffRole];

export const DRIVER_COOKIE = STAFF_SITES.driver.cookie;
export const RESTAURANT_COOKIE = STAFF_SITES.restaurant.cookie;
