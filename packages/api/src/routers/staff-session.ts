import { signInSchema, type Staff } from '@delivery/common';
import type { Context } from '../context';
import { signInStaff, signOutStaff } from '../session/staff';
import type { StaffSite } from '../session/staff-sites';
import { publicProcedure } from '../trpc';

/**
 * `signIn`, `signOut` and `me` of a staff site; answers name the staff member under `key`
 * (`driver`, `staff`), and `signedIn` reads the one a request's context holds.
 */
export function staffSessionProcedures<Key extends string>(
  site: StaffSite,
  key: Key,
  signedIn: (ctx: Context) => Staff | null,
) {
  return {
    signIn: publicProcedure
      .input(signInSchema)
      .mutation(
        async ({ ctx, input }) =>
          ({ [key]: await signInStaff(ctx, site, input) }) as Record<Key, Staff>,
      ),

    signOut: publicProcedure.mutation(({ ctx }) => {
      signOutStaff(ctx, site);
      return { [key]: null } as Record<Key, null>;
    }),

    me: publicProcedure.query(({ ctx }) => signedIn(ctx)),
  };
}
