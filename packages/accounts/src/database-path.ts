/**
 * Where the accounts database lives, read the same way by the sites, the worker and the CLI.
 * There is no default: each Next site runs in its own folder, so a relative default would give
 * every site a database of its own, and a driver signed in on one replica unknown to the next.
 */
export function accountsDatabasePath(
  env: Record<string, string | undefined> = process.env,
): string {
  const path = env.ACCOUNTS_DB_PATH;
  if (!path) {
    throw new Error(
      'ACCOUNTS_DB_PATH is not set: give every site and the worker the path of the one accounts ' +
        'database (`pnpm dev` uses .data/accounts.sqlite).',
    );
  }
  return path;
}
