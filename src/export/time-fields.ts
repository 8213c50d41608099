/**
 * Times in the downloads: beside the ISO fields for machines, the words the app writes for a
 * person and the app's precision word (exact, about, day, week, month, year, by), so every time
 * carries how well it is known out of the app too.
 */
import type { ControlSpan, Story } from '../pipeline/types.ts';
import { describeWhen, eventWhens, exactWhen, type StoryDays, type TimeCertainty, type When } from '../state/time-words.ts';

/**
 * No day is one of the story's: a downloaded row is read on its own, so its dates always carry
 * their year.
 */
const NO_STORY_DAYS: StoryDays = { first: '', last: '' };

/**
 * A time in the app's words, with its `≈` marker when it is not exact, and the year always written.
 * @example timeWords(eventWhen(mosul, 'Asia/Baghdad')) // '≈ 9–12 Jun 2014'
 */
export function timeWords(when: When): string {
  return describeWhen(when, NO_STORY_DAYS, { marker: true });
}

/** Words and precision of a time, or empty fields when there is none. */
export function timeFields(when: When | null | undefined): { words: string; precision: TimeCertainty | '' } {
  return when ? { words: timeWords(when), precision: when.certainty } : { words: '', precision: '' };
}

/** The story's events' times (as the app has them) and, for each change of control, the time of the event behind it. */
export interface StoryTimes {
  /** By event id. */
  events: Map<string, When>;
  /**
   * When a place's span starting at `ms` began: the time of the event behind the change (as the
   * app's place card says it), else the exact instant.
   */
  change(span: Pick<ControlSpan, 'events'>, ms: number): When;
}

/**
 * @example storyTimes(story).events.get('ev-kirkuk-control-1')?.certainty // 'about'
 */
export function storyTimes(story: Pick<Story, 'events' | 'places' | 'sources'>): StoryTimes {
  const events = eventWhens(story);
  return {
    events,
    change(span, ms) {
      const cause = span.events.find((id) => events.get(id)?.best === ms);
      return (cause && events.get(cause)) || exactWhen(ms);
    },
  };
}

