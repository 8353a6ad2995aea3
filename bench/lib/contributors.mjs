// What the wasm is made of: the size of every function body and data segment, named from the module's
// name section, grouped by crate. Reads a build that still has its names (cargo's release output passed
// through wasm-bindgen, before wasm-opt strips them), like `twiggy top` does, so sizes are raw bytes
// before wasm-opt: good for shares, not for the download total.
import { readFileSync } from 'node:fs';

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const b = bytes[i++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [value, i];
    shift += 7;
  }
}

const utf8 = new TextDecoder();

/** Sections of a wasm module: [{id, start, end, name?}]. */
function sections(bytes) {
  const out = [];
  let i = 8;
  while (i < bytes.length) {
    const id = bytes[i];
    const [size, start] = leb(bytes, i + 1);
    const section = { id, start, end: start + size };
    if (id === 0) {
      const [len, at] = leb(bytes, start);
      section.name = utf8.decode(bytes.subarray(at, at + len));
      section.body = at + len;
    }
    out.push(section);
    i = start + size;
  }
  return out;
}

/** Number of imported functions (they come first in the function index space). */
function importedFunctions(bytes, section) {
  let [count, i] = leb(bytes, section.start);
  let functions = 0;
  while (count--) {
    for (let k = 0; k < 2; k++) {
      const [len, at] = leb(bytes, i);
      i = at + len;
    }
    const kind = bytes[i++];
    if (kind === 0) {
      functions++;
      i = leb(bytes, i)[1];
    } else if (kind === 1 || kind === 2) {
      if (kind === 1) i++; // the table's element type
      const flags = bytes[i++];
      i = leb(bytes, i)[1];
      if (flags & 1) i = leb(bytes, i)[1];
    } else if (kind === 3) {
      i += 2;
    } else {
      i = leb(bytes, i + 1)[1]; // a tag: attribute, type index
    }
  }
  return functions;
}

/** Function names from the `name` custom section: Map(index → name). */
function functionNames(bytes, section) {
  const names = new Map();
  let i = section.body;
  while (i < section.end) {
    const kind = bytes[i];
    const [size, start] = leb(bytes, i + 1);
    if (kind === 1) {
      let [count, at] = leb(bytes, start);
      while (count--) {
        const [index, a] = leb(bytes, at);
        const [len, b] = leb(bytes, a);
        names.set(index, utf8.decode(bytes.subarray(b, b + len)));
        at = b + len;
      }
    }
    i = start + size;
  }
  return names;
}

const ESCAPES = { $LT$: '<', $GT$: '>', $RF$: '&', $BP$: '*', $C$: ',', $SP$: '@', $u20$: ' ', $u27$: "'", $u5b$: '[', $u5d$: ']', $u7b$: '{', $u7d$: '}', $u3b$: ';', $u2b$: '+', $u22$: '"' };

/** Rust's legacy symbol mangling (`_ZN…E`) to a readable path without the hash; other names unchanged. */
export function demangle(name) {
  if (!name.startsWith('_ZN')) return name;
  const parts = [];
  let i = 3;
  while (i < name.length && name[i] !== 'E') {
    let digits = '';
    while (/[0-9]/.test(name[i])) digits += name[i++];
    if (!digits) break;
    parts.push(name.slice(i, i + Number(digits)));
    i += Number(digits);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts
    .map((p) => p.replace(/^_\$/, '$').replace(/\$[A-Za-z0-9]+\$/g, (e) => ESCAPES[e] ?? e).replaceAll('..', '::'))
    .join('::');
}

/** The crate (or module of ours) a function belongs to: the first `crate::` of its path. */
export function ownerOf(name) {
  const path = name.replace(/\[[0-9a-f]{16}\]/g, '');
  const ours = path.match(/news_annotator::\w+::\w+/);
  if (ours) return ours[0];
  return path.match(/([a-z_][a-z0-9_]*)::/)?.[1] ?? '(other)';
}

/**
 * {functions: [{name, owner, bytes}], data, owners: [{owner, bytes}], total} of a wasm file with a
 * name section. `data` is the bytes of all data segments (strings, tables, the bundled texts).
 */
export function contributors(file) {
  const bytes = new Uint8Array(readFileSync(file));
  const all = sections(bytes);
  const imports = all.find((s) => s.id === 2);
  const offset = imports ? importedFunctions(bytes, imports) : 0;
  const nameSection = all.find((s) => s.id === 0 && s.name === 'name');
  const names = nameSection ? functionNames(bytes, nameSection) : new Map();
  const code = all.find((s) => s.id === 10);
  const functions = [];
  if (code) {
    let [count, i] = leb(bytes, code.start);
    for (let k = 0; k < count; k++) {
      const [size, body] = leb(bytes, i);
      const name = demangle(names.get(offset + k) ?? `function[${offset + k}]`)
        .replace(/::h[0-9a-f]{16}$/, '')
        .replace(/\[[0-9a-f]{16}\]/g, '');
      functions.push({ name, owner: ownerOf(name), bytes: body + size - i });
      i = body + size;
    }
  }
  const dataSection = all.find((s) => s.id === 11);
  const data = dataSection ? dataSection.end - dataSection.start : 0;
  const byOwner = new Map();
  for (const f of functions) byOwner.set(f.owner, (byOwner.get(f.owner) ?? 0) + f.bytes);
  byOwner.set('(data segments: strings, tables, the bundled texts)', data);
  const owners = [...byOwner].map(([owner, b]) => ({ owner, bytes: b })).sort((a, b) => b.bytes - a.bytes);
  functions.sort((a, b) => b.bytes - a.bytes);
  const total = owners.reduce((t, o) => t + o.bytes, 0);
  return { functions, data, owners, total };
}
