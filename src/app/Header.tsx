/** Story title, its sources with links, story picker and the "how it is made" button. */
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { isWebUrl } from './SourceName.tsx';
import { strings, weeksStrings } from './strings.ts';

function focusSlider(): void {
  document.querySelector<HTMLElement>('[role="slider"]')?.focus();
}

/**
 * Opens the table of who holds what (the map's text alternative) and moves focus to it. Through
 * the store: the table is then built before the next key press reaches the page.
 */
function openTable(): void {
  const details = document.querySelector<HTMLDetailsElement>('#control-table');
  if (!details) return;
  store.getState().setView({ tableOpen: true });
  details.querySelector<HTMLElement>('summary')?.focus();
  details.scrollIntoView({ block: 'nearest' });
}

export function Header() {
  const model = useStore((s) => s.model);
  const stories = useStore((s) => s.stories);
  const storyId = useStore((s) => s.storyId);
  if (!model) return null;
  const { story } = model;
  return (
    <header class="masthead">
      <button type="button" class="skip-link" onClick={() => focusSlider()}>
        {strings.skipToSlider}
      </button>
      <button type="button" class="skip-link" onClick={() => openTable()}>
        {strings.skipToTable}
      </button>
      <div class="masthead-text">
        <p class="kicker">{strings.appName}</p>
        <h1>{story.title}</h1>
        <p class="sources">
          <span>{strings.sourcesLabel}: </span>
          {model.outlets.map(({ id, publisher, sources: [s, ...more] }, i) => (
            <span key={id}>
              {i > 0 ? ', ' : ''}
              {more.length > 0 ? (
                // Weeks of daily pages: the outlet once, its pages listed in "How this map is made".
                `${publisher} (${weeksStrings.pages(more.length + 1)})`
              ) : (
                <>
                  {isWebUrl(s.url) ? (
                    <a href={s.url} rel="noopener noreferrer" target="_blank">
                      {s.title ?? s.publisher}
                    </a>
                  ) : (
                    s.title ?? s.publisher
                  )}
                  {s.title && s.title !== s.publisher ? ` (${s.publisher})` : ''}
                </>
              )}
            </span>
          ))}
          {story.warnings.length > 0 ? (
            <>
              {' · '}
              <button type="button" class="link-button warn-count" onClick={() => store.getState().setView({ aboutOpen: true })}>
                {strings.warnings(story.warnings.length)}
              </button>
            </>
          ) : null}
        </p>
      </div>
      <div class="masthead-actions">
        {stories.length > 1 ? (
          <label class="story-picker">
            <span class="visually-hidden">{strings.storyPicker}</span>
            <select
              value={storyId ?? ''}
              onChange={(e) => void store.getState().loadStory((e.target as HTMLSelectElement).value)}
            >
              {stories.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" class="link-button" onClick={() => store.getState().setView({ aboutOpen: true })}>
          {strings.aboutOpen}
        </button>
      </div>
    </header>
  );
}
