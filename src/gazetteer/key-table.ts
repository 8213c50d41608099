/**
 * A set of strings numbered in the order they were added, in typed arrays: open addressing over
 * FNV-1a hashes. The gazetteer's 370,000 spelling keys go in about three times faster than into a
 * `Map`, which grows (and rehashes) in steps and allocates per entry.
 */
export class KeyTable {
  /** The keys, by id. */
  readonly keys: string[] = [];
  private readonly slots: Int32Array;
  private readonly mask: number;

  /**
   * @param expected - about how many keys will be added; the table never grows past twice that.
   * @example const table = new KeyTable(1000); table.add('baghdad'); table.idOf('baghdad') // 0
   */
  constructor(expected: number) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** The key's id, adding it when new. */
  add(key: string): number {
    if (this.keys.length * 2 >= this.slots.length) throw new Error(`KeyTable: more keys than ${this.slots.length / 2}`);
    let slot = hash(key) & this.mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id < 0) {
        this.slots[slot] = this.keys.length;
        return this.keys.push(key) - 1;
      }
      if (this.keys[id] === key) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The key's id, or -1. */
  idOf(key: string): number {
    let slot = hash(key) & this.mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id < 0 || this.keys[id] === key) return id;
      slot = (slot + 1) & this.mask;
    }
  }
}

function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
