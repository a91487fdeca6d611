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

export async function createMenuContext(
  { headers, resHeaders }: RequestContextOptions,
  services: ApiServices = sharedServices(),
): Promise<Context> {
  return createContext({
    ...services,
    resHeaders,
    customerId: customerSession(headers, resHeaders),
  });
}

export async function createDriverContext(
  { headers, resHeaders }: RequestContextOptions,
  services: ApiServices = sharedServices(),
): Promise<Context> {
  return createContext({
    ...services,
    resHeaders,
    driver: staffSession(headers, STAFF_SITES.driver, services.config.sessionSecret),
  });
}

export async function createRestaurantContext(
  { headers, resHeaders }: RequestContextOptions,
  services: ApiServices = sharedServices(),
): Promise<Context> {
  return createContext({
    ...services,
    resHeaders,
    restaurantStaff: staffSession(headers, STAFF_SITES.restaurant, services.config.sessionSecret),
  });
}
