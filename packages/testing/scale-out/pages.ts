import type { OrderState, OrderStatus, OrderSummary } from '@delivery/common';
import { LivePage } from '@delivery/harness/live-page';
import type { Replicas } from '@delivery/harness/replicas';
import { until } from '@delivery/harness/until';
import { CUSTOMERS, DRIVERS, type DriverEmail, type PlannedOrder } from './plan';
import type { Sessions, Sites } from './site-users';

export type PageOwner =
  | { kind: 'order'; orderId: string }
  | { kind: 'my orders'; customer: number }
  | { kind: 'board'; driver: DriverEmail }
  | { kind: 'tickets' };

export interface Page {
  owner: PageOwner;
  label: string;
  live: LivePage<OrderStatus | OrderSummary>;
}

const KITCHEN_PAGES = 3;
const BOARD_PAGES_PER_DRIVER = 2;

/** The live pages of the suite's staff and customers, each connected through `streams`. */
export class Pages {
  readonly all: Page[] = [];

  constructor(
    private readonly streams: Sites,
    private readonly sessions: Sessions,
  ) {}

  /** The kitchen's ticket lists, the drivers' boards and every customer's list of orders. */
  openLists(): void {
    for (let i = 1; i <= KITCHEN_PAGES; i += 1)
      this.open({ kind: 'tickets' }, `kitchen tickets #${i}`, this.streams.restaurant, {
        procedure: 'ticketUpdates',
        cookie: this.sessions.kitchen,
      });
    for (const driver of DRIVERS)
      for (let i = 1; i <= BOARD_PAGES_PER_DRIVER; i += 1)
        this.open({ kind: 'board', driver }, `board of ${driver} #${i}`, this.streams.driver, {
          procedure: 'boardUpdates',
          cookie: this.sessions.drivers[driver],
        });
    for (let customer = 0; customer < CUSTOMERS; customer += 1)
      this.open(
        { kind: 'my orders', customer },
        `my orders of customer ${customer}`,
        this.streams.menu,
        {
          procedure: 'myOrderUpdates',
          cookie: this.sessions.customers[customer],
        },
      );
  }

  /** The customer's page of an order just placed. */
  openOrder(planned: PlannedOrder): void {
    this.open(
      { kind: 'order', orderId: planned.orderId },
      `order page (${planned.path})`,
      this.streams.menu,
      {
        procedure: 'orderUpdates',
        input: { orderId: planned.orderId },
        cookie: this.sessions.customers[planned.customer],
      },
    );
  }

  /**
   * Every page connects again, one after the other, so the pages of each site alternate between
   * its replicas (a replica just added gets its share).
   */
  async rebalance(): Promise<void> {
    for (const page of this.all) {
      if (page.live.returned) continue;
      const connections = page.live.connections;
      page.live.moveOn();
      await until(
        async () => page.live.connections > connections,
        `${page.label} reconnected`,
        30_000,
        20,
      );
    }
  }

  /** Each order's latest state as its customer's list of orders shows it. */
  customersView(): Map<string, OrderState> {
    const latest = new Map<string, OrderSummary>();
    for (const { owner, live } of this.all) {
      if (owner.kind !== 'my orders') continue;
      // A list's subscription carries rows.
      for (const { data: row } of live.arrivals as Array<{ data: OrderSummary }>) {
        const seen = latest.get(row.orderId);
        if (!seen || seen.updatedAt <= row.updatedAt) latest.set(row.orderId, row);
      }
    }
    return new Map([...latest].map(([orderId, row]) => [orderId, row.state]));
  }

  /** How many pages each replica serves now. */
  spread(): Map<string, number> {
    const spread = new Map<string, number>();
    for (const { live } of this.all)
      if (live.replica) spread.set(live.replica, (spread.get(live.replica) ?? 0) + 1);
    return spread;
  }

  closeAll(): Promise<void[]> {
    return Promise.all(this.all.map((page) => page.live.close()));
  }

  private open(
    owner: PageOwner,
    label: string,
    replicas: Replicas,
    options: ConstructorParameters<typeof LivePage>[1],
  ): void {
    this.all.push({ owner, label, live: new LivePage(replicas, options) });
  }
}
