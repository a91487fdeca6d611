import { describe, expect, it } from 'vitest';
import {
  EmailTakenError,
  SignInThrottledError,
  StaffAccounts,
  WrongCredentialsError,
  WrongSiteError,
  openAccountsDatabase,
  seedDemoAccounts,
  signInStaff,
  staffAuth,
  type SignInLimits,
} from '../src';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@delivery/common';

const LOOSE: SignInLimits = {
  perClient: { points: 100, windowSeconds: 60 },
  perEmail: { points: 100, windowSeconds: 60 },
};

async function seeded(options: Parameters<typeof staffAuth>[1] = { limits: LOOSE }) {
  const database = openAccountsDatabase(':memory:');
  const auth = staffAuth(database, options);
  await seedDemoAccounts(auth.accounts);
  return { database, auth };
}

const dana = {
  email: 'dana@example.com',
  password: DEMO_PASSWORD,
  role: 'driver',
  client: '203.0.113.7',
} as const;

describe('staff accounts', () => {
  it('keeps an Argon2id hash, never the password, and a lowercased email', async () => {
    const database = openAccountsDatabase(':memory:');
    const accounts = new StaffAccounts(database);
    const added = await accounts.add({
      email: '  Ana.Lima@Example.COM ',
      name: 'Ana',
      role: 'driver',
      password: 'correct horse',
    });
    expect(added).toMatchObject({ email: 'ana.lima@example.com', name: 'Ana', role: 'driver' });
    expect(added.id).toMatch(/^ana-lima-[0-9a-f]{6}$/);
    const stored = database.prepare('SELECT password_hash FROM staff_accounts').get() as {
      password_hash: string;
    };
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.password_hash).not.toContain('correct horse');
    expect(await accounts.check('ANA.LIMA@example.com', 'correct horse')).toEqual(added);
    expect(await accounts.check('ana.lima@example.com', 'correct horsE')).toBeNull();
    await expect(
      accounts.add({
        email: 'ana.lima@example.com',
        name: 'Ana 2',
        role: 'driver',
        password: 'x'.repeat(8),
      }),
    ).rejects.toBeInstanceOf(EmailTakenError);
  });

  it('refuses a short password and an unknown role', async () => {
    const accounts = new StaffAccounts(openAccountsDatabase(':memory:'));
    await expect(
      accounts.add({ email: 'a@example.com', name: 'A', role: 'driver', password: 'short' }),
    ).rejects.toThrow('Passwords are at least 8 characters.');
    await expect(
      accounts.add({
        email: 'a@example.com',
        name: 'A',
        role: 'admin' as 'driver',
        password: 'long enough',
      }),
    ).rejects.toThrow('The role is driver or restaurant.');
  });

  it('seeds the demo accounts once, keeping their ids', async () => {
    const { auth } = await seeded();
    const first = auth.accounts.list();
    expect(first.map(({ email, name, role }) => ({ email, name, role }))).toEqual(
      [...DEMO_ACCOUNTS].sort(
        (a, b) => a.role.localeCompare(b.role) || a.email.localeCompare(b.email),
      ),
    );
    await seedDemoAccounts(auth.accounts);
    expect(auth.accounts.list()).toEqual(first);
  });

  it('takes as long for an unknown email as for a wrong password', async () => {
    const { auth } = await seeded();
    await auth.accounts.check('nobody@example.com', 'warm-up');
    const time = async (email: string) => {
      const started = performance.now();
      expect(await auth.accounts.check(email, 'not-the-password')).toBeNull();
      return performance.now() - started;
    };
    const unknown = await time('nobody@example.com');
    const known = await time('dana@example.com');
    // Both pay for one Argon2id check: neither is a fraction of the other.
    expect(unknown).toBeGreaterThan(known / 3);
    expect(known).toBeGreaterThan(unknown / 3);
  });
});

describe('staff sign-in and sessions', () => {
  it('opens a session that names the staff member on their own site only', async () => {
    const { auth } = await seeded();
    const { staff, session } = await signInStaff(auth, dana);
    expect(staff).toEqual({ id: expect.stringMatching(/^dana-[0-9a-f]{6}$/), name: 'Dana' });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(auth.sessions.find(session.token, 'driver')).toEqual(staff);
    expect(auth.sessions.find(session.token, 'restaurant')).toBeNull();
    expect(auth.sessions.find(`${session.token}x`, 'driver')).toBeNull();
  });

  it('stores only a hash of the session token', async () => {
    const { auth, database } = await seeded();
    const { session } = await signInStaff(auth, dana);
    const rows = database.prepare('SELECT token_hash FROM staff_sessions').all() as {
      token_hash: string;
    }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toBe(session.token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password, an unknown email and another account password alike', async () => {
    const { auth } = await seeded();
    for (const attempt of [
      { ...dana, password: 'delivery-demO' },
      { ...dana, email: 'nobody@example.com' },
      { ...dana, password: '' },
    ]) {
      await expect(signInStaff(auth, attempt)).rejects.toThrow(WrongCredentialsError);
    }
  });

  it("refuses a right password on the other site's sign-in", async () => {
    const { auth } = await seeded();
    await expect(signInStaff(auth, { ...dana, role: 'restaurant' })).rejects.toThrow(
      WrongSiteError,
    );
  });

  it('forgets a session when it expires, when it ends and when its account is removed', async () => {
    const { auth: shortLived } = await seeded({ limits: LOOSE, sessionLifetimeMs: 50 });
    const expiring = await signInStaff(shortLived, dana);
    expect(shortLived.sessions.find(expiring.session.token, 'driver')).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(shortLived.sessions.find(expiring.session.token, 'driver')).toBeNull();

    const { auth } = await seeded();
    const ended = await signInStaff(auth, dana);
    const other = await signInStaff(auth, dana);
    auth.sessions.end(ended.session.token);
    expect(auth.sessions.find(ended.session.token, 'driver')).toBeNull();
    expect(auth.sessions.find(other.session.token, 'driver')).not.toBeNull();
    expect(auth.accounts.remove('DANA@example.com')).toBe(true);
    expect(auth.sessions.find(other.session.token, 'driver')).toBeNull();
  });
});

describe('sign-in throttling', () => {
  const limits: SignInLimits = {
    perClient: { points: 5, windowSeconds: 1 },
    perEmail: { points: 3, windowSeconds: 1 },
  };

  it('slows an email down after its failures, says when to retry, and lets go after the window', async () => {
    const { auth } = await seeded({ limits });
    const wrong = { ...dana, password: 'guess' };
    for (let i = 0; i < 3; i++)
      await expect(signInStaff(auth, wrong)).rejects.toThrow(WrongCredentialsError);
    const throttled = await signInStaff(auth, dana).catch((error: unknown) => error);
    expect(throttled).toBeInstanceOf(SignInThrottledError);
    expect((throttled as SignInThrottledError).retryAfterSeconds).toBe(1);
    expect((throttled as Error).message).toBe('Too many failed sign-ins. Try again in 1 second.');
    // Sam's email, from another address, is not Dana's problem.
    await expect(
      signInStaff(auth, { ...dana, email: 'sam@example.com', client: '198.51.100.1' }),
    ).resolves.toMatchObject({ staff: { name: 'Sam' } });

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expect(signInStaff(auth, dana)).resolves.toMatchObject({ staff: { name: 'Dana' } });
  });

  it('slows a client down across emails, and a success does not wipe its failures', async () => {
    const { auth } = await seeded({ limits });
    const guess = (email: string) => signInStaff(auth, { ...dana, email, password: 'guess' });
    await expect(guess('a@example.com')).rejects.toThrow(WrongCredentialsError);
    await expect(guess('b@example.com')).rejects.toThrow(WrongCredentialsError);
    await expect(signInStaff(auth, dana)).resolves.toBeDefined();
    await expect(guess('c@example.com')).rejects.toThrow(WrongCredentialsError);
    await expect(guess('d@example.com')).rejects.toThrow(WrongCredentialsError);
    await expect(guess('e@example.com')).rejects.toThrow(WrongCredentialsError);
    await expect(signInStaff(auth, dana)).rejects.toThrow(SignInThrottledError);
    await expect(signInStaff(auth, { ...dana, client: '198.51.100.1' })).resolves.toBeDefined();
  });

  it('counts parallel guesses before checking them', async () => {
    const { auth } = await seeded({ limits });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => signInStaff(auth, { ...dana, password: 'guess' })),
    );
    const reasons = outcomes.map((outcome) => (outcome as PromiseRejectedResult).reason);
    expect(reasons.filter((reason) => reason instanceof WrongCredentialsError)).toHaveLength(3);
    expect(reasons.filter((reason) => reason instanceof SignInThrottledError)).toHaveLength(3);
  });

  it('shares its counts between processes opening the same file', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const path = join(mkdtempSync(join(tmpdir(), 'throttle-')), 'accounts.sqlite');
    const first = staffAuth(openAccountsDatabase(path), { limits });
    await seedDemoAccounts(first.accounts);
    const second = staffAuth(openAccountsDatabase(path), { limits });
    for (const auth of [first, second, first])
      await expect(signInStaff(auth, { ...dana, password: 'guess' })).rejects.toThrow(
        WrongCredentialsError,
      );
    await expect(signInStaff(second, dana)).rejects.toThrow(SignInThrottledError);
  });
});
