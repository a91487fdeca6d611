import { DEMO_PASSWORD } from '@delivery/common';
import type { Replicas } from '@delivery/harness/replicas';
import { trpcError, type TrpcResponse } from '@delivery/harness/trpc-http';
import { CUSTOMERS, DRIVERS, type DriverEmail } from './plan';
import { ACTION_PATIENCE_MS } from './settings';

/** Each site as its users reach it: through the load balancing over its replicas. */
export interface Sites {
  menu: Replicas;
  driver: Replicas;
  restaurant: Replicas;
}

/** Who the suite acts as: each with the cookie the site gave them. */
export interface Sessions {
  customers: string[];
  drivers: Record<DriverEmail, string>;
  kitchen: string;
}

const KITCHEN_EMAIL = 'kitchen@example.com';

const cookieOf = (response: TrpcResponse): string =>
  response.setCookie.map((cookie) => cookie.split(';')[0]).join('; ');

const describe = (response: TrpcResponse): string => {
  const { code, message } = trpcError(response);
  return `${response.status} ${code}: ${message}`;
};

/**
 * The data of a call's answer. A call no replica answered, or answered as unavailable (Temporal
 * or the order's worker was restarting), is sent again, the same request, for a while; any other
 * refusal fails with what the site said.
 */
export async function answered<T>(what: string, send: () => Promise<TrpcResponse>): Promise<T> {
  const deadline = Date.now() + ACTION_PATIENCE_MS;
  for (;;) {
    const response = await send().catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    if (!(response instanceof Error)) {
      if (response.status === 200) return (response.body as { result: { data: T } }).result.data;
      if (response.status !== 503) throw new Error(`${what} was refused: ${describe(response)}`);
    }
    if (Date.now() > deadline) {
      const problem = response instanceof Error ? response.message : describe(response);
      throw new Error(`${what} never went through: ${problem}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Customers as a browser becomes one (the menu's first answer sets the signed cookie), and the
 * seeded demo drivers and kitchen signed in with their password.
 */
export async function openSessions(sites: Sites): Promise<Sessions> {
  const customers: string[] = [];
  for (let i = 0; i < CUSTOMERS; i += 1)
    customers.push(cookieOf(await sites.menu.query('products')));
  const signIn = async (site: Replicas, email: string) => {
    const response = await site.mutation('signIn', { input: { email, password: DEMO_PASSWORD } });
    if (response.status !== 200)
      throw new Error(`${email} could not sign in: ${JSON.stringify(response.body)}`);
    return cookieOf(response);
  };
  const drivers = {} as Record<DriverEmail, string>;
  for (const email of DRIVERS) drivers[email] = await signIn(sites.driver, email);
  return { customers, drivers, kitchen: await signIn(sites.restaurant, KITCHEN_EMAIL) };
}
