// Preloaded into pouchdb-server by tests/support/couch.mjs (`node --require`): the server exits when its
// stdin closes, that is when the test process that started it is gone, even if that process was killed.
'use strict';

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
