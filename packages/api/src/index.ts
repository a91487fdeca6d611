export { menuRouter, type MenuRouter } from './routers/menu';
export { driverRouter, type DriverRouter } from './routers/driver';
export {
  createContext,
  createDriverContext,
  createMenuContext,
  type Context,
  type RequestContextOptions,
} from './context';
export { createCallerFactory } from './trpc';
export { ChangeFeed, feedStats, type FeedStats } from './live/change-feed';
export { TemporalAccess } from './temporal-client';
export { CUSTOMER_COOKIE, DRIVER_COOKIE } from './session';
