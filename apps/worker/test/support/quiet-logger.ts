/** A logger for the bundler in tests: only errors are shown. */
export const quiet = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error: console.error,
};
