import {
  PushSubscriptions,
  openAccountsDatabase,
  staffAuth,
  type AccountsDatabase,
  type StaffAuth,
} from '@delivery/accounts';
import { processConfig, type ApiConfig } from './config';
import { ChangeFeed } from './live/change-feed';
import { OrderRateLimit } from './order-rate-limit';
import { TemporalAccess } from './temporal/access';

/**
 * What every request of a process shares: its settings, its one Temporal client and change feed,
 * and the accounts database (staff, their sessions, sign-in throttling), opened once.
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
  const temporal = new TemporalAccess(config.temporal);
  const accountsDatabase = openAccountsDatabase(config.accountsDbPath);
  return {
    config,
    temporal,
    feed: new ChangeFeed(temporal, config.live),
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
