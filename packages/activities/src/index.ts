export * from './activities';
export * from './notifications/channel';
export * from './notifications/recording-channel';
export * from './payments-client';
export * from './notifications/sent-notifications';
