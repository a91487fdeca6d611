// First, before any schema parses anything.
import './zod-jitless';
export * from './batching';
export * from './catalog';
export * from './demo-accounts';
export * from './failure-types';
export * from './money';
export * from './money-state';
export * from './order-model';
export * from './order-summary';
export * from './order-states';
export * from './payment-methods';
export * from './pricing';
export * from './push-message';
export * from './push-services';
export * from './push-subscription';
export * from './schemas';
