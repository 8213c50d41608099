/**
 * Whether the newsroom checked the change(s) behind a holder: checked when every event behind it
 * was accepted, edited or added (docs/review.md); an event without the field is unchecked.
 */
import type { StoryModel } from '../state/story-model.ts';

/**
 * @returns `checked`, `unchecked`, or undefined when no event stands behind the holder
 * @example reviewState(model, ['ev-jalawla-control-2']) // 'unchecked'
 */
export function reviewState(model: Pick<StoryModel, 'eventById'>, eventIds: string[]): 'checked' | 'unchecked' | undefined {
  const events = eventIds.flatMap((id) => model.eventById.get(id) ?? []);
  if (!events.length) return undefined;
  return events.every((e) => e.review && e.review !== 'unreviewed') ? 'checked' : 'unchecked';
}
