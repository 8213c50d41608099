/**
 * Whether a change of control was fought over, read from the event's own sentences: ACLED codes a
 * place taken after one side gave it up without a battle as a *Non-violent transfer of territory*
 * (a Strategic development), and a capture after fighting under Battles. The cue words are data
 * (`data/lexicon/transfer-cues.json`); this file only matches them, with negation.
 */
import cues from '../../../data/lexicon/transfer-cues.json';
import { verbForms } from './verb-forms.ts';

/** What the sentences say about how the place changed hands. */
export interface TransferEvidence {
  /** A fighting word that is not negated ("after heavy clashes"). */
  fought: boolean;
  /** A giving-up word ("abandoned their posts", "withdrew") or negated fighting ("without a fight"). */
  givenUp: boolean;
}

type Cue = string[];

const tokensOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/n't\b/g, ' not')
    .match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];

function compile(list: { verbs: string[]; phrases: string[] }): Cue[] {
  const all = [...list.verbs.flatMap(verbForms), ...list.phrases];
  return [...new Set(all)].map(tokensOf).filter((t) => t.length > 0);
}

const FIGHTING = compile(cues.fighting);
const GIVING_UP = compile(cues.givingUp);
const NEGATORS = new Set(cues.negators);
const WINDOW = cues.negationWindow;

/** Start indexes of `cue` in `tokens`. */
function* matches(tokens: string[], cue: Cue): Generator<number> {
  outer: for (let i = 0; i + cue.length <= tokens.length; i++) {
    for (let j = 0; j < cue.length; j++) if (tokens[i + j] !== cue[j]) continue outer;
    yield i;
  }
}

const negatedAt = (tokens: string[], i: number) => tokens.slice(Math.max(0, i - WINDOW), i).some((t) => NEGATORS.has(t));

/**
 * Reads sentences for fighting and for a side giving a place up. Negation reaches only within a
 * clause (commas, semicolons, dashes and brackets end it): "No one was hurt, but clashes followed"
 * is fighting.
 * @example readTransferEvidence(['Troops abandoned their posts and the town fell without a fight.']) // { fought: false, givenUp: true }
 */
export function readTransferEvidence(sentences: readonly string[]): TransferEvidence {
  let fought = false;
  let givenUp = false;
  for (const sentence of sentences) {
    for (const clause of sentence.split(/[,;:()\u2013\u2014]|\s-\s/)) {
      const tokens = tokensOf(clause);
      for (const cue of FIGHTING) {
        for (const i of matches(tokens, cue)) {
          if (negatedAt(tokens, i)) givenUp = true;
          else fought = true;
        }
      }
      for (const cue of GIVING_UP) {
        for (const i of matches(tokens, cue)) if (!negatedAt(tokens, i)) givenUp = true;
      }
    }
  }
  return { fought, givenUp };
}
