import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD, type OrderSummary } from '@delivery/common';
import { DRIVER_COOKIE } from '@delivery/api/session';
import { trpcHttp } from '@delivery/harness/trpc-http';
import { DRIVER_URL } from '../config';
import { SiteClient, whileTryAgain } from '../http/site-client';

export interface BoardPage {
  orders: OrderSummary[];
  nextCursor: string | null;
}

/** A signed-in driver of the driver site. */
export class Driver {
  private constructor(private readonly site: SiteClient) {}

  /** Signs in with an account the bench stack seeded, keeping the session cookie the site sets. */
  static async signIn({ email }: { email: string }): Promise<Driver> {
    const response = await trpcHttp(DRIVER_URL).mutation('signIn', {
      input: { email, password: DEMO_PASSWORD },
    });
    const cookie = response.setCookie.find((line) => line.startsWith(`${DRIVER_COOKIE}=`));
    if (response.status !== 200 || !cookie)
      throw new Error(`signIn answered ${response.status}: ${JSON.stringify(response.body)}`);
    return new Driver(new SiteClient(DRIVER_URL, cookie.split(';')[0]!));
  }

  /** The first page of the board, as the driver site loads it. */
  board(): Promise<BoardPage> {
    return this.site.query<BoardPage>('getOrders');
  }

  pickUp(orderId: string): Promise<unknown> {
    return this.act('pickUp', orderId);
  }

  deliver(orderId: string): Promise<unknown> {
    return this.act('deliver', orderId);
  }

  /** One tap: a new request, tapped again while the site answers "try again". */
  private act(procedure: 'pickUp' | 'deliver', orderId: string): Promise<unknown> {
    const requestId = randomUUID();
    return whileTryAgain(() => this.site.mutation(procedure, { orderId, requestId }));
  }
}
