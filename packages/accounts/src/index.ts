export { openAccountsDatabase, type AccountsDatabase } from './database';
export { RateLimiter, type RateLimit } from './rate-limits';
export { accountsDatabasePath } from './database-path';
export {
  MAX_SUBSCRIPTIONS_PER_CUSTOMER,
  PushSubscriptions,
  type NewPushSubscription,
  type StoredPushSubscription,
} from './push-subscriptions';
export {
  EmailTakenError,
  SignInThrottledError,
  WrongCredentialsError,
  WrongSiteError,
} from './errors';
export { StaffAccounts, type StaffAccount } from './staff-accounts';
export { STAFF_ROLES, type NewStaffAccount, type StaffRole } from './staff-schemas';
export { STAFF_SESSION_MS, StaffSessions, type OpenedSession } from './staff-sessions';
export { SIGN_IN_LIMITS, SignInThrottle, type SignInLimits } from './sign-in-throttle';
export { signInStaff, staffAuth, type SignInAttempt, type StaffAuth } from './staff-sign-in';
export { seedDemoAccounts, seedStaff } from './demo-accounts';
