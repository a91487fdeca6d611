export { openAccountsDatabase, type AccountsDatabase } from './database';
