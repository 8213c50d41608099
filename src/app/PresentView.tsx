/**
 * Presentation mode (`?present` or the Present button): full screen, large type, one step per
 * event with its caption. Keys: → / PageDown next, ← / PageUp back, P play, Esc leave.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { currentMap } from '../map/current-map.ts';
import { presentSteps, type PresentStep } from '../present/steps.ts';
import { formatTime } from '../state/format.ts';
import { describeWhen, momentWords } from '../state/time-words.ts';
import { store } from '../state/store.ts';
import { useStore } from '../state/use-store.ts';
import { actorColor } from '../theme.ts';
import { Handout, printHandout } from './Handout.tsx';
import { Icon } from './Icon.tsx';
import { MapView } from './MapView.tsx';
import { shareStrings as t, strings } from './strings.ts';
import { WhenText } from './When.tsx';

const PACES = [5, 10, 20] as const;
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Leaves the presentation (and full screen). */
export function leavePresent(): void {
  store.getState().hoverPlaces([]);
  store.getState().setMode('app');
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

function showStep(step: PresentStep | undefined, steps: PresentStep[]): void {
  const s = store.getState();
  if (!s.model) return;
  if (!step) {
    // Before the first event: the situation as the story found it.
    s.setTime(Math.max(s.model.min, (steps[0]?.time ?? s.model.start) - 60_000));
    s.hoverPlaces([]);
    return;
  }
  s.setTime(step.time);
  s.hoverPlaces([step.placeId]);
  const map = currentMap();
  if (!map) return;
  const zoom = Math.max(map.getZoom(), 6);
  if (reducedMotion()) map.jumpTo({ center: step.coordinates, zoom });
  else map.easeTo({ center: step.coordinates, zoom, duration: 900 });
}

function Caption({ step, index, total }: { step: PresentStep; index: number; total: number }) {
  const model = useStore((s) => s.model)!;
  const actors = model.story.actors;
  return (
    <article class="present-caption" data-event={step.eventId} aria-live="polite">
      <p class="present-kicker">
        <span class="present-count">{t.stepOf(index + 1, total)}</span>
        {t.kinds[step.kind] ?? step.kind} · {t.statuses[step.status] ?? step.status}
      </p>
      <h2>{step.headline}</h2>
      <dl class="present-facts">
        <div>
          <dt>{t.when}</dt>
          <dd>
            <WhenText when={step.when} days={model.days} />
          </dd>
        </div>
        <div>
          <dt>{t.where}</dt>
          <dd>{step.where}</dd>
        </div>
        <div>
          <dt>{t.who}</dt>
          <dd>
            {step.actors.map((a) => (
              <span class="present-actor" key={a}>
                <span class="dot" style={{ background: actorColor(actors, a) }} aria-hidden="true" />
                {model.actorById.get(a)?.name ?? a}
              </span>
            ))}
          </dd>
        </div>
      </dl>
      {step.quote ? (
        <blockquote>
          <p>“{step.quote}”</p>
          <footer>— {t.reported(step.outlet, formatTime(Date.parse(step.reportedAt), { withDate: true }))}</footer>
        </blockquote>
      ) : null}
    </article>
  );
}

/** `Fri 13 Jun, 14:05`, the year added off the story's days. */
function clockWords(ms: number, days: Parameters<typeof momentWords>[1]): string {
  const m = momentWords(ms, days);
  return `${m.date}, ${m.clock}`;
}

export function PresentView() {
  const model = useStore((s) => s.model);
  const minute = useStore((s) => Math.floor(s.time / 60_000));
  const steps = useMemo(() => (model ? presentSteps(model.story) : []), [model]);
  const [index, setIndex] = useState(-1);
  const [playing, setPlaying] = useState(false);
  const [pace, setPace] = useState<number>(PACES[1]);

  const go = (next: number) => setIndex(Math.max(-1, Math.min(steps.length - 1, next)));

  useEffect(() => showStep(steps[index], steps), [index, steps]);
  useEffect(() => {
    // A new story (or the first load) starts from the beginning.
    setIndex(-1);
    setPlaying(false);
  }, [steps]);

  useEffect(() => {
    if (!playing) return;
    if (index >= steps.length - 1) return setPlaying(false);
    const timer = setTimeout(() => go(index + 1), index < 0 ? 1500 : pace * 1000);
    return () => clearTimeout(timer);
  }, [playing, index, pace, steps]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if ((e.target as HTMLElement).closest('input, textarea, select')) return;
      const key = e.key;
      if (key === 'ArrowRight' || key === 'PageDown' || key === 'ArrowDown') setIndex((i) => Math.min(steps.length - 1, i + 1));
      else if (key === 'ArrowLeft' || key === 'PageUp' || key === 'ArrowUp') setIndex((i) => Math.max(-1, i - 1));
      else if (key === 'p' || key === 'P') setPlaying((p) => !p);
      else if (key === 'Home') setIndex(-1);
      else if (key === 'End') setIndex(steps.length - 1);
      else if (key === 'Escape') leavePresent();
      else return;
      e.preventDefault();
    };
    // Esc in full screen is taken by the browser: leaving full screen leaves the presentation.
    let wasFull = !!document.fullscreenElement;
    const onFullscreen = () => {
      if (wasFull && !document.fullscreenElement) leavePresent();
      wasFull = !!document.fullscreenElement;
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [steps]);

  if (!model) {
    return (
      <div class="status-page" aria-busy="true">
        <div class="spinner" aria-hidden="true" />
        <p>{strings.loading}</p>
      </div>
    );
  }
  const step = steps[index];
  return (
    <div class="present" data-step={index}>
      <header class="present-bar">
        <div class="present-title">
          <p class="kicker">{strings.appName}</p>
          <h1>{model.story.title}</h1>
        </div>
        {step && step.when.certainty !== 'exact' ? (
          // A vague event's moment is not a clock: the header says what the caption says.
          <p class="present-time" data-precision={step.when.certainty}>
            {describeWhen(step.when, model.days, { marker: true })}
          </p>
        ) : (
          <time class="present-time" dateTime={new Date(minute * 60_000).toISOString()}>
            {clockWords(minute * 60_000, model.days)} <abbr>{strings.utc}</abbr>
          </time>
        )}
        <div class="present-controls">
          <button type="button" onClick={() => go(index - 1)} aria-label={t.prevStep} title={t.prevStep}>
            <Icon name="prev" />
          </button>
          <button type="button" class="play" onClick={() => setPlaying(!playing)} aria-pressed={playing} aria-label={playing ? t.pauseSteps : t.playSteps} title={playing ? t.pauseSteps : t.playSteps}>
            <Icon name={playing ? 'pause' : 'play'} />
          </button>
          <button type="button" onClick={() => go(index + 1)} aria-label={t.nextStep} title={t.nextStep}>
            <Icon name="next" />
          </button>
          <label>
            <span class="visually-hidden">{t.pace}</span>
            <select value={pace} onChange={(e) => setPace(Number((e.target as HTMLSelectElement).value))}>
              {PACES.map((p) => (
                <option key={p} value={p}>
                  {t.paces(p)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="text" onClick={() => void printHandout()}>
            {t.handout}
          </button>
          <button type="button" class="text" onClick={leavePresent}>
            {t.exit}
          </button>
        </div>
      </header>
      <div class="present-stage">
        <MapView />
        {step ? (
          <Caption step={step} index={index} total={steps.length} />
        ) : (
          <article class="present-caption intro">
            <p class="present-kicker">{t.presentLabel}</p>
            <h2>{model.story.title}</h2>
            <p class="present-intro">{steps.length ? t.intro : t.noEvents}</p>
            <p class="present-sources">{t.credit(model.outlets.map((o) => o.publisher).join(', '))}</p>
          </article>
        )}
      </div>
      <ol class="present-progress" aria-label={t.presentLabel}>
        {steps.map((s, i) => (
          <li key={s.eventId} class={i === index ? 'current' : i < index ? 'done' : ''}>
            <button type="button" onClick={() => go(i)} aria-label={`${i + 1}: ${s.headline}`} aria-current={i === index ? 'step' : undefined} style={{ backgroundColor: actorColor(model.story.actors, s.actors[0]) }} />
          </li>
        ))}
      </ol>
      <Handout />
    </div>
  );
}
