/**
 * Shows a story that did not come from `stories/`: an imported one or a saved JSON file.
 */
import type { Story } from '../pipeline/types.ts';
import { checkStoryText } from './check-story.ts';
import type { AppStore } from '../state/store.ts';
import { keepLocalStory, localStoryId } from '../state/local-stories.ts';
import { buildStoryModel } from '../state/story-model.ts';

/**
 * Puts the story in the store as the loaded one, at its end, with selections cleared. It is
 * shown under a local id (`local-<id>-<hash>`) and kept in this tab, so its URL survives a reload
 * and never names a story of the site.
 */
export function showStory(store: AppStore, story: Story): void {
  const model = buildStoryModel(story);
  const storyId = localStoryId(story);
  const localStory = keepLocalStory(storyId, story) ? 'kept' : 'page';
  store.setState({ model, storyId, localStory, status: 'ready', error: null, placeId: null, entryId: null, camera: null, playing: false, source: null, newUpdates: 0, loads: store.getState().loads + 1 });
  store.getState().setFilters({ outlet: '', actor: '', query: '', place: '' });
  store.getState().setTime(model.end);
}

/**
 * Reads a saved story file; throws an Error whose message can be shown as is.
 * @example showStory(store, readStoryFile(await file.text(), file.name))
 */
export function readStoryFile(text: string, name: string): Story {
  const story = checkStoryText(text, name);
  buildStoryModel(story); // throws on what the light check let through (e.g. an invalid span)
  return story;
}
