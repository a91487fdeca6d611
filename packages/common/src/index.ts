export * from './catalog';
export * from './failure-types';
export * from './money';
export * from './order';
export * from './payment-methods';
export * from './pricing';
export * from './schemas';
export * from './board';
