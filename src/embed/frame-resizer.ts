/**
 * Inside an embed: posts the page's height to the host frame in the pym.js, Datawrapper and AMP
 * formats whenever it changes, and answers pym's `width` message with the height.
 * Messages carry sizes only; incoming ones are checked for shape, sender and (when known) origin.
 */
import type { EmbedParams } from './embed-params.ts';
import { ampMessage, datawrapperMessage, parsePymMessage, pymMessage, sizeOf } from './size-messages.ts';

/**
 * @returns a function that stops observing and listening.
 * @param options.measure - the element whose height is the frame's content (default `body`)
 * @example const stop = startFrameResizer(readEmbedParams(location.search, story.id));
 */
export function startFrameResizer(
  params: EmbedParams,
  options: { measure?: HTMLElement; target?: Window } = {},
): () => void {
  const { measure = document.body, target = window.parent } = options;
  if (target === window) return () => {};
  // Heights are not secret, and hosts behind caches or proxies report a parentUrl whose origin
  // is not the frame's real parent: post to any origin (as pym.js does), check what comes in.
  let last = 0;
  const send = (force = false) => {
    const height = Math.ceil(measure.getBoundingClientRect().height);
    if (!height || (height === last && !force)) return;
    last = height;
    target.postMessage(pymMessage(params.childId, 'height', height), '*');
    target.postMessage(datawrapperMessage(params.childId, height), '*');
    target.postMessage(ampMessage(height), '*');
  };
  const observer = new ResizeObserver(() => send());
  observer.observe(measure);
  const onMessage = (e: MessageEvent) => {
    if (e.source !== target) return;
    if (params.parentOrigin && e.origin !== params.parentOrigin) return;
    const msg = parsePymMessage(e.data, params.childId);
    // pym's parent sends its width on load and resize; the frame answers with its height.
    if (msg?.type === 'width' && sizeOf(msg.payload, 10_000) !== null) send(true);
  };
  window.addEventListener('message', onMessage);
  send(true);
  return () => {
    observer.disconnect();
    window.removeEventListener('message', onMessage);
  };
}
