/** A time in words with its precision: vague times carry the entries' `≈` marker, its tooltip saying how vague. */
import type { StoryDays, When } from '../state/time-words.ts';
import { certaintyName, describeWhen } from '../state/time-words.ts';
import { strings } from './strings.ts';

export function WhenText({ when, days }: { when: When; days: StoryDays }) {
  const exact = when.certainty === 'exact';
  return (
    <span class="when" data-precision={when.certainty}>
      {exact ? null : (
        <>
          <abbr class="approx" title={certaintyName(when.certainty)}>
            {strings.approx}
          </abbr>{' '}
        </>
      )}
      {describeWhen(when, days)}
    </span>
  );
}
