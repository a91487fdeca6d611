import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, StaffSessions, type StaffRole } from '@delivery/accounts';
import { DEMO_PASSWORD, type Staff } from '@delivery/common';
import {
  DRIVER_COOKIE,
  RESTAURANT_COOKIE,
  createCallerFactory,
  createDriverContext,
  createRestaurantContext,
  driverRouter,
  restaurantRouter,
  type Context,
  type RequestContextOptions,
} from '../src';
import { sign } from '../src/session/signing';
import { services } from './support/services';
import { expectError } from './support/wait';

type Procedure = (input?: unknown) => Promise<unknown>;

interface StaffSite {
  site: StaffRole;
  cookie: string;
  /** What sign-in names the staff member in its answer. */
  key: string;
  /** A demo account of the site (DESIGN.md). */
  demoEmail: string;
  /** Every procedure of the site's router, by name. */
  paths: string[];
  caller(context: Context): Record<string, Procedure>;
  createContext(options: RequestContextOptions): Promise<Context>;
}

const SITES: StaffSite[] = [
  {
    site: 'driver',
    cookie: DRIVER_COOKIE,
    key: 'driver',
    demoEmail: 'dana@example.com',
    paths: Object.keys(driverRouter._def.procedures),
    caller: (context) => createCallerFactory(driverRouter)(context) as never,
    createContext: (options) => createDriverContext(options, services),
  },
  {
    site: 'restaurant',
    cookie: RESTAURANT_COOKIE,
    key: 'staff',
    demoEmail: 'kitchen@example.com',
    paths: Object.keys(restaurantRouter._def.procedures),
    caller: (context) => createCallerFactory(restaurantRouter)(context) as never,
    createContext: (options) => createRestaurantContext(options, services),
  },
];

const SESSION_PROCEDURES = ['signIn', 'signOut', 'me'];

const cookiePair = (setCookie: string | undefined) => setCookie?.split(';')[0];

/** A cookie we would have signed for `token`: what a client holding a session token sends. */
const signedCookie = (name: string, token: string) =>
  `${name}=${sign(token, services.config.sessionSecret)}`;

/** Two accounts of `role` with passwords of their own, so one's password cannot open the other. */
async function twoAccounts(role: StaffRole) {
  const account = async (name: string) => {
    const email = `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
    const password = `${name} ${randomBytes(6).toString('hex')}`;
    const added = await services.staff.accounts.add({ email, name, role, password });
    return { ...added, password };
  };
  return { ines: await account('Ines'), jo: await account('Jo') };
}

describe.each(SITES)(
  '$site site session',
  ({ site, cookie, key, demoEmail, paths, caller, createContext }) => {
    /** A request to the site: the context comes from the request's cookies, as in the Next route. */
    async function request(cookieHeader?: string) {
      const resHeaders = new Headers();
      const headers = new Headers(cookieHeader ? { cookie: cookieHeader } : {});
      const context = await createContext({ headers, resHeaders });
      const procedures = caller(context);
      const session = {
        signIn: (input: unknown) => procedures.signIn!(input) as Promise<Record<string, Staff>>,
        signOut: () => procedures.signOut!() as Promise<Record<string, null>>,
        me: () => procedures.me!() as Promise<Staff | null>,
      };
      const sessionCookie = () =>
        resHeaders.getSetCookie().find((line) => line.startsWith(`${cookie}=`));
      return { session, procedures, sessionCookie };
    }

    async function signedIn(email = demoEmail, password = DEMO_PASSWORD) {
      const { session, sessionCookie } = await request();
      const { [key]: staff } = await session.signIn({ email, password });
      return { staff: staff!, cookie: cookiePair(sessionCookie())! };
    }

    /** Every procedure of the site but signing in and out, and `me`: all need a session. */
    const staffProcedures = paths.filter((path) => !SESSION_PROCEDURES.includes(path));

    async function expectEveryStaffProcedureRefused(cookieHeader: string | undefined) {
      const { procedures, session } = await request(cookieHeader);
      expect(await session.me()).toBeNull();
      for (const path of staffProcedures)
        await expectError(
          procedures[path]!({ orderId: randomUUID() }),
          'UNAUTHORIZED',
          'Sign in first.',
        );
    }

    let accounts: Awaited<ReturnType<typeof twoAccounts>>;
    beforeAll(async () => {
      accounts = await twoAccounts(site);
    });

    it('has staff procedures to guard', () => {
      expect(staffProcedures.length).toBeGreaterThanOrEqual(3);
    });

    it('signs in with email and password, keeps the session server-side, and signs out', async () => {
      const first = await request();
      const answer = await first.session.signIn({
        email: ` ${demoEmail.toUpperCase()} `,
        password: DEMO_PASSWORD,
      });
      expect(answer).toEqual({
        [key]: { id: expect.stringMatching(/^[a-z0-9-]+$/), name: expect.any(String) },
      });
      const setCookie = first.sessionCookie();
      expect(setCookie).toMatch(/; Max-Age=43(199|200); HttpOnly; SameSite=Lax$/);
      expect(setCookie).toMatch(/Path=\//);

      const next = await request(cookiePair(setCookie));
      expect(await next.session.me()).toEqual(answer[key]);
      for (const path of staffProcedures.filter((path) => !path.endsWith('Updates')))
        await expect(
          next.procedures[path]!({ orderId: randomUUID(), prepMinutes: 5, reason: 'Closed.' }),
        ).rejects.not.toMatchObject({ code: 'UNAUTHORIZED' });

      expect(await next.session.signOut()).toEqual({ [key]: null });
      expect(next.sessionCookie()).toMatch(new RegExp(`^${cookie}=; .*Max-Age=0`));
      // The old cookie, kept by whoever copied it, no longer opens anything.
      await expectEveryStaffProcedureRefused(cookiePair(setCookie));
    });

    it('refuses every staff procedure without a session', async () => {
      await expectEveryStaffProcedureRefused(undefined);
    });

    it('refuses a wrong password and an unknown email alike, setting no cookie', async () => {
      for (const input of [
        { email: demoEmail, password: 'delivery-demO' },
        { email: `nobody-${randomUUID()}@example.com`, password: DEMO_PASSWORD },
        { email: accounts.ines.email, password: accounts.jo.password },
      ]) {
        const { session, sessionCookie } = await request();
        await expectError(session.signIn(input), 'UNAUTHORIZED', 'Wrong email or password.');
        expect(sessionCookie()).toBeUndefined();
      }
      expect(await (await signedIn(accounts.ines.email, accounts.ines.password)).staff).toEqual({
        id: accounts.ines.id,
        name: 'Ines',
      });
    });

    it("does not sign anyone in under another's name, or without a password", async () => {
      const { session, sessionCookie } = await request();
      await expectError(
        session.signIn({ name: 'Dana' }),
        'BAD_REQUEST',
        'Enter your email address.',
      );
      await expectError(
        session.signIn({ email: accounts.ines.email }),
        'BAD_REQUEST',
        'Enter your password.',
      );
      await expectError(
        session.signIn({ email: accounts.ines.email, password: '' }),
        'BAD_REQUEST',
        'Enter your password.',
      );
      await expectError(
        session.signIn({
          email: accounts.ines.email,
          password: accounts.ines.password,
          name: 'Jo',
        }),
        'BAD_REQUEST',
      );
      await expectError(
        session.signIn({ email: 'not an email', password: DEMO_PASSWORD }),
        'BAD_REQUEST',
        'Enter a valid email address.',
      );
      expect(sessionCookie()).toBeUndefined();
    });

    it('does not trust a forged or edited session cookie', async () => {
      const { cookie: real } = await signedIn(accounts.jo.email, accounts.jo.password);
      const [token, signature] = real.slice(cookie.length + 1).split('.');
      const edited = `${token!.slice(0, -1)}${token!.endsWith('A') ? 'B' : 'A'}`;
      await expectEveryStaffProcedureRefused(`${cookie}=${edited}.${signature}`);
      await expectEveryStaffProcedureRefused(`${cookie}=${token}`);
      await expectEveryStaffProcedureRefused(`${cookie}=${sign(token!, 'another-secret')}`);
      // Signed with the right secret, but no session of ours: a guessed token.
      await expectEveryStaffProcedureRefused(
        signedCookie(cookie, randomBytes(32).toString('base64url')),
      );
      expect(await (await request(real)).session.me()).toMatchObject({ name: 'Jo' });
    });

    it('refuses an expired session', async () => {
      const shortLived = new StaffSessions(services.accountsDatabase, { lifetimeMs: 30 });
      const account = services.staff.accounts.find(accounts.jo.email)!;
      const { token } = shortLived.open(account);
      expect(await (await request(signedCookie(cookie, token))).session.me()).toMatchObject({
        name: 'Jo',
      });
      await new Promise((resolve) => setTimeout(resolve, 60));
      await expectEveryStaffProcedureRefused(signedCookie(cookie, token));
    });

    it("does not take the other site's session, even under this site's cookie name", async () => {
      const other = SITES.find((candidate) => candidate.site !== site)!;
      const resHeaders = new Headers();
      const otherCaller = other.caller(
        await other.createContext({ headers: new Headers(), resHeaders }),
      );
      await otherCaller.signIn!({ email: other.demoEmail, password: DEMO_PASSWORD });
      const otherCookie = cookiePair(
        resHeaders.getSetCookie().find((line) => line.startsWith(`${other.cookie}=`)),
      )!;
      await expectEveryStaffProcedureRefused(otherCookie);
      await expectEveryStaffProcedureRefused(
        `${cookie}=${otherCookie.slice(other.cookie.length + 1)}`,
      );
    });

    it("refuses the other site's account, even with its right password", async () => {
      const other = SITES.find((candidate) => candidate.site !== site)!;
      const { session, sessionCookie } = await request();
      await expectError(
        session.signIn({ email: other.demoEmail, password: DEMO_PASSWORD }),
        'FORBIDDEN',
        /^This account is for (drivers|the restaurant): sign in there\.$/,
      );
      expect(sessionCookie()).toBeUndefined();
    });

    it('slows down repeated failed sign-ins to one email, and says when to try again', async () => {
      const { session } = await request();
      const guess = () => session.signIn({ email: accounts.jo.email, password: 'guess' });
      for (let i = 0; i < SIGN_IN_LIMITS.perEmail.points; i++)
        await expectError(guess(), 'UNAUTHORIZED', 'Wrong email or password.');
      await expectError(
        guess(),
        'TOO_MANY_REQUESTS',
        /^Too many failed sign-ins\. Try again in 15 minutes\.$/,
      );
      // The right password waits too: the guesser cannot tell it from a wrong one.
      await expectError(
        session.signIn({ email: accounts.jo.email, password: accounts.jo.password }),
        'TOO_MANY_REQUESTS',
      );
      expect(await (await signedIn(accounts.ines.email, accounts.ines.password)).staff.name).toBe(
        'Ines',
      );
    });
  },
);
