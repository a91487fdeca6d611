import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { repoRoot } from '@delivery/harness/repo-root';
import { PORTS } from '@delivery/harness/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildProblems,
  entriesOf,
  environmentProblems,
  healthProblems,
  portProblems,
  replicaProblems,
  topologyProblems,
  volumeProblems,
  type VariableReads,
} from './checks';
import {
  COMPOSE_PATH,
  parseCompose,
  validateWithDockerCompose,
  type ComposeFile,
  type ComposeService,
} from './compose-file';
import { readDockerfile } from './dockerfile';
import { documentedPorts } from './documented-ports';
import { variablesReadFrom } from './env-reads';
import { runAdminScript, shellSyntaxErrors } from './temporal-setup';

/*
 * docker-compose.yml and tooling/docker/Dockerfile, checked without a Docker engine: CI has none,
 * so the stack is validated here and run by people who have one (docs/deploy.md).
 */

const composeText = readFileSync(COMPOSE_PATH, 'utf8');
const compose = parseCompose(composeText);
const composeDir = dirname(COMPOSE_PATH);
const dockerfile = readDockerfile(join(repoRoot, 'tooling/docker/Dockerfile'));
const documented = documentedPorts();
const registeredSearchAttributes = JSON.parse(
  readFileSync(join(repoRoot, 'packages/common/search-attributes.json'), 'utf8'),
) as string[];

/** A copy of the file with `change` made, for showing that each check catches what it is for. */
const broken = (change: (copy: ComposeFile) => void): ComposeFile => {
  const copy = structuredClone(compose);
  change(copy);
  return copy;
};

/** docker-compose on a copy of the file's text, its build context still the repo. */
function validateText(text: string, env: Record<string, string>) {
  const path = join(mkdtempSync(join(tmpdir(), 'compose-')), 'docker-compose.yml');
  writeFileSync(path, text.replaceAll('context: .', `context: ${repoRoot}`));
  return validateWithDockerCompose(path, env);
}

describe('docker-compose.yml', () => {
  const reads = new Map<string, VariableReads>();
  const readsOf = (service: ComposeService) => reads.get(entriesOf(service).join(' '))!;

  beforeAll(async () => {
    for (const service of Object.values(compose.services).filter((s) => s.build)) {
      const entries = entriesOf(service);
      reads.set(entries.join(' '), await variablesReadFrom(entries));
    }
  }, 120_000);

  it('is valid to docker-compose, which needs no Docker engine for it', () => {
    const secret = { SESSION_SECRET: 'compose-test' };
    const validated = validateWithDockerCompose(COMPOSE_PATH, secret);
    expect(validated.output).toBe('');
    expect(validated.status).toBe(0);
    expect(validateText(composeText, secret).status).toBe(0);
    // A healthcheck's start_interval is valid Compose, but newer than docker-compose 1.29.
    const newer = composeText.replace('start_period: 10s', 'start_interval: 1s');
    expect(validateText(newer, secret).output).toMatch(/start_interval/);
  });

  it('refuses to start without SESSION_SECRET, and says what to set', () => {
    const validated = validateWithDockerCompose(COMPOSE_PATH, {});
    expect(validated.status).not.toBe(0);
    expect(validated.output).toMatch(/SESSION_SECRET/);
  });

  it('runs PostgreSQL, Temporal with its setup and UI, NATS JetStream and every app', () => {
    expect(topologyProblems(compose)).toEqual([]);
    expect(topologyProblems(broken((c) => delete c.services.nats))).not.toEqual([]);
    const oldAdminTools = broken((c) => (c.services['temporal-schema']!.image += '-older'));
    expect(topologyProblems(oldAdminTools)).toEqual([
      "the admin tools must be the server's version (they set up its schema)",
    ]);
  });

  it('keeps every long-running service restarting and health-checked, waits on one-shots', () => {
    expect(healthProblems(compose)).toEqual([]);
    const unchecked = broken((c) => delete c.services.menu!.healthcheck);
    expect(healthProblems(unchecked)).toEqual(['menu needs a healthcheck']);
    const neverRestarts = broken((c) => delete c.services.worker!.restart);
    expect(healthProblems(neverRestarts)).toEqual([
      'worker needs a restart policy (unless-stopped)',
    ]);
    const racing = broken((c) => {
      (c.services.temporal!.depends_on as Record<string, object>)['temporal-schema'] = {
        condition: 'service_started',
      };
    });
    expect(healthProblems(racing)).toEqual([
      'temporal must wait for temporal-schema with condition service_completed_successfully',
    ]);
  });

  it('runs two workers', () => {
    expect(replicaProblems(compose)).toEqual([]);
    expect(replicaProblems(broken((c) => (c.services.worker!.deploy = {})))).not.toEqual([]);
  });

  it('builds each app from a Dockerfile stage that exists, for an app that exists', () => {
    expect(buildProblems(compose, composeDir, readDockerfile)).toEqual([]);
    const noSuchApp = broken((c) => (c.services.driver!.build!.args!.APP = 'courier'));
    expect(buildProblems(noSuchApp, composeDir, readDockerfile)).toEqual([
      'driver builds APP=courier, which is not in apps/',
    ]);
    const wrongKind = broken((c) => (c.services.worker!.build!.target = 'site'));
    expect(buildProblems(wrongKind, composeDir, readDockerfile)).toEqual([
      'worker builds worker as a site, but apps/worker has no next.config.mjs',
    ]);
    const noSuchStage = broken((c) => (c.services.menu!.build!.target = 'sites'));
    expect(buildProblems(noSuchStage, composeDir, readDockerfile).join()).toMatch(/not a stage/);
    const unmadeMountPoint = broken((c) => c.services.worker!.volumes!.push('ledger:/data/cache'));
    expect(buildProblems(unmadeMountPoint, composeDir, readDockerfile)).toEqual([
      'worker mounts a volume on /data/cache, which the Dockerfile does not make',
    ]);
    const elsewhere = broken((c) => (c.services.payments!.build!.dockerfile = 'Dockerfile'));
    expect(buildProblems(elsewhere, composeDir, readDockerfile).join()).toMatch(/no Dockerfile/);
  });

  it('publishes the ports the README gives local runs', () => {
    expect(documented.ports).toMatchObject({ menu: 3000, temporal: 7233, payments: 4242 });
    expect(portProblems(compose, documented)).toEqual([]);
    const moved = broken((c) => (c.services.restaurant!.ports = ['3003:3003']));
    expect(portProblems(moved, documented)).toEqual([
      'restaurant must publish 3002:3002, the port of local runs',
      'restaurant publishes 3003, which no document gives it',
    ]);
  });

  it('keeps state on named volumes, one accounts database for the sites and the worker', () => {
    expect(volumeProblems(compose, composeDir)).toEqual([]);
    const ownAccounts = broken((c) => {
      c.services.driver!.environment!.ACCOUNTS_DB_PATH = '/data/driver/accounts.sqlite';
      c.services.driver!.volumes = ['accounts:/data/driver'];
    });
    expect(volumeProblems(ownAccounts, composeDir).join()).toMatch(/one accounts database/);
    const onTheContainer = broken((c) => (c.services.payments!.volumes = []));
    expect(volumeProblems(onTheContainer, composeDir)).toEqual([
      'payments: PAYMENTS_DB_PATH=/data/ledger/ledger.sqlite is not on a volume',
    ]);
    const hostPath = broken((c) => c.services.nats!.volumes!.push('/srv/nats:/backup'));
    expect(volumeProblems(hostPath, composeDir)).toEqual([
      'nats mounts /srv/nats: only named volumes, and repo files read-only',
    ]);
  });

  it('sets every variable the code of each service reads, and none it does not', () => {
    expect(environmentProblems(compose, dockerfile, readsOf)).toEqual([]);
    const noSecret = broken((c) => delete c.services.restaurant!.environment!.SESSION_SECRET);
    expect(environmentProblems(noSecret, dockerfile, readsOf)).toEqual([
      expect.stringMatching(/^restaurant runs code that reads SESSION_SECRET \(packages\/api/),
    ]);
    const misspelt = broken((c) => {
      const environment = c.services.worker!.environment!;
      environment.TEMPORAL_ADRESS = environment.TEMPORAL_ADDRESS!;
      delete environment.TEMPORAL_ADDRESS;
    });
    expect(environmentProblems(misspelt, dockerfile, readsOf)).toEqual([
      expect.stringMatching(/^worker runs code that reads TEMPORAL_ADDRESS/),
      'worker sets TEMPORAL_ADRESS, which its code never reads',
    ]);
    const atRunTime = broken((c) => {
      const menu = c.services.menu!;
      menu.environment!.NEXT_PUBLIC_TEMPORAL_UI_URL = 'http://localhost:8233';
      delete menu.build!.args!.NEXT_PUBLIC_TEMPORAL_UI_URL;
    });
    expect(environmentProblems(atRunTime, dockerfile, readsOf).join()).toMatch(
      /NEXT_PUBLIC_TEMPORAL_UI_URL .* as a build argument/,
    );
  });

  it("registers the dev server's search attributes", () => {
    expect(compose.services['temporal-setup']!.command).toEqual(
      registeredSearchAttributes.map((pair) => `--search-attribute=${pair}`),
    );
  });

  it('has one-shot scripts a shell can parse', () => {
    expect(shellSyntaxErrors(compose.services['temporal-schema']!)).toBe('');
    expect(shellSyntaxErrors(compose.services['temporal-setup']!)).toBe('');
    const unclosed = broken((c) => {
      const [shell, flag, script = ''] = c.services['temporal-setup']!.entrypoint as string[];
      c.services['temporal-setup']!.entrypoint = [shell!, flag!, script.replace(/\bdone\b/, '')];
    });
    expect(shellSyntaxErrors(unclosed.services['temporal-setup']!)).not.toBe('');
  });

  describe('its Temporal setup, run against a real server', () => {
    const namespace = `compose-setup-${Date.now().toString(36)}`;
    // The test run's server (scripts/test.mjs says where).
    const address = process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${PORTS.test.temporal}`;
    let connection: Connection;

    beforeAll(async () => {
      connection = await Connection.connect({ address });
    });
    afterAll(async () => {
      await connection.operatorService.deleteNamespace({ namespace }).catch(() => undefined);
      await connection.close();
    });

    const registered = async () => {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({
        namespace,
      });
      const { IndexedValueType } = temporal.api.enums.v1;
      return Object.entries(customAttributes ?? {})
        .map(
          ([name, type]) => `${name}=${IndexedValueType[type].replace('INDEXED_VALUE_TYPE_', '')}`,
        )
        .sort();
    };
    const expected = registeredSearchAttributes
      .map((pair) => pair.replace(/=(.*)$/, (_, type: string) => `=${type.toUpperCase()}`))
      .sort();

    it('creates the namespace and registers the search attributes, and may run again', async () => {
      const setup = compose.services['temporal-setup']!;
      const env = { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace };
      const first = runAdminScript(setup, env);
      expect(first.output).toMatch(`namespace ${namespace} is ready`);
      expect(first.status).toBe(0);
      expect(await registered()).toEqual(expected);
      const again = runAdminScript(setup, env);
      expect(again.status, again.output).toBe(0);
      expect(again.output).not.toMatch(/added|registered/);
      expect(await registered()).toEqual(expected);
    });
  });
});

describe("the images' health check (tooling/docker/healthcheck.mjs)", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.statusCode = request.url === '/ok' ? 200 : 503;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // Spawned, not run synchronously: the server it asks lives in this process.
  const statusOf = (url: string) =>
    new Promise<number | null>((resolve) =>
      spawn(process.execPath, [join(repoRoot, 'tooling/docker/healthcheck.mjs'), url]).on(
        'exit',
        resolve,
      ),
    );

  it('passes on a 2xx answer and fails on any other, or none', async () => {
    expect(await statusOf(`${base}/ok`)).toBe(0);
    expect(await statusOf(`${base}/down`)).toBe(1);
    expect(await statusOf('http://127.0.0.1:9/')).toBe(1);
  });
});
