// Seeded randomness and Mongo-like ids. Everything the sandbox generates flows from here, so the same
// seed always yields byte-identical data (no Math.random, no clock).

/**
 * 32-bit FNV-1a followed by a murmur-style finaliser: cheap, and good enough to spread similar seeds
 * ("communecter", "communecter2") over unrelated PRNG streams.
 * @param {string} text
 * @returns {number} unsigned 32-bit integer
 */
export function hashString(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * @typedef {object} Random
 * @property {() => number} next float in [0, 1)
 * @property {(min: number, max: number) => number} int integer in [min, max]
 * @property {(probability: number) => boolean} chance
 * @property {<T>(items: readonly T[]) => T} pick
 * @property {<T>(pairs: readonly (readonly [T, number])[]) => T} weighted pick by relative weight
 * @property {<T>(items: readonly T[], count: number) => T[]} sample distinct items, in random order
 * @property {(length: number) => string} hex lower-case hex digits
 * @property {(name: string) => Random} fork an independent stream, stable whatever was drawn before
 */

/**
 * mulberry32: tiny, fast, and statistically fine for test data.
 * @param {string} seed
 * @returns {Random}
 */
export function createRandom(seed) {
  let state = hashString(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  /** @type {Random} */
  const random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(pairs) {
      let total = 0;
      for (const [, weight] of pairs) total += weight;
      let roll = next() * total;
      for (const [item, weight] of pairs) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return pairs[pairs.length - 1][0];
    },
    sample(items, count) {
      const wanted = Math.min(count, items.length);
      // Large pools (persons for link maps) are sampled by rejection, so a draw never copies them.
      if (items.length > 64 && wanted * 4 < items.length) {
        const picked = new Set();
        while (picked.size < wanted) picked.add(Math.floor(next() * items.length));
        return [...picked].map((index) => items[index]);
      }
      const copy = items.slice();
      for (let index = 0; index < wanted; index++) {
        const swap = index + Math.floor(next() * (copy.length - index));
        [copy[index], copy[swap]] = [copy[swap], copy[index]];
      }
      return copy.slice(0, wanted);
    },
    hex(length) {
      let out = '';
      while (out.length < length) out += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
    fork: (name) => createRandom(`${seed}/${name}`),
  };
  return random;
}

/**
 * Ids shaped like real MongoDB ObjectIds: 4 bytes of creation time, 5 random bytes, a 3-byte counter.
 * Keeping the timestamp real means ids sort roughly by creation, as on the platform, and the counter
 * makes them unique without a lookup.
 */
export function createIdFactory(random) {
  let counter = random.int(0, 0xffff);
  return (/** @type {number} */ createdSeconds) => {
    counter = (counter + 1) & 0xffffff;
    const time = (Math.max(0, Math.floor(createdSeconds)) >>> 0).toString(16).padStart(8, '0');
    return time + random.hex(10) + counter.toString(16).padStart(6, '0');
  };
}

/** A fixed, seed-independent id for reference data (cities, zones), so links to them stay valid across seeds. */
export function stableId(name, createdSeconds = 1422000000) {
  const random = createRandom(`stable:${name}`);
  return (createdSeconds >>> 0).toString(16).padStart(8, '0') + random.hex(16);
}

export const OBJECT_ID_PATTERN = /^[0-9a-f]{24}$/i;
