// The benchmark's reading of what the wasm is made of (bench/lib/contributors.mjs), on a module built
// here byte by byte: one imported function, two defined functions with names, one data segment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contributors, demangle, ownerOf } from '../bench/lib/contributors.mjs';

const bytes = (s) => [...Buffer.from(s)];
const leb = (n) => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >> 7)]);
const vec = (items) => [...leb(items.length), ...items.flat()];
const str = (s) => [...leb(Buffer.byteLength(s)), ...bytes(s)];
const section = (id, body) => [id, ...leb(body.length), ...body];
const mangle = (...parts) => `_ZN${parts.map((p) => `${p.length}${p}`).join('')}E`;

function module() {
  const names = [
    [1, ...str('news_annotator::domain::json::parse::h0123456789abcdef')],
    [2, ...str('<core[c5930c85a12de822]::str::Chars as core::iter::Iterator>::next')],
  ];
  const nameBody = [...str('name'), ...section(1, vec(names))];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, 0x00, 0x00]])), // one type: () -> ()
    ...section(2, vec([[...str('env'), ...str('f'), 0x00, 0x00]])), // one imported function
    ...section(3, vec([[0x00], [0x00]])), // two functions of type 0
    ...section(10, vec([[0x02, 0x00, 0x0b], [0x04, 0x00, 0x01, 0x01, 0x0b]])), // bodies of 3 and 5 bytes
    ...section(11, vec([[0x00, 0x41, 0x00, 0x0b, ...str('hello')]])), // one active data segment
    ...section(0, nameBody),
  ]);
}

test('function sizes are read from the code section and named from the name section', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contributors-'));
  try {
    const file = join(dir, 'm.wasm');
    writeFileSync(file, module());
    const c = contributors(file);
    assert.deepEqual(
      c.functions.map((f) => [f.name, f.owner, f.bytes]),
      [
        ['<core::str::Chars as core::iter::Iterator>::next', 'core', 5],
        ['news_annotator::domain::json::parse', 'news_annotator::domain::json', 3],
      ],
    );
    assert.equal(c.data, 11);
    assert.equal(c.total, 5 + 3 + 11);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mangled Rust names are read back, and owners are crates or our modules', () => {
  assert.equal(demangle(mangle('core', 'fmt', 'write', 'h0123456789abcdef')), 'core::fmt::write');
  assert.equal(demangle(mangle('_$LT$T$u20$as$u20$alloc..string..ToString$GT$', 'to_string', 'h0123456789abcdef')), '<T as alloc::string::ToString>::to_string');
  assert.equal(ownerOf('<T as alloc::string::ToString>::to_string'), 'alloc');
  assert.equal(ownerOf('news_annotator::ui::app::App::run'), 'news_annotator::ui::app');
  assert.equal(ownerOf('memcpy'), '(other)');
});
