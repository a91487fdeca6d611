import { processConfig, type ApiConfig } from './config';
import { ChangeFeed } from './live/change-feed';
import { TemporalAccess } from './temporal/access';

/** What every request of a process shares: its settings, its one Temporal client and change feed. */
export interface ApiServices {
  config: ApiConfig;
  temporal: TemporalAccess;
  feed: ChangeFeed;
}

export function createServices(config: ApiConfig): ApiServices {
  const temporal = new TemporalAccess(config.temporal);
  return { config, temporal, feed: new ChangeFeed(temporal, config.live) };
}

const shared = Symbol.for('@delivery/api/services');
type SharedHolder = { [shared]?: ApiServices };

/** The process's services, kept on globalThis so Next's hot reload does not open new connections. */
export function sharedServices(): ApiServices {
  const holder = globalThis as SharedHolder;
  return (holder[shared] ??= createServices(processConfig()));
}
