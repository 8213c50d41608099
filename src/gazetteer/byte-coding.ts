/** Integer and string codings the compact gazetteer file is made of (see `compact.ts`). */

/** Signed to unsigned: 0, -1, 1, -2… → 0, 1, 2, 3… */
export const zigzag = (d: number): number => (d >= 0 ? 2 * d : -2 * d - 1);
/** The inverse of {@link zigzag}. */
export const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** Distinct strings numbered in order of first use (at most 65,536). */
export class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      if (id > 0xffff) throw new Error(`invalid gazetteer: more than 65,536 distinct values like ${value}`);
      this.ids.set(value, id);
    }
    return id;
  }
}

/** Unsigned integers as LEB128 varints (7 bits a byte, high bit: more follows). */
export function varints(values: number[]): Uint8Array {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 128) {
      out.push((v % 128) | 128);
      v = Math.floor(v / 128);
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}

/** Integers of `width` bytes, stored plane by plane (all low bytes first), which gzip packs better. */
export function bytePlanes(values: Uint32Array, width: number): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n * width);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    for (let b = 0; b < width; b++) out[b * n + i] = (v >>> (8 * b)) & 255;
  }
  return out;
}

/** The inverse of {@link bytePlanes}; throws when the bytes do not hold `n` values. */
export function readPlanes(bytes: Uint8Array, n: number, width: number): Uint32Array {
  if (bytes.length !== n * width) throw new Error('invalid gazetteer: a numeric section does not match the places');
  const out = new Uint32Array(n);
  for (let b = 0; b < width; b++) {
    const plane = bytes.subarray(b * n, (b + 1) * n);
    const shift = 8 * b;
    for (let i = 0; i < n; i++) out[i]! |= plane[i]! << shift;
  }
  return out;
}
