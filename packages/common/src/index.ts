export * from './catalog';
export * from './failure-types';
export * from './money';
export * from './order-model';
export * from './order-states';
export * from './payment-methods';
export * from './pricing';
export * from './schemas';
