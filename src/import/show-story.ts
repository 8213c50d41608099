/**
 * Shows a story that did not come from `stories/`: an imported one or a saved JSON file.
 */
import type { Story } from '../pipeline/types.ts';
import type { AppStore } from '../state/store.ts';
import { buildStoryModel } from '../state/story-model.ts';

/** Puts the story in the store as the loaded one, at its end, with selections cleared. */
export function showStory(store: AppStore, story: Story): void {
  const model = buildStoryModel(story);
  store.setState({ model, storyId: story.id, status: 'ready', error: null, placeId: null, entryId: null, camera: null, playing: false });
  store.getState().setFilters({ outlet: '', actor: '', query: '', place: '' });
  store.getState().setTime(model.end);
}

/**
 * Reads a saved story file; throws an Error whose message can be shown as is.
 * The full JSON Schema check lives in the lazily loaded import chunk only.
 */
export async function readStoryFile(text: string, name: string): Promise<Story> {
  const { readStory } = await import('../pipeline/story-schema.ts');
  return readStory(text, name);
}
