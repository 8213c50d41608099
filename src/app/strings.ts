/**
 * Every user-facing string of the app, in one module so it can be translated.
 * Functions take the variable parts; nothing here builds HTML.
 */
export const strings = {
  /** BCP 47 language of these strings and their writing direction: the page's `lang` and `dir`. */
  lang: 'en',
  dir: 'ltr' as 'ltr' | 'rtl',
  /** Locale of dates and clocks (day before month, 24-hour clock). */
  locale: 'en-GB',
  appName: 'Live-blog control map',
  loading: 'Loading the story…',
  loadingMap: 'Drawing the map…',
  loadError: (detail: string) => `The story could not be loaded (${detail}).`,
  retry: 'Try again',
  openSiteStories: 'Open the site’s stories',
  localStoryGone:
    'this story was imported in a browser tab and is kept only there, until the tab is closed; import it again, or open its saved JSON',
  noWebgl:
    'This browser cannot draw the map (WebGL is unavailable). The entries and a table of who holds what are shown instead.',
  mapError: 'The map failed to draw. The entries and the table below still work.',
  sourcesLabel: 'Sources',
  // live stories
  /** The notice shown when a live story gained entries after the time the reader is looking at. */
  newUpdates: (n: number) => (n === 1 ? '1 new update' : `${n} new updates`),
  goToLatest: 'Go to latest',
  storyPicker: 'Story',
  // time slider
  sliderLabel: 'Story time',
  earlier: 'Before the story',
  /** The readout before the story's first entry: the last earlier change, in words. */
  beforeStory: 'Before the story',
  play: 'Play',
  pause: 'Pause',
  speed: 'Playback speed',
  speeds: (minutesPerSecond: number) =>
    minutesPerSecond >= 60 ? `${minutesPerSecond / 60} h/s` : `${minutesPerSecond} min/s`,
  prevChange: 'Previous change of control',
  nextChange: 'Next change of control',
  utc: 'UTC',
  keyboardHint: '← → step · Shift+← → one hour · PgUp/PgDn next/previous change · Space plays · Home/End (Home twice: before the story)',
  /**
   * A time in words that keep its precision (`src/state/time-words.ts`). `year` is empty on the
   * story's own days; `weekday` may be empty.
   */
  timeWords: {
    day: (p: { weekday: string; day: string; month: string; year: string }) =>
      [p.weekday, p.day, p.month, p.year].filter(Boolean).join(' '),
    dayRange: (from: string, to: string, month: string, year: string) => `${from}–${to} ${month}${year ? ` ${year}` : ''}`,
    range: (from: string, to: string) => `${from} – ${to}`,
    exact: (date: string, clock: string) => `${date}, ${clock} UTC`,
    about: (date: string, clock: string) => `${date}, about ${clock} UTC`,
    by: (date: string, clock: string) => `by ${date}, ${clock} UTC`,
    month: (month: string, year: string) => `${month} ${year}`,
    earlierIn: (year: string, before: string) => `earlier in ${year}, before ${before}`,
    inYearBy: (year: string, by: string) => `in ${year}, by ${by}`,
  },
  /** What the `≈` beside a time means, per precision (its tooltip). */
  certainty: {
    exact: 'Exact time',
    about: 'Approximate time, within a few hours',
    day: 'Only the day is known',
    week: 'Only the week is known',
    month: 'Only the month is known',
    year: 'Only the year is known',
    by: 'The report gives no time: it happened by then',
  } as Record<'exact' | 'about' | 'day' | 'week' | 'month' | 'year' | 'by', string>,
  // entries
  entriesTitle: 'Live-blog entries',
  newestFirst: 'Newest first',
  hideFuture: 'Hide later entries',
  searchPlaceholder: 'Search entries',
  allOutlets: 'All outlets',
  allActors: 'All actors',
  filterPlace: (name: string) => `Place: ${name}`,
  clearFilter: 'Clear',
  noEntries: 'No entries match.',
  entryCount: (shown: number, total: number) => `${shown} of ${total} entries`,
  estimatedTime: 'Estimated time',
  approx: '≈',
  pageClock: (clock: string) => `Time on the page: ${clock}`,
  timesInUtc: 'Times in UTC',
  kinds: {
    report: '',
    summary: 'Summary',
    comment: 'Reader comment',
    quote: 'Quote',
    caption: 'Caption',
    social: 'Social post',
  } as Record<string, string>,
  // place card
  close: 'Close',
  heldBy: 'Held by',
  /** Before the time the place last changed hands, on its own line under the holder. */
  changedAt: 'Changed hands',
  contestedBy: (names: string) => `Contested: ${names}`,
  unknownControl: 'No report of who holds it',
  /** Review state of the change(s) behind a holder (docs/review.md). */
  reviewChecked: 'Checked by the newsroom',
  reviewUnchecked: 'Not yet checked',
  controlHistory: 'Control history',
  heldBefore: 'Before the story',
  /** A holder no report names, taken from the actor registry (the card and the history say so). */
  assumed: 'assumed: no report names it',
  /** How a holder at the story's start is known (a place's `baseline.basis`). */
  basis: { stated: 'Stated', implied: 'Implied', file: 'Baseline file', assumed: 'Assumed' } as Record<string, string>,
  /** Why, per rule (a place's `baseline.rule`), shown after the holder's name. */
  basisReason: (rule: string, distanceKm?: number) =>
    ({
      capital: 'national capital, no report',
      'far-from-reports': distanceKm !== undefined ? `no report within ${distanceKm} km` : 'no report anywhere near',
      stated: 'the live blog says who holds it',
      'besieged-by': 'the live blog says who besieges it',
      guarded: 'the live blog has its forces on guard there',
      seat: 'the live blog names its authorities',
      'from-reported': 'a reported change took it from them',
      'from-assumed': 'held before the first reported change; no report names them',
      file: 'the story’s baseline file',
    })[rule] ?? rule,
  /** Card line: "Assumed: Iraqi government forces (national capital, no report)". */
  basisLine: (basis: string, actor: string, reason: string) => `${basis}: ${actor} (${reason})`,
  basisSource: (source: string, date: string) => `Source: ${source}, ${date}`,
  /** Map label's second line for a holder at the start: "IRQ (assumed)". */
  basisShort: (holder: string, basis: string) => `${holder} (${basis.toLowerCase()})`,
  legendBaseline: 'Holder at the start, no reported change (stated or assumed)',
  noHistory: 'The live blogs report no change of control here.',
  jump: 'Go to this moment',
  approximateLocation: (km?: number) =>
    km ? `Location approximate (within about ${km} km)` : 'Location approximate',
  entriesAbout: 'Show entries about this place',
  // legend and panels
  legendTitle: 'Who holds what',
  unknown: 'Unknown',
  contested: 'Contested',
  approximate: 'Approximate location',
  mentionedOnly: 'Mentioned only',
  areasToggle: 'Estimated areas of control',
  areasNote: 'Estimate: drawn around towns, not reported front lines',
  aboutOpen: 'How this map is made',
  aboutTitle: 'How this map is made, and how far to trust it',
  aboutBody: [
    'This map is built automatically from the text of news live blogs. Each entry is placed in time (from the clock printed beside it, or estimated between its neighbours when it had none), the places it names are looked up in a gazetteer, and sentences that report a town changing hands become events.',
    'A town’s colour is the last reported controller at the selected time. A change appears at the time it is reported to have happened, which may be earlier than the entry that reported it. Claims by one side are shown as reported, not as confirmed.',
    'Live blogs are written fast, often from a single source, and are sometimes wrong. Many towns never appear in them, and a town with no report is grey, not empty of fighting. Estimated areas, when shown, are drawn around towns with a simple geometric rule: they are not front lines.',
    'A time marked ≈ is not exact, and the words beside it say how much is known: a few hours, a day (“12–13 Jun”), a week (“9–12 Jun”), a month, a year (“earlier in 2014, before 13 Jun”), or only that it happened “by” the report that told of it. The map puts such a change at a best guess inside that span.',
    'Every change on the map links to the sentence that reported it. Read it before relying on the map.',
  ],
  warnings: (n: number) => (n === 1 ? '1 note on accuracy' : `${n} notes on accuracy`),
  warningsIntro: 'Where the automatic reading of the live blogs may have gone wrong:',
  /** A warning in plain words for readers, by the pipeline's warning code. */
  readerWarnings: {
    'distance-mismatch': 'A town may be drawn in the wrong spot: a report gives its distance from another town, and the map’s position does not match it.',
    'unlocated-place': 'A place named in the reports could not be put on the map.',
    'estimated-place': 'A place is drawn where the reports describe it, not from a map, so its position is approximate.',
    'ambiguous-place': 'A place name could mean more than one place; the map shows the likeliest.',
    'unknown-actor': 'An armed group the map does not know is shown in grey.',
    'far-from-theatre': 'A report of a town changing hands was left out: its name matched only a place far from where the story happens.',
    'unknown-source': 'Part of the story refers to an outlet it does not include; that part is left out.',
    'unknown-place': 'Part of the story refers to a place it does not include; that part is left out.',
    'invalid-time': 'An entry’s time could not be read, so its time is an estimate (≈).',
    'empty-entry': 'An entry with no text was left out.',
    'cited-time': 'Two entries disagree about when one of them was posted.',
    'no-timestamps': 'A live blog printed no times: its entries are spread across the day, and their times are estimates (≈).',
    'no-timezone': 'A live blog did not say its time zone; its times were read as UTC and may be off by some hours.',
    'date-from-text': 'A live blog gave no date; the first date written in it was used.',
  } as Record<string, string>,
  readerWarningOther: 'Part of a live blog could not be read fully.',
  warningEntry: (outlet: string, time: string) => `See the ${outlet} entry at ${time}`,
  warningsTechnical: 'Technical details, for the map’s maker',
  sourcesTitle: 'The live blogs',
  tableTitle: 'Who holds what at this time',
  tablePlace: 'Place',
  tableHolder: 'Held by',
  tableSince: 'Since',
  events: { control: 'Change of control', clash: 'Clash', strike: 'Strike', other: 'Event' } as Record<
    string,
    string
  >,
  changedTo: (place: string, actor: string) => `${place}: now ${actor}`,
  reportedBy: (outlet: string) => `reported by ${outlet}`,
  // words for screen readers: the slider's value text and playback announcements
  changeTake: (actor: string, place: string) => `${actor} take ${place}`,
  changeRetake: (actor: string, place: string) => `${actor} retake ${place}`,
  changeContested: (place: string) => `${place} contested`,
  changeUnknown: (place: string) => `${place}: control unknown`,
  moreChanges: (n: number) => (n === 1 ? 'and 1 more change' : `and ${n} more changes`),
  lastChange: (clock: string, what: string) => `last change ${clock}: ${what}`,
  sliderValue: (when: string, what: string) => `${when} — ${what}`,
  tableShow: 'Who holds what, as a table',
  tableEvidence: 'Reported',
  skipToSlider: 'Skip to the time slider',
  skipToTable: 'Skip to the table of who holds what',
  mapLabel: 'Map of who holds which town',
  /** MapLibre's own control labels (its `locale` option). */
  mapUi: {
    'Map.Title': 'Map of who holds which town',
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'AttributionControl.ToggleAttribution': 'Show or hide map credits',
    'ScaleControl.Kilometers': 'km',
    'ScaleControl.Meters': 'm',
  } as Record<string, string>,
} as const;

/** Text written into downloaded KML files. */
export const kmlStrings = {
  controlFolder: 'Control: who held each place, from one change to the next',
  eventsFolder: 'Events: each with the window in which it happened',
  contested: 'Contested',
  /** A period's description: holder, from when to when (in words), and how the holder is known. */
  period: (holder: string, start: string | null, end: string | null, basis: string) =>
    `${holder}, from ${start ?? 'before the first report'} to ${end ?? 'the end of the reports'}. ${basis}`,
  /** "Holder assumed (national capital, no report)." */
  basis: (basis: string, evidence: string) =>
    `Holder ${({ reported: 'reported', stated: 'stated', implied: 'implied', file: 'from the baseline file', assumed: 'assumed' } as Record<string, string>)[basis] ?? basis}${evidence ? ` (${evidence})` : ''}.`,
  when: (words: string) => `When: ${words}`,
} as const;

/** Text drawn into the downloaded view PNG. */
export const pngStrings = {
  timeLine: (time: string) => `Who controls what, ${time}`,
  legendTitle: 'Held by',
  contested: 'Contested',
  unknown: 'Unknown',
  /** The live legend's holder-at-the-start row, short enough for a PNG legend column. */
  baseline: 'Held at the start, no reported change',
  sources: (outlets: string) => `Sources: ${outlets}`,
  credits: 'Map: Natural Earth · Places: GeoNames · Made with liveblog-control-map',
} as const;

/** The embed, presentation, handout, download and import views. */
export const shareStrings = {
  // embed
  openFull: 'Open the full map',
  credit: (outlets: string) => `Sources: ${outlets}`,
  mapCredit: 'Places: GeoNames, Natural Earth',
  latestEntry: 'Latest report',
  noEntryYet: 'No report yet at this time.',
  embedTitle: 'Embed this map',
  embedIntro: 'Paste this into an article. The frame sizes itself to its content (pym.js, Datawrapper and AMP messages); the small script makes a plain iframe do so on any site.',
  embedPym: 'On a page that already loads pym.js:',
  embedOembed: (url: string) => `oEmbed: ${url}`,
  copy: 'Copy',
  copied: 'Copied',
  // toolbar
  present: 'Present',
  embed: 'Embed',
  download: 'Download',
  importOpen: 'Import a live blog',
  handout: 'Print handout',
  downloadGeojson: 'Events as GeoJSON',
  downloadCsv: 'Events as CSV (ACLED columns, times, sources)',
  downloadKml: 'Control periods and events as KML (Google Earth)',
  downloadControl: 'Who holds what at this time (GeoJSON)',
  downloadPng: 'This view as PNG (for an article)',
  downloadStory: 'Story as JSON (re-open with Import)',
  // present
  presentLabel: 'Presentation',
  stepOf: (n: number, total: number) => `${n} of ${total}`,
  intro: 'Press → or PageDown to begin',
  prevStep: 'Previous event (←)',
  nextStep: 'Next event (→)',
  playSteps: 'Play (P)',
  pauseSteps: 'Pause (P)',
  pace: 'Seconds per event',
  paces: (seconds: number) => `${seconds} s per event`,
  exit: 'Leave (Esc)',
  fullscreen: 'Full screen',
  who: 'Who',
  when: 'When',
  where: 'Where',
  reported: (outlet: string, time: string) => `${outlet}, ${time} UTC`,
  kinds: { control: 'Change of control', clash: 'Fighting', strike: 'Strike', other: 'Event' } as Record<string, string>,
  statuses: { reported: 'Reported', claimed: 'Claimed', contested: 'Contested', confirmed: 'Confirmed by several outlets' } as Record<string, string>,
  noEvents: 'This story has no events to present.',
  // handout
  handoutAt: (time: string) => `Map at ${time} UTC`,
  handoutChanges: 'Changes of control up to this time',
  handoutTime: 'When',
  handoutPlace: 'Place',
  handoutChange: 'Change',
  handoutSource: 'Reported by',
  handoutNote: 'Built automatically from live-blog text; every change cites the sentence that reported it. Colours show the last reported controller, not front lines.',
  handoutNone: 'No change of control reported by this time.',
  // import
  importTitle: 'Make a map from a live blog',
  importIntro: 'Paste the text of a live blog, or drop a saved page (.txt or .html). It is read in this browser; nothing is uploaded.',
  importText: 'Live-blog text or HTML',
  importFile: 'Or choose a file',
  importDate: 'Date the clock times belong to',
  importTz: 'Time zone of the clock times',
  importPublisher: 'Publisher',
  importTitleField: 'Title',
  importRun: 'Build the map',
  importOpenStory: 'Open a saved story (.json)',
  importWorking: (step: string) => `Working: ${step}`,
  importStepGazetteer: 'loading the place index (about 3.4 MB, once)…',
  importStepPipeline: 'reading entries, places and events…',
  importDone: (events: number, entries: number, warnings: number) =>
    `Built: ${entries} entries, ${events} events${warnings ? `, ${warnings} warnings` : ''}.`,
  importFailed: (message: string) => `Could not build the map: ${message}`,
  importEmpty: 'Paste some text or choose a file first.',
  importLocalNote: 'This story is kept in this browser tab only (it survives a reload, not closing the tab): download it as JSON to keep it.',
  localBadge: 'Imported: kept in this browser tab only.',
  localUnsaved: 'Imported: too large to keep in this tab; a reload loses it.',
  localKeep: 'Download it to keep it',
  embedLocal: 'An imported story is kept in this browser only, so it cannot be embedded. Publish it on the site first (npm run ingest and npm run build:stories), then embed it from there.',
  embedStart: (time: string, place: string) => `The embed opens at ${time} UTC${place ? `, on ${place}` : ''}, with the map as you see it now.`,
  importRead: 'Find places and actors',
  actorsTitle: 'Actors found',
  actorsIntro: (n: number) =>
    n === 1
      ? 'The live blog names one actor. Rename it or change its colour, then build the map.'
      : `The live blog names ${n} actors. Rename them, change their colours or merge one into another, then build the map.`,
  actorsNone: 'No actor was found in this text. Build the map to see its places and events.',
  actorEvents: (n: number) => (n === 1 ? '1 event' : `${n} events`),
  actorName: 'Name',
  actorShort: 'Short label',
  actorColor: 'Colour',
  actorMerge: 'Merge into…',
  actorKeep: 'Keep separate',
  actorMerged: (name: string) => `Shown as ${name} on the map.`,
  actorGrey: 'Grey: the text names this group only by a common word; it is not a known armed group.',
  actorsBack: 'Back',
} as const;

export { reviewStrings } from './strings-review.ts';

export { dayStrings, weeksStrings } from './strings-weeks.ts';
