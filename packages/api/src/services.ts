import {
  PushSubscriptions,
  openAccountsDatabase,
  staffAuth,
  type AccountsDatabase,
  type StaffAuth,
} from '@delivery/accounts';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { openOrderEventBus } from '@delivery/events';
import { processConfig, type ApiConfig } from './config';
import { ChangeFeed } from './live/change-feed';
import { OrderRateLimit } from './order-rate-limit';
import { TemporalAccess } from './temporal/access';

/**
 * What every request of a process shares: its settings, its one Temporal client, its one change
 * feed (a subscription to the order events), and the accounts database (staff, their sessions,
 * sign-in throttling), opened once.
 */
export interface ApiServices {
  config: ApiConfig;
  temporal: TemporalAccess;
  feed: ChangeFeed;
  accountsDatabase: AccountsDatabase;
  staff: StaffAuth;
  /** Counted in the accounts database, so every replica of the menu enforces one limit. */
  orderRateLimit: OrderRateLimit;
  /** Customers' browsers to notify; the worker sends to them. */
  pushSubscriptions: PushSubscriptions;
}

export function createServices(config: ApiConfig): ApiServices {
  // Starting, signalling or querying an order continues the request's trace into the workflow.
  const temporal = new TemporalAccess(config.temporal, {
    workflow: [new OpenTelemetryWorkflowClientInterceptor()],
  });
  const accountsDatabase = openAccountsDatabase(config.accountsDbPath);
  return {
    config,
    temporal,
    feed: new ChangeFeed(temporal, openOrderEventBus(config.orderEvents)),
    accountsDatabase,
    staff: staffAuth(accountsDatabase),
    orderRateLimit: new OrderRateLimit(accountsDatabase, config.orderRateLimit),
    pushSubscriptions: new PushSubscriptions(accountsDatabase),
  };
}

const shared = Symbol.for('@delivery/api/services');
type SharedHolder = { [shared]?: ApiServices };

/** The process's services, kept on globalThis so Next's hot reload does not open new connections. */
export function sharedServices(): ApiServices {
  const holder = globalThis as SharedHolder;
  return (holder[shared] ??= createServices(processConfig()));
}
