/** An outlet's name, linked to its live blog when the story's manifest gives the page's URL. */
import type { Source } from '../pipeline/types.ts';

/** Only http(s) links are links: a `javascript:` or `data:` URL in a story stays unlinked. */
export function isWebUrl(url: string | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url.trim());
}

export function SourceName({ source, fallback }: { source: Source | undefined; fallback: string }) {
  const name = source?.publisher ?? fallback;
  return isWebUrl(source?.url) ? (
    <a href={source.url} rel="noopener noreferrer" target="_blank">
      {name}
    </a>
  ) : (
    <>{name}</>
  );
}
