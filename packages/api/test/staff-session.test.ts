import { describe, expect, it } from 'vitest';
import type { Staff } from '@delivery/common';
import {
  DRIVER_COOKIE,
  RESTAURANT_COOKIE,
  createCallerFactory,
  createDriverContext,
  createRestaurantContext,
  driverRouter,
  restaurantRouter,
  type ApiServices,
  type Context,
  type RequestContextOptions,
} from '../src';
import { services, testConfig } from './support/services';
import { expectError } from './support/wait';

/** What both staff sites offer of a session; `signIn` answers with the staff member under `key`. */
interface SessionCaller {
  signIn(input: { name: string; passcode?: string }): Promise<Record<string, Staff>>;
  signOut(): Promise<Record<string, null>>;
  me(): Promise<Staff | null>;
}

interface StaffSite {
  site: string;
  cookie: string;
  /** What sign-in names the staff member in its answer. */
  key: string;
  createContext(options: RequestContextOptions, services: ApiServices): Promise<Context>;
  caller(context: Context): SessionCaller;
}

const SITES: StaffSite[] = [
  {
    site: 'driver',
    cookie: DRIVER_COOKIE,
    key: 'driver',
    createContext: createDriverContext,
    caller: createCallerFactory(driverRouter),
  },
  {
    site: 'restaurant',
    cookie: RESTAURANT_COOKIE,
    key: 'staff',
    createContext: createRestaurantContext,
    caller: createCallerFactory(restaurantRouter),
  },
];

const cookiePair = (setCookie: string | undefined) => setCookie?.split(';')[0];

/** The signed token of a `cookie=token` pair. */
const tokenOf = (pair: string | undefined) => pair!.slice(pair!.indexOf('=') + 1);

describe.each(SITES)('$site site session', ({ site, cookie, key, createContext, caller }) => {
  /** A request to the site: the context comes from the request's cookies, as in the Next route. */
  async function request(cookieHeader?: string, siteServices: ApiServices = services) {
    const resHeaders = new Headers();
    const headers = new Headers(cookieHeader ? { cookie: cookieHeader } : {});
    const session = caller(await createContext({ headers, resHeaders }, siteServices));
    const sessionCookie = () =>
      resHeaders.getSetCookie().find((line) => line.startsWith(`${cookie}=`));
    return { session, sessionCookie };
  }

  it('signs in with a name, remembers the staff member in a signed cookie, and signs out', async () => {
    const signIn = await request();
    expect(await signIn.session.signIn({ name: '  Dana Lee ' })).toEqual({
      [key]: { id: 'dana-lee', name: 'Dana Lee' },
    });
    const setCookie = signIn.sessionCookie();
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);

    const next = await request(cookiePair(setCookie));
    expect(await next.session.me()).toEqual({ id: 'dana-lee', name: 'Dana Lee' });

    expect(await next.session.signOut()).toEqual({ [key]: null });
    expect(next.sessionCookie()).toMatch(new RegExp(`^${cookie}=; .*Max-Age=0`));
    expect(await (await request(cookiePair(next.sessionCookie()))).session.me()).toBeNull();
  });

  it('gives a name without Latin letters or digits a stable id of its role', async () => {
    const { session } = await request();
    const first = Object.values(await session.signIn({ name: '王芳' }))[0]!;
    const again = Object.values(await session.signIn({ name: '王芳' }))[0]!;
    expect(first.id).toMatch(new RegExp(`^${site}-[0-9a-f]{12}$`));
    expect(again.id).toBe(first.id);
  });

  it('does not trust a forged session cookie', async () => {
    const signIn = await request();
    await signIn.session.signIn({ name: 'Dana' });
    const [payload, signature] = tokenOf(cookiePair(signIn.sessionCookie())).split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ id: 'sam', name: 'Sam', role: site, expiresAt: Date.now() + 60_000 }),
    ).toString('base64url');
    expect(
      await (await request(`${cookie}=${forgedPayload}.${signature}`)).session.me(),
    ).toBeNull();
    expect(await (await request(`${cookie}=${payload}.${signature}`)).session.me()).toEqual({
      id: 'dana',
      name: 'Dana',
    });
  });

  it("does not take another site's session, even under this site's cookie name", async () => {
    const other = SITES.find((candidate) => candidate.site !== site)!;
    const resHeaders = new Headers();
    const otherSession = other.caller(
      await other.createContext({ headers: new Headers(), resHeaders }, services),
    );
    await otherSession.signIn({ name: 'Dana' });
    const otherCookie = resHeaders
      .getSetCookie()
      .find((line) => line.startsWith(`${other.cookie}=`));
    const token = tokenOf(cookiePair(otherCookie));
    expect(await (await request(`${cookie}=${token}`)).session.me()).toBeNull();
  });

  it('asks for the passcode when DRIVER_PASSCODE is set', async () => {
    const config = testConfig({ DRIVER_PASSCODE: 'open sesame' });
    const { session, sessionCookie } = await request(undefined, { ...services, config });
    await expectError(session.signIn({ name: 'Mallory' }), 'UNAUTHORIZED', 'Wrong passcode.');
    await expectError(
      session.signIn({ name: 'Mallory', passcode: 'guess' }),
      'UNAUTHORIZED',
      'Wrong passcode.',
    );
    expect(sessionCookie()).toBeUndefined();
    expect(await session.signIn({ name: 'Dana', passcode: 'open sesame' })).toEqual({
      [key]: { id: 'dana', name: 'Dana' },
    });
  });
});
