/**
 * `npm run eval:places [-- --verbose] [--json FILE] [--limit N] [--corpus FILE]`
 * Scores `geoparse` on GeoWebNews (Gritta et al. 2019), read from `../shared/geoparsing/GWN.xml`
 * beside the project (GPL-3.0: read from there, never copied here). Each article is one text.
 * With the corpus's usual rules: toponym recognition P/R/F1 by one-to-one span overlap; of the gold
 * toponyms found, the share placed within 161 km; the same share of all gold toponyms (end to end);
 * and the AUC of the error curve (see docs/gazetteer.md, "Measured on GeoWebNews", for the formula).
 * Exit 0 whatever the score, and when the corpus is absent (it says so).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { distance, point } from '@turf/turf';
import { Parser } from 'htmlparser2';
import { readGazetteer } from '../src/cli/gazetteer-file.ts';
import { geoparse, type GeoparsedMention } from '../src/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_CORPUS = resolve(ROOT, '../shared/geoparsing/GWN.xml');
const USAGE = 'usage: npm run eval:places -- [--verbose] [--json FILE] [--limit N] [--corpus FILE]';

/** Gold types that are toponyms (the corpus README): literal ones first, then the associative ones. */
const LITERAL_TYPES = ['Literal', 'Literal_Modifier', 'Mixed', 'Coercion', 'Embedded_Literal'];
const ASSOCIATIVE_TYPES = ['Metonymic', 'Non_Literal_Modifier', 'Embedded_Non_Lit'];
const TOPONYM_TYPES = new Set([...LITERAL_TYPES, ...ASSOCIATIVE_TYPES]);
/** "within 161 km" (100 miles), strictly below as in the authors' scripts. */
const NEAR_KM = 161;
/** Largest distance between two points of the Earth, the AUC's normaliser (km). */
const MAX_KM = 20039;
/** How many false toponyms and far errors `--verbose` lists. */
const SHOWN = 20;

interface GoldAnnotation {
  type: string;
  start: number;
  end: number;
  name: string;
  lat?: number;
  lon?: number;
  geonamesId?: string;
}

interface Article {
  file: string;
  text: string;
  annotations: GoldAnnotation[];
}

/** Reads the corpus XML: articles with their text and annotations (offsets into the text). */
function readCorpus(xml: string): Article[] {
  const articles: Article[] = [];
  let article: Article | undefined;
  let fields: Record<string, string> | undefined;
  let buffer = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'article') article = { file: attributes.file ?? String(articles.length), text: '', annotations: [] };
        else if (name === 'toponym') fields = {};
        buffer = '';
      },
      ontext(data) {
        buffer += data;
      },
      onclosetag(name) {
        if (article && name === 'text') article.text = buffer;
        else if (article && name === 'article') {
          articles.push(article);
          article = undefined;
        } else if (article && fields && name === 'toponym') {
          article.annotations.push(toAnnotation(fields));
          fields = undefined;
        } else if (fields) fields[name] = buffer.trim();
        buffer = '';
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return articles;
}

function toAnnotation(f: Record<string, string>): GoldAnnotation {
  const number = (s: string | undefined) => (s ? Number(s) : undefined);
  const lat = number(f.latitude);
  const lon = number(f.longitude);
  return {
    type: f.type ?? '',
    start: Number(f.start),
    end: Number(f.end),
    name: f.extractedName ?? '',
    ...(lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : {}),
    ...(f.geonamesID ? { geonamesId: f.geonamesID } : {}),
  };
}

/**
 * A few annotations have negative offsets: they belong to the title (a lede, in one article), which
 * is not part of the text scored. They are dropped; returns how many.
 */
function dropOutsideText(article: Article): number {
  const before = article.annotations.length;
  article.annotations = article.annotations.filter((a) => a.start >= 0 && a.end <= article.text.length && a.start < a.end);
  return before - article.annotations.length;
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.min(a.end, b.end) - Math.max(a.start, b.start);

interface Match {
  gold: GoldAnnotation;
  predicted: GeoparsedMention;
  km?: number;
}

/** One-to-one span-overlap matching: each prediction, in text order, takes the free gold toponym it overlaps most. */
function matchSpans(gold: GoldAnnotation[], predicted: GeoparsedMention[]): { matches: Match[]; falses: GeoparsedMention[]; misses: GoldAnnotation[] } {
  const taken = new Set<GoldAnnotation>();
  const matches: Match[] = [];
  const falses: GeoparsedMention[] = [];
  for (const p of predicted) {
    let best: GoldAnnotation | undefined;
    for (const g of gold) {
      if (taken.has(g) || overlap(g, p) <= 0) continue;
      if (!best || overlap(g, p) > overlap(best, p)) best = g;
    }
    if (!best) {
      falses.push(p);
      continue;
    }
    taken.add(best);
    const km = best.lat !== undefined ? distance(point([p.lon, p.lat]), point([best.lon!, best.lat]), { units: 'kilometers' }) : undefined;
    matches.push({ gold: best, predicted: p, ...(km !== undefined ? { km } : {}) });
  }
  return { matches, falses, misses: gold.filter((g) => !taken.has(g)) };
}

/**
 * AUC of the error curve, as Gritta et al.'s scripts compute it: the errors' ln(1 + km), sorted,
 * integrated by the trapezoidal rule with unit steps, divided by (n − 1) · ln(20039). 0 is perfect, 1 the worst.
 */
function errorAuc(kms: number[]): number {
  if (kms.length < 2) return kms.length ? Math.log1p(kms[0]!) / Math.log(MAX_KM) : NaN;
  const y = kms.map((k) => Math.log1p(k)).sort((a, b) => a - b);
  let area = 0;
  for (let i = 1; i < y.length; i++) area += (y[i - 1]! + y[i]!) / 2;
  return area / ((y.length - 1) * Math.log(MAX_KM));
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  accFound: number;
  endToEnd: number;
  auc: number;
  medianKm: number;
}

function score(tp: number, predicted: number, gold: number, kms: number[], goldWithPoint: number): Scores {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  const near = kms.filter((k) => k < NEAR_KM).length;
  const sorted = [...kms].sort((a, b) => a - b);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    accFound: kms.length ? near / kms.length : 0,
    endToEnd: goldWithPoint ? near / goldWithPoint : 0,
    auc: errorAuc(kms),
    medianKm: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN,
  };
}

const f3 = (x: number) => x.toFixed(3);
const f2 = (x: number) => x.toFixed(2);
const context = (text: string, start: number, end: number) =>
  `${text.slice(Math.max(0, start - 60), start)}[${text.slice(start, end)}]${text.slice(end, end + 60)}`.replace(/\s+/g, ' ');
/** `n` items spread evenly over the list, so a sample is not one article's. */
const spread = <T>(list: T[], n: number): T[] => (list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!));

interface FalseToponym {
  article: string;
  mention: GeoparsedMention;
  /** Types of the non-toponym gold annotations it overlaps (Demonym, Non_Toponym, *_Expression…). */
  on: string[];
  context: string;
}

interface FarError {
  article: string;
  mention: GeoparsedMention;
  gold: GoldAnnotation;
  km: number;
  context: string;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        verbose: { type: 'boolean', short: 'v', default: false },
        json: { type: 'string' },
        limit: { type: 'string' },
        corpus: { type: 'string', default: DEFAULT_CORPUS },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`eval:places: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) return console.log(USAGE);
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (limit !== Infinity && (!Number.isInteger(limit) || limit < 1)) {
    console.error(`eval:places: invalid --limit: ${values.limit} (a whole number of articles, at least 1)\n${USAGE}`);
    process.exit(2);
  }
  const corpusPath = resolve(values.corpus);
  if (!existsSync(corpusPath)) {
    console.log(`places: GeoWebNews not found at ${corpusPath}; nothing scored. (It is read from ../shared/geoparsing/ beside the project, never copied into it.)`);
    return;
  }

  const started = performance.now();
  const articles = readCorpus(await readFile(corpusPath, 'utf8')).slice(0, limit);
  const dropped = articles.reduce((n, a) => n + dropOutsideText(a), 0);
  const gazetteerStarted = performance.now();
  const gazetteer = await readGazetteer();
  const gazetteerMs = performance.now() - gazetteerStarted;

  const geoparseStarted = performance.now();
  let tp = 0;
  let predictedCount = 0;
  let goldCount = 0;
  let goldWithPoint = 0;
  const kms: number[] = [];
  let failed = 0;
  const literal = { gold: 0, tp: 0, withPoint: 0, kms: [] as number[] };
  const byType = new Map<string, { gold: number; found: number }>();
  const falses: FalseToponym[] = [];
  const far: FarError[] = [];
  const misses: { article: string; gold: GoldAnnotation }[] = [];
  for (const article of articles) {
    const gold = article.annotations.filter((a) => TOPONYM_TYPES.has(a.type));
    const others = article.annotations.filter((a) => !TOPONYM_TYPES.has(a.type));
    let predicted: GeoparsedMention[];
    try {
      predicted = geoparse(article.text, gazetteer);
    } catch (error) {
      failed++;
      console.log(`article ${article.file}: geoparse failed: ${((error as Error)?.message ?? String(error)).slice(0, 200)}`);
      predicted = [];
    }
    const m = matchSpans(gold, predicted);
    tp += m.matches.length;
    predictedCount += predicted.length;
    goldCount += gold.length;
    goldWithPoint += gold.filter((g) => g.lat !== undefined).length;
    for (const g of gold) {
      const t = byType.get(g.type) ?? { gold: 0, found: 0 };
      t.gold++;
      byType.set(g.type, t);
      if (LITERAL_TYPES.includes(g.type)) {
        literal.gold++;
        if (g.lat !== undefined) literal.withPoint++;
      }
    }
    for (const { gold: g, predicted: p, km } of m.matches) {
      byType.get(g.type)!.found++;
      if (LITERAL_TYPES.includes(g.type)) literal.tp++;
      if (km === undefined) continue;
      kms.push(km);
      if (LITERAL_TYPES.includes(g.type)) literal.kms.push(km);
      if (km >= NEAR_KM) far.push({ article: article.file, mention: p, gold: g, km, context: context(article.text, p.start, p.end) });
    }
    for (const p of m.falses) {
      const on = [...new Set(others.filter((o) => overlap(o, p) > 0).map((o) => o.type))];
      falses.push({ article: article.file, mention: p, on, context: context(article.text, p.start, p.end) });
    }
    for (const g of m.misses) misses.push({ article: article.file, gold: g });
  }
  const geoparseMs = performance.now() - geoparseStarted;
  const s = score(tp, predictedCount, goldCount, kms, goldWithPoint);
  const lit = score(literal.tp, predictedCount, literal.gold, literal.kms, literal.withPoint);

  console.log(`corpus: ${corpusPath}`);
  console.log(
    `articles: ${articles.length}; gold toponyms: ${goldCount} (${goldWithPoint} with coordinates); predicted: ${predictedCount}` +
      (dropped ? `; ${dropped} annotations outside the text (in a title) left out` : '') +
      (failed ? `; geoparse failed on ${failed}` : ''),
  );
  console.log(`recognition precision: ${f3(s.precision)} (${tp}/${predictedCount})`);
  console.log(`recognition recall:    ${f3(s.recall)} (${tp}/${goldCount})`);
  console.log(`recognition F1:        ${f3(s.f1)}`);
  console.log(`within ${NEAR_KM} km, of found: ${f3(s.accFound)} (${kms.filter((k) => k < NEAR_KM).length}/${kms.length}); median error ${Math.round(s.medianKm)} km`);
  console.log(`within ${NEAR_KM} km, end to end: ${f3(s.endToEnd)} (of ${goldWithPoint} gold toponyms with coordinates)`);
  console.log(`AUC of the error curve: ${f3(s.auc)} (lower is better)`);
  console.log(
    `literal toponyms only (${literal.gold}): recall ${f3(lit.recall)} | within ${NEAR_KM} km of found ${f3(lit.accFound)} | end to end ${f3(lit.endToEnd)} | AUC ${f3(lit.auc)}`,
  );
  console.log(`recall by type: ${[...byType.entries()].map(([t, c]) => `${t} ${f2(c.found / c.gold)} (${c.found}/${c.gold})`).join(', ')}`);
  const falseOn = new Map<string, number>();
  for (const f of falses) for (const t of f.on.length ? f.on : ['no annotation']) falseOn.set(t, (falseOn.get(t) ?? 0) + 1);
  console.log(`false toponyms: ${falses.length}; on gold ${[...falseOn.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  console.log(`far errors (≥ ${NEAR_KM} km): ${far.length}`);

  if (values.verbose) {
    // the gazetteer's own name of the place chosen: a town's `name` is the text's spelling
    const gazetteerName = (p: GeoparsedMention) =>
      [...gazetteer.lookup(p.text), ...gazetteer.lookupLoose(p.text)].find((c) => c.origin === p.origin)?.name ?? p.name;
    const where = (p: GeoparsedMention) => `${gazetteerName(p)}, ${p.country} (${p.kind}, ${p.origin}) ${p.lat},${p.lon}`;
    console.log(`\n${Math.min(SHOWN, falses.length)} of ${falses.length} false toponyms, spread over the corpus:`);
    for (const f of spread(falses, SHOWN)) {
      console.log(`  [${f.article}] "${f.mention.text}" -> ${where(f.mention)}${f.on.length ? `; gold: ${f.on.join(', ')}` : ''}\n      ${f.context}`);
    }
    console.log(`\n${Math.min(SHOWN, far.length)} of ${far.length} far errors, spread over the corpus:`);
    for (const e of spread(far, SHOWN)) {
      console.log(
        `  [${e.article}] "${e.mention.text}" ${Math.round(e.km)} km: -> ${where(e.mention)}; gold ${e.gold.type} ${e.gold.lat},${e.gold.lon}` +
          `${e.gold.geonamesId ? ` geonames:${e.gold.geonamesId}` : ''}\n      ${e.context}`,
      );
    }
  }

  const totalMs = performance.now() - started;
  if (values.json) {
    const report = {
      corpus: corpusPath,
      articles: articles.length,
      ms: { total: Math.round(totalMs), gazetteer: Math.round(gazetteerMs), geoparse: Math.round(geoparseMs) },
      counts: { gold: goldCount, goldWithPoint, predicted: predictedCount, found: tp, dropped, failed },
      scores: s,
      literal: lit,
      byType: Object.fromEntries(byType),
      // offsets and names only: the corpus's text stays where it is (GPL-3.0)
      falseToponyms: falses.map((f) => ({ article: f.article, ...f.mention, on: f.on })),
      farErrors: far.map((e) => ({ article: e.article, ...e.mention, km: Math.round(e.km), gold: e.gold })),
      misses: misses.map((x) => ({ article: x.article, ...x.gold })),
    };
    await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  console.log(
    `ran ${articles.length} articles in ${(totalMs / 1000).toFixed(1)} s (gazetteer ${(gazetteerMs / 1000).toFixed(1)} s, geoparse ${(geoparseMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `places: recognition P=${f2(s.precision)} R=${f2(s.recall)} F1=${f2(s.f1)} | acc@161 of found=${f2(s.accFound)} | end-to-end@161=${f2(s.endToEnd)} | AUC=${f2(s.auc)}`,
  );
}

main().catch((error: unknown) => {
  console.error(`eval:places: ${(error as Error)?.stack ?? error}`);
  process.exit(1);
});
