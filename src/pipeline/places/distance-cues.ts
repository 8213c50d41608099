/**
 * Distances and directions a text gives from one place to another: "Avdiivka, 15 kilometres
 * north of Donetsk" style phrases, read right after a place name.
 */

/** A distance and/or direction the text gives from another place. */
export interface DistanceCue {
  /** Kilometres, when the text gives a distance. */
  km?: number;
  /** Compass bearing in degrees (0 = north), when the text gives a direction. */
  bearing?: number;
  /** Index (in the same result list) of the place it is measured from, or `capital` for "the capital". */
  from: number | 'capital';
  /** "near Y", "outside Y", "on the southern flank of Y": close to it, no distance given. */
  near?: boolean;
}

const DIRECTIONS: Record<string, number> = {
  north: 0, northeast: 45, east: 90, southeast: 135, south: 180, southwest: 225, west: 270, northwest: 315,
  'north-east': 45, 'south-east': 135, 'south-west': 225, 'north-west': 315,
};
/** ", a tactically important town", ", a village": an apposition that says what a name is. */
const SETTLEMENT_APPOSITION = String.raw`(?:,?\s*(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:village|town|settlement|hamlet|city)\s+)?`;
const DISTANCE_CUE = new RegExp(
  String.raw`^` + SETTLEMENT_APPOSITION + String.raw`,?\s*(?:(?:is|lies|located|which\s+is|about|some|around|roughly|nearly|approximately|just|only|less\s+than|more\s+than)\s+)*` +
    String.raw`(?:(\d+(?:[.,]\d+)?)\s*-?\s*(km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\b\s*(?:\([^)]*\)\s*)?)?` +
    String.raw`(?:to\s+the\s+)?(north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|north|south|east|west)?\s*` +
    String.raw`(?:of|from)\s+(?:the\s+)?`,
  'iu',
);
/** "near Y", "on the southern flank of the key frontline city of Y": close to Y, no distance. */
const NEAR_CUE = new RegExp(
  String.raw`^` + SETTLEMENT_APPOSITION + String.raw`,?\s*(?:(?:is|lies|located|which\s+is|just)\s+)*` +
    String.raw`(?:near|outside|close\s+to|on\s+the\s+(?:[\p{L}-]+\s+)?(?:flank|outskirts|edge)\s+of)\s+` +
    String.raw`(?:the\s+)?(?:(?:[\p{L}-]+\s+){0,3}(?:city|town)\s+of\s+)?`,
  'iu',
);
const CUE_WORD = /\b(?:of|from|near|outside|to)\b/i;
const NEAR_WORD = /\b(?:near|outside|close|flank|outskirts|edge)\b/i;
const CAPITAL_PHRASE = /^(?:\p{Lu}[\p{L}]+\s+)?capital\b/u;
const MILE_KM = 1.609344;

/**
 * Reads a distance cue at the start of `tail` (the text right after a place name): kilometres
 * (miles converted), a bearing, and how many characters the cue takes up to the anchor's name.
 * @example readDistanceCue(', 60 miles north of Baghdad') // { km: 96.56…, bearing: 0, length: 21 }
 */
export function readDistanceCue(tail: string): { km?: number; bearing?: number; near?: boolean; length: number } | undefined {
  // Every cue ends in "of", "from", "near", "outside" or "to" within its first words.
  if (!CUE_WORD.test(tail.slice(0, 90))) return undefined;
  const cue = DISTANCE_CUE.exec(tail);
  if (!cue || (!cue[1] && !cue[3])) {
    const near = NEAR_WORD.test(tail.slice(0, 90)) ? NEAR_CUE.exec(tail) : null;
    return near ? { near: true, length: near[0].length } : cue ? { length: cue[0].length } : undefined;
  }
  const out: { km?: number; bearing?: number; near?: boolean; length: number } = { length: cue[0].length };
  if (cue[1]) out.km = Number(cue[1].replace(',', '.')) * (/^mi/i.test(cue[2]!) ? MILE_KM : 1);
  if (cue[3]) out.bearing = DIRECTIONS[cue[3].toLowerCase()];
  return out;
}

/** True when a text starts with "the capital" / "the Iraqi capital" (the anchor is the capital). */
export function startsWithCapital(text: string): boolean {
  return CAPITAL_PHRASE.test(text);
}
