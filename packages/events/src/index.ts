export * from './order-event';
export * from './order-event-bus';
export * from './bus-settings';
export { EmbeddedOrderEventBus } from './embedded-bus';
export { NatsOrderEventBus } from './nats-bus';
