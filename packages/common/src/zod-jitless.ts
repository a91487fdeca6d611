import { z } from 'zod';

/*
 * Zod probes once whether it may compile faster parsers with `new Function`. Under the sites'
 * content security policy (no 'unsafe-eval') the browser refuses the probe and reports a
 * violation, so Zod is told up front to interpret: the schemas here are small, and the server and
 * the workflow then parse the same way the browser does.
 */
z.config({ jitless: true });
