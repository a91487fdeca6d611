import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  /** Resolves once the process is ready to serve. */
  ready: (process: ManagedProcess) => Promise<void>;
}

/** A child process a test can start, kill with any signal, and start again. */
export class ManagedProcess {
  private child: ChildProcess | null = null;
  private output = '';
  readonly exits: Array<{ code: number | null; signal: NodeJS.Signals | null }> = [];

  constructor(readonly spec: ProcessSpec) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Everything the process printed, across restarts. */
  get log(): string {
    return this.output;
  }

  async start(): Promise<this> {
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: { ...process.env, ...this.spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const capture = (chunk: Buffer) => {
      this.output += chunk.toString();
      if (process.env.HARNESS_VERBOSE) process.stderr.write(`[${this.spec.name}] ${chunk}`);
    };
    child.stdout?.on('data', capture);
    child.stderr?.on('data', capture);
    child.on('exit', (code, signal) => this.exits.push({ code, signal }));
    await Promise.race([
      this.spec.ready(this),
      new Promise<never>((_, reject) =>
        child.once('exit', (code) =>
          reject(
            new Error(`${this.spec.name} exited (${code}) before it was ready:\n${this.tail()}`),
          ),
        ),
      ),
    ]);
    return this;
  }

  /** Sends `signal` and waits for the process to be gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }

  async restart(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.stop(signal);
    await this.start();
  }

  /** Waits until the process prints a line matching `pattern` (since `fromOffset` of the log). */
  async waitForOutput(pattern: RegExp, timeoutMs = 60_000, fromOffset = 0): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output.slice(fromOffset))) {
      if (Date.now() > deadline) {
        throw new Error(
          `${this.spec.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.tail()}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  tail(lines = 30): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
