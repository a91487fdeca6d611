export { menuRouter, type MenuRouter } from './routers/menu';
export { driverRouter, type DriverRouter } from './routers/driver';
export { restaurantRouter, type RestaurantRouter } from './routers/restaurant';
export {
  createContext,
  createDriverContext,
  createMenuContext,
  createRestaurantContext,
  type Context,
  type RequestContextOptions,
} from './context';
export { createCallerFactory } from './trpc';
export { createRouteHandler } from './route-handler';
export { createApiRoute } from './api-route';
export { configFromEnv, type ApiConfig } from './config';
export { createServices, type ApiServices } from './services';
export { ChangeFeed, type FeedStats } from './live/change-feed';
export { TemporalAccess } from './temporal/access';
export { placeOrder } from './temporal/orders';
export { CUSTOMER_COOKIE, DRIVER_COOKIE, RESTAURANT_COOKIE } from './session';
