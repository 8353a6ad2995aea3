// What the long tasks of a page's main thread were made of, from a Chromium trace (Playwright's
// browser.startTracing with TRACE_CATEGORIES): each task of 50 ms or more on the page's renderer main
// thread, its biggest child events (an event dispatch, a posted message, a timer, garbage collection,
// layout, …) and, from the V8 sampling profiler, the functions that took its time (self time), wasm
// functions by their names where the module has a name section. The analysis is pure.

/** The trace categories the analysis reads. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'v8.execute',
  'v8',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/** A tracer for long-work.mjs: starts and stops Chromium tracing around a measurement, then analyses it. */
export function tracer(browser) {
  return {
    start: (page) => browser.startTracing(page, { categories: TRACE_CATEGORIES }),
    stop: async () => longTasksOfTrace(JSON.parse((await browser.stopTracing()).toString('utf8'))),
  };
}

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** A readable name of a trace event: its name with what it was about (event type, function, URL). */
export function labelOf(e) {
  const d = e.args?.data ?? {};
  if (e.name === 'EventDispatch' && d.type) return `EventDispatch ${d.type}`;
  if (e.name === 'FunctionCall' && (d.functionName || d.url)) return `FunctionCall ${d.functionName || '(anonymous)'}${d.url ? ` ${d.url.split('/').pop()}` : ''}`;
  if (e.name === 'TimerFire') return 'TimerFire';
  return e.name;
}

/**
 * The renderer main thread that ran the most task time ({pid, tid}) and the dedicated worker threads
 * ([{pid, tid}]) of a trace's events.
 */
export function threadsOf(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const busy = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) === 'CrRendererMain') busy.set(key, (busy.get(key) ?? 0) + (e.dur ?? 0));
  }
  const [mainKey] = [...busy.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  const split = (key) => {
    const [pid, tid] = key.split(':').map(Number);
    return { pid, tid };
  };
  const workers = [...names.entries()].filter(([, n]) => /DedicatedWorker/.test(n)).map(([k]) => split(k));
  return { main: mainKey ? split(mainKey) : null, workers };
}

/**
 * The V8 samples of thread {pid, tid}: [{ts, name}] (µs, the trace's clock; `name` the sampled function,
 * '(program)', '(idle)', '(garbage collector)' …), from the Profile and ProfileChunk events.
 */
export function samplesOf(events, { pid, tid }) {
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.name === 'Profile') profiles.set(e.id, { start: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [], deltas: [] });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || !profiles.has(e.id)) continue;
    const p = profiles.get(e.id);
    const cpu = e.args?.data?.cpuProfile ?? {};
    for (const n of cpu.nodes ?? []) p.nodes.set(n.id, n.callFrame?.functionName || (n.callFrame?.url ? `(anonymous) ${n.callFrame.url.split('/').pop()}` : '(anonymous)'));
    p.samples.push(...(cpu.samples ?? []));
    p.deltas.push(...(e.args?.data?.timeDeltas ?? []));
  }
  const out = [];
  for (const p of profiles.values()) {
    let ts = p.start;
    p.samples.forEach((id, i) => {
      ts += p.deltas[i] ?? 0;
      out.push({ ts, name: p.nodes.get(id) ?? `node ${id}` });
    });
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** [{name, ms}] of `xs` ({name, us}) summed by name, largest first, the first `top`. */
function topByName(xs, top) {
  const by = new Map();
  for (const x of xs) by.set(x.name, (by.get(x.name) ?? 0) + x.us);
  return [...by.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }));
}

/** The page's performance marks whose name starts with `prefix`: [{name, ts}] in trace time, in order. */
export function marksOf(events, prefix) {
  return events
    .filter((e) => String(e.cat ?? '').includes('blink.user_timing') && typeof e.name === 'string' && e.name.startsWith(prefix))
    .map((e) => ({ name: e.name, ts: e.ts }))
    .sort((a, b) => a.ts - b.ts);
}

/**
 * The long tasks (≥ `minMs`) of the page's main thread in a trace ({traceEvents} or an array): [{start
 * (ms from the trace's first task on that thread), after ({mark, ms}: the last performance mark named
 * `markPrefix`… before the task, without the prefix, and how long before; or null), ms, children: [{name, ms}] (the largest events
 * directly inside the task, by label), functions: [{name, ms}] (sampled self time)}], and the worker
 * threads' busy time (ms of tasks).
 */
export function longTasksOfTrace(trace, { minMs = 50, top = 6, markPrefix = 'lw:' } = {}) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents ?? [];
  const { main, workers } = threadsOf(events);
  if (!main) return { tasks: [], workerMs: 0, note: 'no renderer main thread in the trace' };
  const on = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // The outermost tasks only (a RunTask can hold another).
  const runTasks = [];
  for (const e of on) if (TASK_NAMES.has(e.name) && !(runTasks.length && e.ts < runTasks.at(-1).ts + runTasks.at(-1).dur)) runTasks.push(e);
  const origin = runTasks[0]?.ts ?? 0;
  const samples = samplesOf(events, main);
  const marks = marksOf(events, markPrefix);
  const tasks = [];
  for (const t of runTasks) {
    if ((t.dur ?? 0) < minMs * 1000) continue;
    const mark = marks.filter((m) => m.ts <= t.ts).at(-1);
    const end = t.ts + t.dur;
    // Direct children: events inside the task not inside an earlier child.
    const children = [];
    let until = -Infinity;
    for (const e of on) {
      if (e === t || e.ts < t.ts || e.ts >= end || TASK_NAMES.has(e.name)) continue;
      if (e.ts < until) continue;
      children.push({ name: labelOf(e), us: e.dur ?? 0 });
      until = e.ts + (e.dur ?? 0);
    }
    const inTask = samples.filter((s) => s.ts >= t.ts && s.ts < end);
    const functions = inTask.map((s, i) => ({ name: s.name, us: (inTask[i + 1]?.ts ?? end) - s.ts }));
    tasks.push({
      start: Math.round((t.ts - origin) / 1000),
      after: mark ? { mark: mark.name.slice(markPrefix.length), ms: Math.round((t.ts - mark.ts) / 1000) } : null,
      ms: Math.round(t.dur / 1000),
      children: topByName(children, top),
      functions: topByName(functions, top),
    });
  }
  const workerMs = events
    .filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name) && workers.some((w) => w.pid === e.pid && w.tid === e.tid))
    .reduce((s, e) => s + (e.dur ?? 0) / 1000, 0);
  return { tasks, workerMs: Math.round(workerMs) };
}
