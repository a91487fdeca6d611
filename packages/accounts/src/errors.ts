/** The one answer for an unknown email and a wrong password, so neither tells which it was. */
export class WrongCredentialsError extends Error {
  constructor() {
    super('Wrong email or password.');
    this.name = 'WrongCredentialsError';
  }
}

/** The password was right, but the account is not for this site (a driver at the kitchen's). */
export class WrongSiteError extends Error {
  constructor(role: string) {
    super(
      `This account is for ${role === 'driver' ? 'drivers' : 'the restaurant'}: sign in there.`,
    );
    this.name = 'WrongSiteError';
  }
}

export class SignInThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins. Try again in ${waitOf(retryAfterSeconds)}.`);
    this.name = 'SignInThrottledError';
  }
}

const waitOf = (seconds: number) =>
  seconds < 60
    ? `${seconds} second${seconds === 1 ? '' : 's'}`
    : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? '' : 's'}`;

/** Adding an account under an email that already has one. */
export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`There is already an account for ${email}.`);
    this.name = 'EmailTakenError';
  }
}
