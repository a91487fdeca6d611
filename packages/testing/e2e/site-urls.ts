import { PORTS, localUrl } from '@delivery/harness/ports';

/** Where the end-to-end stack's sites listen. */
export const menuUrl = localUrl(PORTS.e2e.menu);
export const driverUrl = localUrl(PORTS.e2e.driver);
export const restaurantUrl = localUrl(PORTS.e2e.restaurant);

/** Names the variable that tells the specs where the stack's accounts database is. */
export const E2E_ACCOUNTS_DB = 'E2E_ACCOUNTS_DB_PATH';
