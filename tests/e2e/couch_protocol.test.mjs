// CouchDB's HTTP API as the app's sync client will use it (issue 17), spoken through the test server's
// reverse proxy (`/couchdb/` on the app's own origin) to a real CouchDB-compatible server, pouchdb-server
// 4.2.0 (tests/support/couch.mjs). Each test asserts what docs.couchdb.org documents; where pouchdb-server
// differs, a comment marked QUIRK says how, so the client is written against CouchDB, not against this server.
//
// Run: node --test tests/e2e/couch_protocol.test.mjs   (needs Chromium but no build; bash scripts/test.sh node runs it too)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policy } from '../../scripts/post-build.mjs';
import { launchBrowser } from '../support/browser.mjs';
import { couchRequest, startCouch } from '../support/couch.mjs';
import { startStaticServer } from '../support/server.mjs';

const CLASS_DB = 'class-7a';
const SYNC_DB = 'ana-annotations';
const PASSWORDS = { ana: 'pw-ana', ben: 'pw-ben', carl: 'pw-carl', teacher: 'pw-teacher' };
/** Students write only documents whose `owner` is their name; server admins write anything. */
const OWNER_ONLY = {
  validate_doc_update: `function (newDoc, oldDoc, userCtx) {
    if (userCtx.roles.indexOf('_admin') !== -1) return;
    if (newDoc.owner !== userCtx.name || (oldDoc && oldDoc.owner !== userCtx.name)) {
      throw({ forbidden: 'you can write only your own documents' });
    }
  }`,
};
const delay = (ms) => new Promise((ok) => setTimeout(ok, ms));
/** A `last_seq` as a `since` parameter: CouchDB's strings as they are, pouchdb-server's numbers as digits. */
const sinceParam = (seq) => encodeURIComponent(typeof seq === 'string' ? seq : JSON.stringify(seq));

/** A tiny app root (under the app's Content-Security-Policy), a CouchDB behind the proxy, and a server for the
 * static files; closed after. */
function couchBehindProxy(options) {
  const env = {};
  before(async () => {
    env.root = mkdtempSync(join(tmpdir(), 'na-app-'));
    const csp = `<meta http-equiv="Content-Security-Policy" content="${policy([])}">`;
    writeFileSync(join(env.root, 'index.html'), `<!doctype html><html><head>${csp}<title>News Annotator</title></head></html>`);
    env.couch = await startCouch(options);
    env.server = await startStaticServer(env.root, { proxy: { '/couchdb/': env.couch.url } });
    env.base = new URL('couchdb/', env.server.url).href;
  });
  after(async () => {
    await env.server?.close();
    await env.couch?.stop();
    rmSync(env.root, { recursive: true, force: true });
  });
  return env;
}

/** Sign in through `POST /_session`; returns the `AuthSession=...` cookie pair. */
async function signIn(base, name) {
  const res = await couchRequest(base, '_session', { method: 'POST', body: { name, password: PASSWORDS[name] } });
  assert.equal(res.status, 200, `sign-in of ${name}: ${JSON.stringify(res.body)}`);
  return res.headers.get('set-cookie').split(';')[0];
}

/** Requests with `cookie` (or none), through the proxy. */
const client = (env, cookie) => (path, init = {}) =>
  couchRequest(env.base, path, { ...init, headers: { ...(cookie ? { cookie } : {}), ...init.headers } });

describe('CouchDB protocol through the same-origin proxy (pouchdb-server)', () => {
  const env = couchBehindProxy();
  const as = {};
  before(async () => {
    for (const name of Object.keys(PASSWORDS)) await env.couch.admin.createUser(name, PASSWORDS[name]);
    await env.couch.admin.createDb(CLASS_DB, { members: ['ana', 'ben', 'teacher'] });
    const ddoc = await env.couch.admin.request(`${CLASS_DB}/_design/owner`, { method: 'PUT', body: OWNER_ONLY });
    assert.equal(ddoc.status, 201);
    await env.couch.admin.createDb(SYNC_DB, { members: ['ana'] });
    for (const name of Object.keys(PASSWORDS)) as[name] = client(env, await signIn(env.base, name));
    as.nobody = client(env, null);
  });

  test('the proxy sends /couchdb/ to the database and everything else to the static files', async () => {
    const welcome = await as.nobody('');
    assert.equal(welcome.status, 200);
    // QUIRK: CouchDB's welcome is {"couchdb":"Welcome","version":"3.x",...}; pouchdb-server's is
    // {"express-pouchdb":"Welcome!","version":"4.2.0",...}. The client must not check the welcome's keys.
    assert.equal(typeof welcome.body.uuid, 'string');
    const page = await fetch(env.server.url);
    assert.match(await page.text(), /<title>News Annotator<\/title>/);
  });

  test('_session: cookie sign-in, the session it gives, a wrong password and sign-out', async () => {
    const signedIn = await couchRequest(env.base, '_session', { method: 'POST', body: { name: 'ana', password: 'pw-ana' } });
    assert.equal(signedIn.status, 200);
    assert.deepEqual(signedIn.body, { ok: true, name: 'ana', roles: [] });
    const setCookie = signedIn.headers.get('set-cookie');
    assert.match(setCookie, /^AuthSession=[^;]+;.*Path=\//);
    assert.match(setCookie, /HttpOnly/i, 'the session cookie is out of reach of page scripts');
    const cookie = setCookie.split(';')[0];

    const session = await client(env, cookie)('_session');
    assert.equal(session.body.userCtx.name, 'ana');
    assert.equal(session.body.info.authenticated, 'cookie');

    const wrong = await couchRequest(env.base, '_session', { method: 'POST', body: { name: 'ana', password: 'nope' } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error, 'unauthorized');

    const out = await client(env, cookie)('_session', { method: 'DELETE' });
    assert.equal(out.status, 200);
    assert.equal(out.body.ok, true);
    // Sign-out asks the browser to drop the cookie (an empty value that has expired). As in CouchDB, the old
    // cookie value itself stays valid until its timeout: the client must forget it, not just sign out.
    // QUIRK: pouchdb-server first sends a refreshed cookie, then the clearing one (CouchDB sends only the
    // latter); a browser applies them in order, so the cookie is gone either way. Both pass the proxy.
    const cleared = out.headers.getSetCookie();
    assert.match(cleared.at(-1), /^AuthSession=;.*Expires=Thu, 01 Jan 1970/i);
    assert.equal((await as.nobody('_session')).body.userCtx.name, null);
  });

  test('a secured database: signed out is refused with 401, a member reads, a non-member is refused', async () => {
    for (const path of [CLASS_DB, `${CLASS_DB}/_all_docs`, `${CLASS_DB}/_changes`]) {
      const res = await as.nobody(path);
      assert.equal(res.status, 401, `signed-out GET ${path}`);
      assert.equal(res.body.error, 'unauthorized');
    }
    const write = await as.nobody(`${CLASS_DB}/sneaky`, { method: 'PUT', body: { owner: null } });
    assert.equal(write.status, 401, 'a signed-out write is refused too');
    assert.equal((await as.ana(CLASS_DB)).status, 200);
    assert.equal((await as.teacher(`${CLASS_DB}/_all_docs`)).status, 200);
    // QUIRK: CouchDB answers an authenticated non-member with 403 `forbidden`; pouchdb-server answers 401
    // `unauthorized`. The client must treat both as "no access to this database".
    const stranger = await as.carl(CLASS_DB);
    assert.ok([401, 403].includes(stranger.status), `non-member: ${stranger.status}`);
  });

  test('validate_doc_update: a student writing a document owned by someone else is refused with 403 forbidden', async () => {
    const own = await as.ana(`${CLASS_DB}/sub-ana-1`, { method: 'PUT', body: { owner: 'ana', label: 'PER' } });
    assert.equal(own.status, 201);
    const bens = await as.ben(`${CLASS_DB}/sub-ben-1`, { method: 'PUT', body: { owner: 'ben', label: 'ORG' } });
    assert.equal(bens.status, 201);

    const forged = await as.ana(`${CLASS_DB}/sub-ana-2`, { method: 'PUT', body: { owner: 'ben' } });
    assert.equal(forged.status, 403);
    assert.equal(forged.body.error, 'forbidden');
    assert.equal(forged.body.reason, 'you can write only your own documents');
    const takeOver = await as.ana(`${CLASS_DB}/sub-ben-1`, { method: 'PUT', body: { _rev: bens.body.rev, owner: 'ana' } });
    assert.equal(takeOver.status, 403, "taking over ben's document");

    // What replication sends: _bulk_docs with new_edits:false. Refused documents come back one by one as
    // {id, error: "forbidden", reason}; the request itself succeeds (201).
    const pushed = await as.ana(`${CLASS_DB}/_bulk_docs`, {
      method: 'POST',
      body: { new_edits: false, docs: [{ _id: 'sub-ben-2', _rev: '1-0123456789abcdef0123456789abcdef', owner: 'ben' }] },
    });
    assert.equal(pushed.status, 201);
    assert.deepEqual(pushed.body.map(({ id, error }) => ({ id, error })), [{ id: 'sub-ben-2', error: 'forbidden' }]);

    // The teacher, a member, reads everyone's documents. (CouchDB has no per-document read control: every
    // member of the class database, students too, can read all of it.)
    const all = await as.teacher(`${CLASS_DB}/_all_docs?include_docs=true`);
    const owners = all.body.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => [r.id, r.doc.owner]);
    assert.deepEqual(owners, [['sub-ana-1', 'ana'], ['sub-ben-1', 'ben']]);
  });

  test('pushing as a replication peer: _local checkpoint, _revs_diff, _bulk_docs new_edits:false with _revisions', async () => {
    const repId = '_local/na-push-test';
    assert.equal((await as.ana(SYNC_DB)).status, 200);
    const noCheckpoint = await as.ana(`${SYNC_DB}/${repId}`);
    assert.equal(noCheckpoint.status, 404, 'no checkpoint yet: replicate from the start');
    assert.equal(noCheckpoint.body.error, 'not_found');

    const [r1, r2, r3] = ['1-' + 'a'.repeat(32), '2-' + 'b'.repeat(32), '1-' + 'c'.repeat(32)];
    const diff = await as.ana(`${SYNC_DB}/_revs_diff`, { method: 'POST', body: { 'ann-1': [r2, r1], 'ann-2': [r3] } });
    assert.equal(diff.status, 200);
    assert.deepEqual(diff.body['ann-1'].missing.sort(), [r1, r2]);
    assert.deepEqual(diff.body['ann-2'].missing, [r3]);

    const push = await as.ana(`${SYNC_DB}/_bulk_docs`, {
      method: 'POST',
      body: {
        new_edits: false,
        docs: [
          { _id: 'ann-1', _rev: r2, _revisions: { start: 2, ids: ['b'.repeat(32), 'a'.repeat(32)] }, owner: 'ana', label: 'PER' },
          { _id: 'ann-2', _rev: r3, _revisions: { start: 1, ids: ['c'.repeat(32)] }, owner: 'ana', label: 'LOC' },
        ],
      },
    });
    assert.equal(push.status, 201);
    assert.deepEqual(push.body, [], 'new_edits:false answers only errors: none');

    const stored = await as.ana(`${SYNC_DB}/ann-1?revs=true`);
    assert.equal(stored.body._rev, r2, 'the revision sent is kept as it is');
    assert.deepEqual(stored.body._revisions, { start: 2, ids: ['b'.repeat(32), 'a'.repeat(32)] });

    const r4 = '3-' + 'd'.repeat(32);
    const again = await as.ana(`${SYNC_DB}/_revs_diff`, { method: 'POST', body: { 'ann-1': [r4, r2], 'ann-2': [r3] } });
    assert.deepEqual(again.body['ann-1'].missing, [r4], 'only the newer revision is missing');
    assert.equal(again.body['ann-2'], undefined, 'a document with nothing missing is left out');
    // QUIRK: CouchDB adds "possible_ancestors": ["2-bbb…"] next to "missing"; pouchdb-server leaves it out.
    // The client must not need it (it is only an optimisation for attachments).

    const first = await as.ana(`${SYNC_DB}/${repId}`, { method: 'PUT', body: { session_id: 's1', source_last_seq: 2 } });
    assert.equal(first.status, 201);
    assert.deepEqual(first.body, { ok: true, id: repId, rev: '0-1' });
    const second = await as.ana(`${SYNC_DB}/${repId}`, { method: 'PUT', body: { _rev: '0-1', session_id: 's2', source_last_seq: 3 } });
    assert.equal(second.body.rev, '0-2');
    const stale = await as.ana(`${SYNC_DB}/${repId}`, { method: 'PUT', body: { _rev: '0-1', source_last_seq: 4 } });
    assert.equal(stale.status, 409, 'a checkpoint written from a stale revision is a conflict');
    assert.equal((await as.ana(`${SYNC_DB}/${repId}`)).body.source_last_seq, 3);
    // _local documents are not replicated: neither _all_docs nor _changes lists them.
    const ids = (await as.ana(`${SYNC_DB}/_all_docs`)).body.rows.map((r) => r.id);
    assert.deepEqual(ids, ['ann-1', 'ann-2']);
    const changed = (await as.ana(`${SYNC_DB}/_changes`)).body.results.map((r) => r.id);
    assert.ok(!changed.some((id) => id.startsWith('_local/')), `changes: ${changed}`);
  });

  test('pulling as a replication peer: _changes since and style=all_docs, conflicts, deletions, _bulk_get revs=true', async () => {
    const db = 'pull-test';
    await env.couch.admin.createDb(db, { members: ['ana'] });
    const start = await as.ana(`${db}/_changes`);
    // QUIRK: CouchDB 2+ sequences are opaque strings ("3-g1AAAA…"); pouchdb-server's are integers. The client
    // must keep `last_seq` as an opaque JSON value and send it back unchanged.
    const since = start.body.last_seq;
    const created = await as.ana(`${db}/doc-a`, { method: 'PUT', body: { owner: 'ana', v: 1 } });
    const gone = await as.ana(`${db}/doc-gone`, { method: 'PUT', body: { owner: 'ana' } });
    await as.ana(`${db}/doc-gone?rev=${gone.body.rev}`, { method: 'DELETE' });
    // A second branch of doc-a, as another peer would push it: a conflict.
    const gen = Number(created.body.rev.split('-')[0]);
    const branch = `${gen + 1}-${'e'.repeat(32)}`;
    await as.ana(`${db}/_bulk_docs`, {
      method: 'POST',
      body: { new_edits: false, docs: [{ _id: 'doc-a', _rev: branch, _revisions: { start: gen + 1, ids: ['e'.repeat(32), created.body.rev.split('-')[1]] }, owner: 'ana', v: 2 }] },
    });
    const mine = `${gen + 1}-${'1'.repeat(32)}`;
    await as.ana(`${db}/_bulk_docs`, {
      method: 'POST',
      body: { new_edits: false, docs: [{ _id: 'doc-a', _rev: mine, _revisions: { start: gen + 1, ids: ['1'.repeat(32), created.body.rev.split('-')[1]] }, owner: 'ana', v: 3 }] },
    });

    const changes = await as.ana(`${db}/_changes?since=${sinceParam(since)}&style=all_docs`);
    assert.equal(changes.status, 200);
    const byId = Object.fromEntries(changes.body.results.map((r) => [r.id, r]));
    assert.deepEqual(Object.keys(byId).sort(), ['doc-a', 'doc-gone']);
    assert.deepEqual(byId['doc-a'].changes.map((c) => c.rev).sort(), [branch, mine].sort(), 'all_docs: every leaf');
    assert.equal(byId['doc-gone'].deleted, true);
    const winnerOnly = await as.ana(`${db}/_changes?since=${sinceParam(since)}`);
    assert.equal(winnerOnly.body.results.find((r) => r.id === 'doc-a').changes.length, 1, 'without style: the winner only');

    // The deterministic winner: the higher revision id at the same generation; the other is a conflict.
    const conflicted = await as.ana(`${db}/doc-a?conflicts=true`);
    assert.equal(conflicted.body._rev, branch);
    assert.deepEqual(conflicted.body._conflicts, [mine]);

    const upToDate = await as.ana(`${db}/_changes?since=${sinceParam(changes.body.last_seq)}`);
    assert.deepEqual(upToDate.body.results, [], 'since the last seq: nothing new');
    assert.deepEqual(upToDate.body.last_seq, changes.body.last_seq);

    const bulk = await as.ana(`${db}/_bulk_get?revs=true`, {
      method: 'POST',
      body: { docs: [{ id: 'doc-a', rev: mine }, { id: 'doc-never', rev: '1-' + 'f'.repeat(32) }] },
    });
    assert.equal(bulk.status, 200);
    const [found, missing] = bulk.body.results;
    assert.equal(found.id, 'doc-a');
    assert.equal(found.docs[0].ok.v, 3);
    assert.deepEqual(found.docs[0].ok._revisions, { start: gen + 1, ids: ['1'.repeat(32), created.body.rev.split('-')[1]] });
    assert.equal(missing.id, 'doc-never');
    assert.equal(missing.docs[0].ok, undefined, 'a revision the server lacks has no "ok"');
    // QUIRK: CouchDB answers a missing revision with {"error": {"id", "rev", "error": "not_found",
    // "reason": "missing"}}; pouchdb-server with {"missing": "1-fff…"}. The client must treat any entry
    // without "ok" as not there. (pouchdb-server also merges several entries for one id into one result.)
  });

  test('_changes feed=longpoll through the proxy waits for the next change, and a client can give up', async () => {
    const { last_seq: since } = (await as.ana(`${SYNC_DB}/_changes`)).body;
    const seq = sinceParam(since);
    let answered = false;
    const poll = as.ana(`${SYNC_DB}/_changes?feed=longpoll&since=${seq}&timeout=30000`).finally(() => {
      answered = true;
    });
    await delay(300);
    assert.equal(answered, false, 'a long poll waits while nothing changes');
    await as.ana(`${SYNC_DB}/ann-live`, { method: 'PUT', body: { owner: 'ana' } });
    const res = await poll;
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.results.map((r) => r.id), ['ann-live']);
    assert.notDeepEqual(res.body.last_seq, since);

    // QUIRK: pouchdb-server ignores `timeout` on a long poll (CouchDB answers {"results": [], ...} once it
    // passes), and its gzip middleware holds back the heartbeat newlines: a quiet feed never answers. The
    // client must end a long poll itself (AbortController) after `timeout` and a margin.
    const controller = new AbortController();
    const quiet = fetch(new URL(`${SYNC_DB}/_changes?feed=longpoll&since=now&timeout=200`, env.base), {
      headers: { accept: 'application/json', cookie: (await signIn(env.base, 'ana')) },
      signal: controller.signal,
    }).then((res) => res.text());
    await delay(300);
    controller.abort();
    await assert.rejects(quiet, { name: 'AbortError' });
    assert.equal((await as.ana(SYNC_DB)).status, 200, 'the server and the proxy go on after a dropped poll');
  });

  test('the proxy streams: a continuous feed delivers a change while its response is still open', { timeout: 15_000 }, async () => {
    // QUIRK: only without gzip (`accept-encoding: identity`, which a browser never sends) does pouchdb-server
    // flush a continuous feed line by line; through a browser its feed arrives late or never. The client uses
    // long polls (as CouchDB's own replicator does by default), which work either way.
    const controller = new AbortController();
    const feed = fetch(new URL(`${SYNC_DB}/_changes?feed=continuous&since=now`, env.base), {
      headers: { accept: 'application/json', 'accept-encoding': 'identity', cookie: await signIn(env.base, 'ana') },
      signal: controller.signal,
    });
    // (The server sends the answer's head with its first line: a change, or a heartbeat after 6 s.)
    await delay(300);
    await as.ana(`${SYNC_DB}/ann-streamed`, { method: 'PUT', body: { owner: 'ana' } });
    const res = await feed;
    assert.equal(res.status, 200);
    const reader = res.body.getReader();
    let text = '';
    while (!text.includes('"ann-streamed"')) {
      const { value, done } = await reader.read();
      assert.equal(done, false, 'the feed ended before the change came');
      text += Buffer.from(value).toString('utf8');
    }
    controller.abort();
    await reader.cancel().catch(() => {});
  });
});

describe('a page under the app\'s Content-Security-Policy in Chromium', () => {
  const env = couchBehindProxy();
  let browser;
  before(async () => {
    await env.couch.admin.createUser('ana', PASSWORDS.ana);
    await env.couch.admin.createDb(CLASS_DB, { members: ['ana'] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  test('reaches the database on its own origin with a cookie session it cannot read, and nothing else', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(env.server.url);
      const seen = await page.evaluate(async ({ db, direct, password }) => {
        const json = { 'content-type': 'application/json', accept: 'application/json' };
        const status = (url, init) => fetch(url, init).then((r) => r.status, (e) => e.name);
        const before = await status(`/couchdb/${db}`);
        const signIn = await status('/couchdb/_session', { method: 'POST', headers: json, body: JSON.stringify({ name: 'ana', password }) });
        const after = await status(`/couchdb/${db}`);
        const write = await status(`/couchdb/${db}/from-page`, { method: 'PUT', headers: json, body: '{"owner":"ana"}' });
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
        const otherOrigin = await status(`${direct}${db}`);
        await new Promise((ok) => setTimeout(ok, 50)); // the violation event is queued as a task
        const blockedBy = violations.join(',');
        const cookieVisible = document.cookie.includes('AuthSession');
        const signOut = await status('/couchdb/_session', { method: 'DELETE' });
        const afterSignOut = await status(`/couchdb/${db}`);
        return { before, signIn, after, write, otherOrigin, blockedBy, cookieVisible, signOut, afterSignOut, stored: localStorage.length };
      }, { db: CLASS_DB, direct: env.couch.url, password: PASSWORDS.ana });
      assert.deepEqual(seen, {
        before: 401, // signed out: a secured database reads nothing
        signIn: 200,
        after: 200, // the browser sends the HttpOnly session cookie by itself
        write: 201,
        otherOrigin: 'TypeError', // the database's own port is another origin: refused by the policy
        blockedBy: 'connect-src',
        cookieVisible: false,
        signOut: 200,
        afterSignOut: 401,
        stored: 0,
      });
    } finally {
      await context.close();
    }
  });
});

describe('a server killed mid-way and restarted on the same port', () => {
  test('on disk (inMemory: false): data, _local checkpoint and sessions survive; the proxy says 502 while it is down', async () => {
    const first = await startCouch({ inMemory: false, keepDir: true });
    const root = mkdtempSync(join(tmpdir(), 'na-app-'));
    const server = await startStaticServer(root, { proxy: { '/couchdb/': first.url } });
    const env = { base: new URL('couchdb/', server.url).href };
    let second;
    try {
      await first.admin.createUser('ana', PASSWORDS.ana);
      await first.admin.createDb('resume', { members: ['ana'] });
      const ana = client(env, await signIn(env.base, 'ana'));
      for (const id of ['r1', 'r2']) await ana(`resume/${id}`, { method: 'PUT', body: { owner: 'ana' } });
      const checkpoint = (await ana('resume/_changes')).body.last_seq;
      await ana('resume/_local/pull', { method: 'PUT', body: { last_seq: checkpoint } });
      await ana('resume/r3', { method: 'PUT', body: { owner: 'ana' } });

      // A long poll open while the server dies: the client's request fails (a cut connection or a 502).
      const seq = sinceParam((await ana('resume/_changes')).body.last_seq);
      const poll = ana(`resume/_changes?feed=longpoll&since=${seq}`).then((res) => res.status, (err) => err.name);
      await delay(200);
      await first.kill();
      assert.equal((await first.exited).signal, 'SIGKILL');
      assert.ok(['TypeError', 502].includes(await poll), 'the open long poll fails');
      const down = await ana('resume');
      assert.equal(down.status, 502, 'while the server is down the proxy answers 502, as nginx would');
      assert.equal(down.body.error, 'bad_gateway');

      second = await startCouch({ port: first.port, dir: first.dir, inMemory: false });
      assert.equal((await ana('_session')).body.userCtx.name, 'ana', "the session cookie still works (CouchDB's does too)");
      assert.equal((await ana('resume/_local/pull')).body.last_seq, checkpoint, 'the checkpoint is still there');
      const resumed = await ana(`resume/_changes?since=${sinceParam(checkpoint)}`);
      assert.deepEqual(resumed.body.results.map((r) => r.id), ['r3'], 'resuming from it gives only what came after');
    } finally {
      await server.close();
      await first.kill();
      await second?.stop();
      rmSync(root, { recursive: true, force: true });
      rmSync(first.dir, { recursive: true, force: true });
    }
  });

  test('in memory: a restart is a new, empty server (only its config file, with the admin, remains)', async () => {
    const first = await startCouch({ keepDir: true });
    let second;
    try {
      await first.admin.createUser('ana', PASSWORDS.ana);
      await first.admin.createDb('gone', { members: ['ana'] });
      await first.kill();
      second = await startCouch({ port: first.port, dir: first.dir });
      const db = await second.admin.request('gone');
      assert.equal(db.status, 404, 'the database is gone');
      assert.equal(db.body.error, 'not_found');
      const login = await couchRequest(second.url, '_session', { method: 'POST', body: { name: 'ana', password: PASSWORDS.ana } });
      assert.equal(login.status, 401, 'and so are the users');
    } finally {
      await first.kill();
      await second?.stop();
      rmSync(first.dir, { recursive: true, force: true });
    }
  });
});
