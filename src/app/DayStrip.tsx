/**
 * The day strip above the time track of a story of several days: one button per day, its bar as
 * tall as the day's changes of control and its shade as dark as its entries, the day being shown
 * marked. A day zooms the track on it; "All days" zooms out. One tab stop: the arrows, Home and
 * End move between days (a toolbar), Enter or Space zooms.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { store } from '../state/store.ts';
import { dayLabelStep, dayWords, listStoryDays, type StoryDay } from '../state/story-days.ts';
import type { StoryModel } from '../state/story-model.ts';
import { useStore } from '../state/use-store.ts';
import { dayStrings } from './strings.ts';

/** The index of the day being shown: the zoomed day, else the day of the time. */
function useShownDay(days: StoryDay[]): number {
  return useStore((s) => {
    if (s.zoomDay) return days.findIndex((d) => d.date === s.zoomDay);
    return days.findIndex((d) => s.time >= d.start && s.time < d.end);
  });
}

function Day({ day, most, zoomed, shown, focusable }: { day: StoryDay; most: { changes: number; entries: number }; zoomed: boolean; shown: boolean; focusable: boolean }) {
  const words = dayWords(day.date, 'long');
  const bar = day.changes ? Math.max(3, Math.round((day.changes / most.changes) * 20)) : 0;
  return (
    <button
      type="button"
      class="day"
      data-day={day.date}
      tabIndex={focusable ? 0 : -1}
      aria-pressed={zoomed}
      aria-current={shown ? 'date' : undefined}
      aria-label={dayStrings.dayCell(words, day.changes, day.entries)}
      title={dayStrings.dayTitle(words, day.changes, day.entries)}
      style={{ '--entries': (day.entries / most.entries).toFixed(2) }}
      onClick={() => store.getState().setZoomDay(day.date)}
    >
      <span class="day-bar" style={{ height: `${bar}px` }} />
    </button>
  );
}

export function DayStrip({ model }: { model: StoryModel }) {
  const days = useMemo(() => listStoryDays(model), [model]);
  const most = useMemo(
    () => ({ changes: Math.max(1, ...days.map((d) => d.changes)), entries: Math.max(1, ...days.map((d) => d.entries)) }),
    [days],
  );
  const zoomDay = useStore((s) => s.zoomDay);
  const shown = useShownDay(days);
  const ref = useRef<HTMLDivElement>(null);
  const [cellPx, setCellPx] = useState(0);
  useEffect(() => {
    const grid = ref.current!;
    const observer = new ResizeObserver(() => setCellPx(grid.scrollWidth / days.length));
    observer.observe(grid);
    return () => observer.disconnect();
  }, [days]);
  // The day being shown stays in view when the strip scrolls (a phone), also while playing.
  useEffect(() => {
    const grid = ref.current;
    const cell = grid?.children[shown] as HTMLElement | undefined;
    if (!grid || !cell || grid.scrollWidth <= grid.clientWidth) return;
    if (cell.offsetLeft < grid.scrollLeft || cell.offsetLeft + cell.offsetWidth > grid.scrollLeft + grid.clientWidth) {
      grid.scrollLeft = cell.offsetLeft - (grid.clientWidth - cell.offsetWidth) / 2;
    }
  }, [shown]);
  const labels = dayLabelStep(cellPx || 24);
  const focusIndex = Math.max(0, shown);
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...ref.current!.querySelectorAll<HTMLButtonElement>('button.day')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowDown: at + 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (to === undefined) return;
    // Handled here, not by the page's time keys (the arrows would move time).
    e.preventDefault();
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, to))];
    buttons.forEach((b) => (b.tabIndex = b === next ? 0 : -1));
    next.focus();
  };
  return (
    <div class="day-strip">
      <button
        type="button"
        class="all-days"
        aria-pressed={!zoomDay}
        title={dayStrings.allDaysHint}
        onClick={() => store.getState().setZoomDay(null)}
      >
        {dayStrings.allDays}
      </button>
      <div class="days" role="toolbar" aria-label={dayStrings.days} ref={ref} style={{ '--days': days.length }} onKeyDown={onKeyDown}>
        {days.map((d, i) => (
          <Day key={d.date} day={d} most={most} zoomed={d.date === zoomDay} shown={i === shown} focusable={i === focusIndex} />
        ))}
        {days.map((d, i) =>
          i % labels.every === 0 ? (
            <span key={`l${d.date}`} class="day-label" aria-hidden="true" style={{ gridColumn: `${i + 1} / span ${Math.min(labels.every, days.length - i)}` }}>
              {dayWords(d.date, labels.weekday ? 'weekday' : 'short')}
            </span>
          ) : null,
        )}
      </div>
    </div>
  );
}
