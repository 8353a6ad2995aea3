// A CouchDB-compatible server for the tests: pouchdb-server (npm, exact version in package.json) on a free
// loopback port, its config, log and (when not in memory) database files in a temp dir, never in the repo.
//
//   const couch = await startCouch();              // in memory, admin set up, GET / answering
//   await couch.admin.createDb('class-1', { members: ['ana'] });
//   await couch.admin.createUser('ana', 'pw');
//   await couch.stop();                            // SIGTERM, temp dir removed
//
// For "server killed mid-way" tests: `startCouch({ inMemory: false, keepDir: true })`, `kill()` (SIGKILL),
// then `startCouch({ port, dir, inMemory: false })` restarts on the same port with the same data.
// Every server still running when the Node process exits is killed then (also when a test failed), and a
// server whose starter was killed outright exits by itself (tests/support/couch-watchdog.cjs).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';

/** The pouchdb-server executable installed by `npm ci`. */
export const POUCHDB_SERVER_BIN = join(REPO_ROOT, 'node_modules', '.bin', 'pouchdb-server');

/** Preloaded into the server: it exits when the process that started it is gone (even killed). */
const WATCHDOG = join(REPO_ROOT, 'tests', 'support', 'couch-watchdog.cjs');

/** The server admin every test server gets (CouchDB 3 has no "admin party"; neither do our tests). */
export const COUCH_ADMIN = Object.freeze({ name: 'admin', password: 'admin-secret' });

const STARTUP_TIMEOUT_MS = 20_000;
const live = new Set();
const ownedDirs = new Set();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
  for (const dir of ownedDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Start pouchdb-server on 127.0.0.1.
 * @param {object} [options]
 * @param {number} [options.port] a port to listen on (default: a free one); reuse a killed server's port to restart it
 * @param {string} [options.dir] the directory for config.json, log.txt, stdio.log and the databases (default: a new
 *   temp dir, removed by `stop()` unless `keepDir`); a given dir is never removed by this module
 * @param {boolean} [options.inMemory=true] keep databases in memory (`--in-memory`; gone when the server stops)
 *   or on disk in `dir` (leveldown)
 * @param {boolean} [options.keepDir=false] keep a temp dir made here after `stop()` (so another server can reuse it)
 * @returns {Promise<Couch>} the running server
 */
export async function startCouch({ port, dir, inMemory = true, keepDir = false } = {}) {
  const ownDir = !dir;
  const home = dir ?? mkdtempSync(join(tmpdir(), 'na-couch-'));
  if (ownDir && !keepDir) ownedDirs.add(home);
  writeConfig(home);
  const listenPort = port ?? (await freePort());
  const args = ['--host', '127.0.0.1', '--port', String(listenPort), '--dir', join(home, 'db'),
    '--config', join(home, 'config.json'), '--no-stdout-logs'];
  if (inMemory) args.push('--in-memory');
  const stdio = join(home, 'stdio.log');
  // stdin stays open while this process lives; the watchdog ends the server when it closes.
  const child = spawn(process.execPath, ['--require', WATCHDOG, POUCHDB_SERVER_BIN, ...args], {
    cwd: home,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  // The server must not keep this process alive: a test that fails before stop() still lets the file end
  // (and the exit handler above kill the server).
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream.unref?.();
  const output = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => output.push(chunk));
  }
  const exited = new Promise((ok) => child.once('exit', (code, signal) => {
    live.delete(child);
    writeFileSync(stdio, Buffer.concat(output));
    ok({ code, signal });
  }));
  const url = `http://127.0.0.1:${listenPort}/`;
  try {
    await waitUntilAnswering(url, exited, output);
    await ensureAdmin(url);
  } catch (err) {
    child.ref();
    child.kill('SIGKILL');
    await exited;
    throw err;
  }
  const stopWith = async (signal) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.ref(); // keep this process alive until the server's exit is seen
      child.kill(signal);
    }
    await exited;
  };
  return {
    url,
    port: listenPort,
    dir: home,
    admin: adminClient(url),
    stop: async () => {
      await stopWith('SIGTERM');
      if (ownDir && !keepDir) {
        rmSync(home, { recursive: true, force: true });
        ownedDirs.delete(home);
      }
    },
    kill: () => stopWith('SIGKILL'),
    exited,
  };
}

/**
 * @typedef {object} Couch
 * @property {string} url the server's root, `http://127.0.0.1:PORT/`
 * @property {number} port its port
 * @property {string} dir its config, log and data directory
 * @property {AdminClient} admin requests as the server admin
 * @property {() => Promise<void>} stop SIGTERM, wait for the exit, remove an own temp dir
 * @property {() => Promise<void>} kill SIGKILL (a crash mid-way), wait for the exit; the dir is kept
 * @property {Promise<{code: number|null, signal: string|null}>} exited resolves when the process ends
 */

/**
 * A config.json that keeps the log in `dir` and a fixed cookie secret (CouchDB keeps its secret in its
 * config, so sessions outlive a restart; pouchdb-server would make a new one at every start).
 */
function writeConfig(dir) {
  const file = join(dir, 'config.json');
  const config = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  config.log = { ...config.log, file: join(dir, 'log.txt') };
  config.couch_httpd_auth = { secret: randomBytes(16).toString('hex'), ...config.couch_httpd_auth };
  writeFileSync(file, JSON.stringify(config, null, 2) + '\n');
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** Poll `GET /` until it answers 200; fail early (with the server's output) if it exits first. */
async function waitUntilAnswering(url, exited, output) {
  let gone = null;
  exited.then((how) => { gone = how; });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) {
      throw new Error(`pouchdb-server exited (${gone.code ?? gone.signal}) before answering:\n${Buffer.concat(output)}`);
    }
    const res = await fetch(url).catch(() => null);
    if (res?.ok) {
      await res.arrayBuffer();
      return;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`pouchdb-server did not answer GET ${url} within ${STARTUP_TIMEOUT_MS} ms:\n${Buffer.concat(output)}`);
}

/**
 * Make COUCH_ADMIN a server admin through CouchDB's documented config API, unless it already is one (a
 * restarted server reads its config.json): `PUT /_node/{node}/_config/admins/{name}` with the password as a
 * JSON string, the node's name from `GET /_membership`. (pouchdb-server knows only its own node name,
 * `node1@127.0.0.1`, not CouchDB 3's `_local` alias.)
 */
async function ensureAdmin(url) {
  const admin = adminClient(url);
  if ((await admin.request('_session')).body.userCtx?.roles?.includes('_admin')) return;
  const membership = await fetch(new URL('_membership', url)).then((r) => r.json());
  // `@` stays as it is: pouchdb-server matches the literal `node1@127.0.0.1` (CouchDB takes either).
  const node = membership.all_nodes[0].split('@').map(encodeURIComponent).join('@');
  const put = await fetch(new URL(`_node/${node}/_config/admins/${COUCH_ADMIN.name}`, url), {
    method: 'PUT',
    body: JSON.stringify(COUCH_ADMIN.password),
  });
  if (!put.ok) throw new Error(`setting the server admin failed: ${put.status} ${await put.text()}`);
  await put.arrayBuffer().catch(() => {});
  // The password is hashed and saved asynchronously: wait until it signs in.
  for (let i = 0; i < 50; i += 1) {
    if ((await admin.request('_session')).body.userCtx?.roles?.includes('_admin')) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('the server admin set up through _config does not sign in');
}

/**
 * @typedef {object} AdminClient
 * @property {(path: string, init?: {method?: string, body?: unknown, headers?: object}) =>
 *   Promise<{status: number, headers: Headers, body: any}>} request a request as the server admin
 *   (HTTP basic auth); a non-string body is sent as JSON, a JSON answer is parsed
 * @property {(name: string, security?: {members?: string[], admins?: string[], memberRoles?: string[]}) =>
 *   Promise<void>} createDb `PUT /{db}`, then `PUT /{db}/_security` with those member and admin names
 * @property {(name: string, password: string, roles?: string[]) => Promise<void>} createUser a user document
 *   `org.couchdb.user:{name}` in `_users`
 */

/** Requests to the server at `url` as COUCH_ADMIN (HTTP basic auth). */
export function adminClient(url) {
  const authorization = `Basic ${Buffer.from(`${COUCH_ADMIN.name}:${COUCH_ADMIN.password}`).toString('base64')}`;
  const request = (path, init = {}) => couchRequest(url, path, { ...init, headers: { authorization, ...init.headers } });
  const expectOk = async (what, res) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  return {
    request,
    async createDb(name, { members = [], admins = [], memberRoles = [] } = {}) {
      const db = encodeURIComponent(name);
      await expectOk(`PUT /${name}`, await request(db, { method: 'PUT' }));
      const security = { admins: { names: admins, roles: [] }, members: { names: members, roles: memberRoles } };
      await expectOk(`PUT /${name}/_security`, await request(`${db}/_security`, { method: 'PUT', body: security }));
    },
    async createUser(name, password, roles = []) {
      const id = encodeURIComponent(`org.couchdb.user:${name}`);
      const body = { _id: `org.couchdb.user:${name}`, name, password, roles, type: 'user' };
      await expectOk(`create user ${name}`, await request(`_users/${id}`, { method: 'PUT', body }));
    },
  };
}

/**
 * One request to a CouchDB at `base` (a URL ending in `/`): `path` is relative to it; a non-string body is
 * sent as JSON; the answer's body is parsed when it is JSON (pouchdb-server labels JSON `text/plain` unless
 * the request accepts `application/json`, as CouchDB 1.x did, so we ask for JSON).
 * @returns {Promise<{status: number, headers: Headers, body: any}>}
 */
export async function couchRequest(base, path, { method = 'GET', body, headers = {} } = {}) {
  const init = { method, headers: { accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(new URL(path, base), init);
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}
