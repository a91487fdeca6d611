import type { Driver } from '@delivery/common';
import { sharedServices, type ApiServices } from './services';
import { customerSession } from './session/customer';
import { driverSession } from './session/driver';

/** What one request knows besides the process's services. */
interface RequestState {
  /** Headers of the response, for the session cookies. */
  resHeaders: Headers;
  /** The menu's anonymous customer; `null` on the driver site or when the cookie was not ours. */
  customerId: string | null;
  /** The signed-in driver on the driver site, or `null`. */
  driver: Driver | null;
}

export interface Context extends ApiServices, RequestState {}

/** What a fetch adapter (Next route handler) knows about a request. */
export interface RequestContextOptions {
  headers: Headers;
  resHeaders: Headers;
}

/** A context from services and explicit parts, e.g. a test's customer or driver. */
export function createContext(parts: ApiServices & Partial<RequestState>): Context {
  return { resHeaders: new Headers(), customerId: null, driver: null, ...parts };
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
    driver: driverSession(headers, services.config.sessionSecret),
  });
}
