export * from './activities';
export * from './notifications/channel';
export * from './notifications/notification-channels';
export * from './notifications/recording-channel';
export * from './notifications/web-push-channel';
export * from './payments-client';
export * from './notifications/sent-notifications';
