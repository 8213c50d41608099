/**
 * What an embed reads from its URL: pym.js passes `childId`, `initialWidth`, `parentUrl`
 * (and `parentTitle`); a Datawrapper-style host may name the frame with `id`.
 */
export interface EmbedParams {
  /** The id the height messages carry (pym childId, Datawrapper chart id). */
  childId: string;
  initialWidth: number | null;
  /** Origin of the host page when pym told us, to check incoming messages and address outgoing ones. */
  parentOrigin: string | null;
}

/**
 * @param fallbackId - used when the URL names no child id (the story id)
 * @example readEmbedParams('?embed&childId=map1&parentUrl=https%3A%2F%2Fnews.example%2Fa', 'iraq').parentOrigin // 'https://news.example'
 */
export function readEmbedParams(search: string, fallbackId: string): EmbedParams {
  const q = new URLSearchParams(search);
  const id = q.get('childId') ?? q.get('id') ?? '';
  const width = Number(q.get('initialWidth'));
  let parentOrigin: string | null = null;
  try {
    const url = new URL(q.get('parentUrl') ?? '');
    if (url.protocol === 'https:' || url.protocol === 'http:') parentOrigin = url.origin;
  } catch {
    // no or malformed parentUrl: we just don't know the host's origin
  }
  return {
    childId: /^[\w.:-]{1,100}$/.test(id) ? id : fallbackId,
    initialWidth: Number.isFinite(width) && width > 0 ? width : null,
    parentOrigin,
  };
}
