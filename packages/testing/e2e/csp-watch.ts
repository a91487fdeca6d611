import { expect, test as base, type Browser, type BrowserContext } from '@playwright/test';

/* Every page the specs open reports the content security policy violations it meets, and a
 * spec during which one happened fails: the policy must let the sites work, not just exist. */

const violations: string[] = [];

/** Runs in every page (as text: the suite's TypeScript has no DOM types). */
const REPORT_VIOLATIONS = `
  document.addEventListener('securitypolicyviolation', (event) =>
    window.reportCspViolation(
      location.href + ': ' + event.effectiveDirective + ' blocked ' +
        (event.blockedURI || 'inline code') + ' (' + event.sourceFile + ':' + event.lineNumber + ')',
    ),
  );
`;

/** A browser context whose pages report their CSP violations to the running spec. */
export async function watchedContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await context.exposeBinding('reportCspViolation', (_source, violation: string) => {
    violations.push(violation);
  });
  // Init scripts are added by the browser itself, so the policy under test does not block them.
  await context.addInitScript(REPORT_VIOLATIONS);
  return context;
}

export const test = base.extend<{ noCspViolations: void }>({
  noCspViolations: [
    // eslint-disable-next-line no-empty-pattern -- Playwright needs the pattern, even empty
    async ({}, use) => {
      violations.length = 0;
      await use();
      expect(violations, 'no page broke its content security policy').toEqual([]);
    },
    { auto: true },
  ],
});
