import type { Driver, Staff } from '@delivery/common';
import { sharedServices, type ApiServices } from './services';
import { customerSession } from './session/customer';
import { staffSession } from './session/staff';
import { STAFF_SITES } from './session/staff-sites';

/** What one request knows besides the process's services. */
interface RequestState {
  /** Headers of the response, for the session cookies. */
  resHeaders: Headers;
  /** The menu's anonymous customer; `null` on the staff sites or when the cookie was not ours. */
  customerId: string | null;
  /** The signed-in driver on the driver site, or `null`. */
  driver: Driver | null;
  /** The restaurant's signed-in staff member on the restaurant site, or `null`. */
  restaurantStaff: Staff | null;
}

export interface Context extends ApiServices, RequestState {}

/** What a fetch adapter (Next route handler) knows about a request. */
export interface RequestContextOptions {
  headers: Headers;
  resHeaders: Headers;
}

/** A context from services and explicit parts, e.g. a test's customer, driver or kitchen. */
export function createContext(parts: ApiServices & Partial<RequestState>): Context {
  return {
    resHeaders: new Headers(),
    customerId: null,
    driver: null,
    restaurantStaff: null,
    ...parts,
  };
}

/** A site's context factory: the process's services and the session `read` finds in the request. */
const siteContext =
  (read: (request: RequestContextOptions, services: ApiServices) => Partial<RequestState>) =>
  async (
    request: RequestContextOptions,
    services: ApiServices = sharedServices(),
  ): Promise<Context> =>
    createContext({ ...services, resHeaders: request.resHeaders, ...read(request, services) });

export const createMenuContext = siteContext(({ headers, resHeaders }) => ({
  customerId: customerSession(headers, resHeaders),
}));

export const createDriverContext = siteContext(({ headers }, { config }) => ({
  driver: staffSession(headers, STAFF_SITES.driver, config.sessionSecret),
}));

export const createRestaurantContext = siteContext(({ headers }, { config }) => ({
  restaurantStaff: staffSession(headers, STAFF_SITES.restaurant, config.sessionSecret),
}));
