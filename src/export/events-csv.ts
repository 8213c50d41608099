/** The story's events as ACLED-like CSV. */
import type { Story } from '../pipeline/types.ts';
import { ACLED_COLUMNS, toAcledRows } from './acled.ts';
import { toCsv } from './csv.ts';

/**
 * @example eventsToCsv(story).split('\r\n')[0] // 'event_id,event_date,time_precision,…'
 */
export function eventsToCsv(story: Story): string {
  return toCsv(ACLED_COLUMNS, toAcledRows(story));
}
