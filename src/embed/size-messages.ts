/**
 * The height messages newsroom embeds understand, and the pym.js messages a host sends back.
 * Pure: builds and parses message values; `frame-resizer.ts` posts them.
 *
 * Formats (see docs/embed-present-export.md):
 * - pym.js: the string `pym` `xPYMx` childId `xPYMx` type `xPYMx` payload (`height`, `width`);
 * - Datawrapper: `{ "datawrapper-height": { "<id>": px } }`;
 * - AMP `amp-iframe`: `{ sentinel: "amp", type: "embed-size", height }`.
 */

const PYM = 'xPYMx';

/** Heights outside this range are refused in both directions: no embed is 0 or 50,000 px tall. */
export const MIN_HEIGHT = 50;
export const MAX_HEIGHT = 20_000;

/** @example pymMessage('map', 'height', 640) // 'pymxPYMxmapxPYMxheightxPYMx640' */
export function pymMessage(childId: string, type: string, payload: string | number): string {
  return ['pym', childId, type, String(payload)].join(PYM);
}

/** A parsed pym message, or null when `data` is not one for `childId` (or for any child when omitted). */
export function parsePymMessage(data: unknown, childId?: string): { childId: string; type: string; payload: string } | null {
  if (typeof data !== 'string' || data.length > 1000) return null;
  const parts = data.split(PYM);
  if (parts.length !== 4 || parts[0] !== 'pym') return null;
  if (childId !== undefined && parts[1] !== childId) return null;
  return { childId: parts[1], type: parts[2], payload: parts[3] };
}

/** @example datawrapperMessage('iraq', 640) // { 'datawrapper-height': { iraq: 640 } } */
export function datawrapperMessage(id: string, height: number): { 'datawrapper-height': Record<string, number> } {
  return { 'datawrapper-height': { [id]: height } };
}

/** @example ampMessage(640) // { sentinel: 'amp', type: 'embed-size', height: 640 } */
export function ampMessage(height: number): { sentinel: 'amp'; type: 'embed-size'; height: number } {
  return { sentinel: 'amp', type: 'embed-size', height };
}

/** A width or height in px when `value` is a plausible one, else null. */
export function sizeOf(value: unknown, max = MAX_HEIGHT): number | null {
  const n = typeof value === 'string' && /^\d{1,6}(\.\d+)?$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= MIN_HEIGHT && n <= max ? Math.round(n) : null;
}

/**
 * The height a message asks for, in any of the three formats, or null when it is none of them.
 * This is what a host page runs on incoming messages (public/embed.js has the same logic).
 * @example heightFromMessage({ sentinel: 'amp', type: 'embed-size', height: 500 }) // 500
 */
export function heightFromMessage(data: unknown): number | null {
  const pym = parsePymMessage(data);
  if (pym) return pym.type === 'height' ? sizeOf(pym.payload) : null;
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (d.sentinel === 'amp' && d.type === 'embed-size') return sizeOf(d.height);
  const dw = d['datawrapper-height'];
  if (dw && typeof dw === 'object') {
    const values = Object.values(dw as Record<string, unknown>);
    return values.length === 1 ? sizeOf(values[0]) : null;
  }
  return null;
}
