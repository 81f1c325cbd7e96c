// Snapshots that can be taken of anything a merchant might pass, without
// running any of its code: descriptors are read, never values through getters;
// a Proxy is kept as an opaque identity (touching it would run its traps).
// Two snapshots compare equal when nothing reachable was changed.
import { types } from 'node:util';

/** A leaf compared by identity (Object.is), never descended into. */
class Same {
  constructor(readonly ref: unknown) {}
}

type Shot = unknown;

/** The primitive inside a boxed value, read through the built-in valueOf (the object's own could be hostile). */
function unbox(value: object): unknown {
  if (types.isStringObject(value)) return String.prototype.valueOf.call(value);
  if (types.isNumberObject(value)) return Number.prototype.valueOf.call(value);
  if (types.isBooleanObject(value)) return Boolean.prototype.valueOf.call(value);
  if (types.isBigIntObject(value)) return BigInt.prototype.valueOf.call(value);
  return Symbol.prototype.valueOf.call(value);
}

function describeSlots(value: object, walk: (v: unknown) => Shot): Shot[] {
  // Internal slots that own keys do not show.
  if (types.isDate(value)) return ['date', Date.prototype.getTime.call(value)];
  if (types.isMap(value)) return ['map', ...[...Map.prototype.entries.call(value)].map(([k, v]) => [walk(k), walk(v)])];
  if (types.isSet(value)) return ['set', ...[...Set.prototype.values.call(value)].map(walk)];
  if (types.isBoxedPrimitive(value)) return ['boxed', new Same(unbox(value))];
  if (types.isTypedArray(value)) return ['typed', ...Array.from(value as unknown as ArrayLike<number>)];
  if (types.isRegExp(value)) return ['regexp', String(value)];
  return [];
}

/** A structural snapshot of `value` and everything reachable from it through own data properties. */
export function snapshot(value: unknown): Shot {
  const seen = new Map<object, number>();
  const walk = (v: unknown): Shot => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return new Same(v);
    if (seen.has(v)) return ['ref', seen.get(v)];
    seen.set(v, seen.size);
    if (types.isProxy(v)) return ['proxy', new Same(v)];
    // Host objects: identity, and for a node its place in the page (its children are the page's, and the flow's own dialog comes and goes in <body>).
    if (v === window || v === document || v === location) return ['host', new Same(v)];
    if (v instanceof Node) return ['node', new Same(v), new Same(v.parentNode)];
    const keys = Reflect.ownKeys(v).map((key) => {
      const d = Reflect.getOwnPropertyDescriptor(v, key)!;
      return 'value' in d
        ? [new Same(key), 'v', walk(d.value), d.writable, d.enumerable, d.configurable]
        : [new Same(key), 'a', new Same(d.get), new Same(d.set), d.enumerable, d.configurable];
    });
    return [typeof v, new Same(Object.getPrototypeOf(v)), Object.isExtensible(v), describeSlots(v, walk), keys];
  };
  return walk(value);
}

/** Deep equality of two snapshots (leaves by Object.is). */
export function sameShot(a: Shot, b: Shot): boolean {
  if (a instanceof Same || b instanceof Same) return a instanceof Same && b instanceof Same && Object.is(a.ref, b.ref);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameShot(x, b[i]));
  return Object.is(a, b);
}

/** Built-ins a prototype-pollution bug would touch. Only their own properties: cheap enough to compare after every run. */
const GUARDED: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Promise.prototype', Promise.prototype],
  ['Object', Object],
  ['JSON', JSON],
];

function shallow(target: object): Shot {
  return [
    new Same(Object.getPrototypeOf(target)),
    Object.isExtensible(target),
    Reflect.ownKeys(target).map((key) => {
      const d = Reflect.getOwnPropertyDescriptor(target, key)!;
      return [new Same(key), new Same(d.value), new Same(d.get), new Same(d.set), d.writable, d.enumerable, d.configurable];
    }),
  ];
}

export type BuiltinsShot = [string, Shot][];

export const snapshotBuiltins = (): BuiltinsShot => GUARDED.map(([name, target]) => [name, shallow(target)]);

/** Names of the guarded built-ins that changed since `before`, plus "{}.polluted" if a fresh object shows one. */
export function changedBuiltins(before: BuiltinsShot): string[] {
  const now = snapshotBuiltins();
  const changed = before.filter(([, shot], i) => !sameShot(shot, now[i]![1])).map(([name]) => name);
  const fresh: Record<string, unknown> = {};
  if ('polluted' in fresh || fresh.polluted !== undefined) changed.push('{}.polluted');
  return changed;
}
