import type { Driver, Staff } from '@delivery/common';
import { clientAddressOf } from './client-address';
import { sharedServices, type ApiServices } from './services';
import { customerSession } from './session/customer';
import { staffSession } from './session/staff';
import { STAFF_SITES } from './session/staff-sites';

/** What one request knows besides the process's services. */
interface RequestState {
  /** Headers of the request, for the session cookies. */
  headers: Headers;
  /** Headers of the response, for the session cookies. */
  resHeaders: Headers;
  /** Whether the request came over HTTPS, so the cookies set are `Secure`. */
  secure: boolean;
  /** The menu's anonymous customer (a new one when the request had no valid cookie); `null` on the staff sites. */
  customerId: string | null;
  /** Where the request came from, for limits per address; `null` when not over HTTP. */
  clientAddress: string | null;
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
  /** Served over HTTPS, so cookies set are `Secure`. */
  secure?: boolean;
}

/** A context from services and explicit parts, e.g. a test's customer, driver or kitchen. */
export function createContext(parts: ApiServices & Partial<RequestState>): Context {
  return {
    headers: new Headers(),
    resHeaders: new Headers(),
    secure: false,
    customerId: null,
    clientAddress: null,
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
    createContext({
      ...services,
      headers: request.headers,
      resHeaders: request.resHeaders,
      secure: request.secure ?? false,
      ...read(request, services),
    });

export const createMenuContext = siteContext(
  ({ headers, resHeaders, secure = false }, { config }) => ({
    customerId: customerSession(headers, resHeaders, { secret: config.sessionSecret, secure }),
    clientAddress: clientAddressOf(headers),
  }),
);

export const createDriverContext = siteContext(({ headers }, services) => ({
  driver: staffSession(headers, STAFF_SITES.driver, services),
  clientAddress: clientAddressOf(headers),
}));

export const createRestaurantContext = siteContext(({ headers }, services) => ({
  restaurantStaff: staffSession(headers, STAFF_SITES.restaurant, services),
  clientAddress: clientAddressOf(headers),
}));
