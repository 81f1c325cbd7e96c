// Hostile inputs are generated as printable *recipes* and built fresh for each
// run (build()): a Proxy whose traps throw cannot be printed in a
// counterexample, and a frozen or cyclic object must not leak from one run into
// the next. Plain values (fc.anything, numbers, strings, symbols) are carried as is.

/** Proxy traps that can be made to throw; 'none' is a transparent Proxy, 'all' throws on every trap. */
export type Trap = 'none' | 'ownKeys' | 'get' | 'getPrototypeOf' | 'has' | 'getOwnPropertyDescriptor' | 'set' | 'all';

/** How a conversion-hostile object misbehaves when the SDK tries to turn it into a string or JSON. */
export type Coercion = 'toString' | 'valueOf' | 'toPrimitive' | 'toJSON' | 'all';

/** What a trap, getter or conversion throws: an Error, or something that is no Error at all. */
export type Thrown = 'error' | 'string' | 'nullProto' | 'proxy';

/** Changes made to an object after its entries are in place. */
export type Twist =
  | { t: 'freeze' }
  | { t: 'nullProto' }
  /** An inherited prototype carrying V1 fields (the SDK must read own keys only). */
  | { t: 'inherit'; from: Record<string, unknown> }
  /** obj[key] = obj. */
  | { t: 'cyclic'; key: string }
  /** An enumerable own getter that throws. */
  | { t: 'throwingGetter'; key: string; thrown: Thrown }
  /** An own "__proto__" data key: as JSON.parse makes it, or by Object.defineProperty. */
  | { t: 'protoKey'; how: 'json' | 'define'; payload: unknown }
  /** A getter that calls back into IMP while the SDK reads the params. */
  | { t: 'reentrantGetter'; key: string; call: 'request_pay' | 'close' | 'deinit' | 'init' };

export type Recipe =
  | { t: 'value'; v: unknown }
  /** `unit` repeated to `length` characters (up to ~1 MB). */
  | { t: 'huge'; unit: string; length: number }
  | { t: 'fn'; kind: 'plain' | 'throws' | 'async' | 'class' | 'bound' }
  | { t: 'date'; ms: number }
  | { t: 'dom'; tag: string }
  | { t: 'host'; which: 'window' | 'document' | 'body' | 'text' | 'location' }
  | { t: 'coercion'; how: Coercion; thrown: Thrown }
  | { t: 'object'; entries: [string, Recipe][]; twists: Twist[] }
  | { t: 'array'; items: Recipe[]; sparse: boolean }
  | { t: 'proxy'; target: Recipe; trap: Trap; thrown: Thrown }
  | { t: 'revoked'; fn: boolean };

/** Calls a getter may make into the SDK; wired by the harness (the recipes know nothing of IMP). */
export interface Reentry {
  (call: 'request_pay' | 'close' | 'deinit' | 'init'): void;
}

/** The value thrown by a hostile trap, getter or conversion. */
function thrownValue(kind: Thrown): unknown {
  switch (kind) {
    case 'error':
      return new Error('hostile input');
    case 'string':
      return 'hostile input';
    case 'nullProto':
      // String() of this throws too: a catch block that formats the error must not rethrow.
      return Object.create(null);
    case 'proxy':
      return new Proxy(
        {},
        {
          get() {
            throw new Error('hostile thrown value');
          },
          getPrototypeOf() {
            throw new Error('hostile thrown value');
          },
        },
      );
  }
}

const thrower = (kind: Thrown) => (): never => {
  throw thrownValue(kind);
};

function proxyHandler(trap: Trap, thrown: Thrown): ProxyHandler<object> {
  if (trap === 'none') return {};
  const traps: (keyof ProxyHandler<object>)[] =
    trap === 'all'
      ? ['ownKeys', 'get', 'getPrototypeOf', 'has', 'getOwnPropertyDescriptor', 'set', 'defineProperty', 'deleteProperty', 'apply', 'isExtensible', 'preventExtensions', 'setPrototypeOf']
      : [trap];
  const handler: ProxyHandler<object> = {};
  for (const name of traps) (handler as Record<string, unknown>)[name] = thrower(thrown);
  return handler;
}

function applyTwist(obj: Record<string, unknown>, twist: Twist, reenter: Reentry): Record<string, unknown> {
  switch (twist.t) {
    case 'freeze':
      return Object.freeze(obj);
    case 'nullProto':
      return Object.isExtensible(obj) ? (Object.setPrototypeOf(obj, null) as Record<string, unknown>) : obj;
    case 'inherit':
      return Object.isExtensible(obj) ? (Object.setPrototypeOf(obj, { ...twist.from }) as Record<string, unknown>) : obj;
    case 'cyclic':
      if (Object.isExtensible(obj)) Object.defineProperty(obj, twist.key, { value: obj, enumerable: true, writable: true, configurable: true });
      return obj;
    case 'throwingGetter':
      if (Object.isExtensible(obj))
        Object.defineProperty(obj, twist.key, { enumerable: true, configurable: true, get: thrower(twist.thrown) });
      return obj;
    case 'protoKey': {
      if (!Object.isExtensible(obj)) return obj;
      if (twist.how === 'json') {
        // Exactly what a JSON body parsed by the page gives: an own, enumerable "__proto__" data key.
        const parsed = JSON.parse(`{"__proto__": ${JSON.stringify(twist.payload) ?? 'null'}}`) as Record<string, unknown>;
        Object.defineProperty(obj, '__proto__', Object.getOwnPropertyDescriptor(parsed, '__proto__')!);
      } else {
        Object.defineProperty(obj, '__proto__', { value: twist.payload, enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    case 'reentrantGetter':
      if (Object.isExtensible(obj))
        Object.defineProperty(obj, twist.key, {
          enumerable: true,
          configurable: true,
          get: () => {
            reenter(twist.call);
            return 1000;
          },
        });
      return obj;
  }
}

/** Make the live value a recipe describes. Every call makes new objects. */
export function build(recipe: Recipe, reenter: Reentry): unknown {
  switch (recipe.t) {
    case 'value':
      return recipe.v;
    case 'huge':
      return recipe.unit.repeat(Math.ceil(recipe.length / recipe.unit.length));
    case 'fn':
      switch (recipe.kind) {
        case 'plain':
          return () => 1;
        case 'throws':
          return thrower('error');
        case 'async':
          // Returns a rejected promise that its own code handles: called as a
          // toJSON by JSON.stringify, an unhandled one would be the merchant's
          // doing (their own JSON.stringify would do the same), not the SDK's.
          // The callback that rejects unhandled is CallbackRecipe 'rejects'.
          return () => {
            const rejected = Promise.reject(new Error('async hostile'));
            rejected.catch(() => {});
            return rejected;
          };
        case 'class':
          return class Order {};
        case 'bound':
          return function (this: unknown) {
            return this;
          }.bind(null);
      }
      break;
    case 'date':
      return new Date(recipe.ms);
    case 'dom':
      return document.createElement(recipe.tag);
    case 'host':
      switch (recipe.which) {
        case 'window':
          return window;
        case 'document':
          return document;
        case 'body':
          return document.body;
        case 'text':
          return document.createTextNode('note');
        case 'location':
          return location;
      }
      break;
    case 'coercion': {
      const fail = thrower(recipe.thrown);
      const obj: Record<PropertyKey, unknown> = {};
      if (recipe.how === 'toString' || recipe.how === 'all') obj.toString = fail;
      if (recipe.how === 'valueOf' || recipe.how === 'all') obj.valueOf = fail;
      if (recipe.how === 'toPrimitive' || recipe.how === 'all') obj[Symbol.toPrimitive] = fail;
      if (recipe.how === 'toJSON' || recipe.how === 'all') obj.toJSON = fail;
      return obj;
    }
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const [key, value] of recipe.entries) {
        // defineProperty, so a "__proto__" entry is an own key and not a prototype change.
        Object.defineProperty(obj, key, { value: build(value, reenter), enumerable: true, writable: true, configurable: true });
      }
      return recipe.twists.reduce((o, twist) => applyTwist(o, twist, reenter), obj);
    }
    case 'array': {
      const items = recipe.items.map((item) => build(item, reenter));
      if (!recipe.sparse) return items;
      const sparse: unknown[] = [];
      items.forEach((item, i) => (sparse[i * 3 + 1] = item));
      return sparse;
    }
    case 'proxy': {
      const target = build(recipe.target, reenter);
      const base = target !== null && (typeof target === 'object' || typeof target === 'function') ? target : {};
      return new Proxy(base as object, proxyHandler(recipe.trap, recipe.thrown));
    }
    case 'revoked': {
      const { proxy, revoke } = Proxy.revocable(recipe.fn ? () => 1 : {}, {});
      revoke();
      return proxy;
    }
  }
  throw new Error(`unknown recipe ${JSON.stringify(recipe)}`);
}
