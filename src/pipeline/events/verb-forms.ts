/**
 * Every form of an English verb phrase from its lemma, so the lexicon lists each verb once:
 * `seize` → seize, seizes, seized, seizing; `march into` → marches into, marched into, …
 * Irregular verbs give their forms in the lexicon: `take:took:taken` or `overrun:overran:overrun:overrunning`.
 */

const VOWEL = /[aeiou]/;

function third(verb: string): string {
  if (/(?:s|x|z|ch|sh|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

function past(verb: string): string {
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

function gerund(verb: string): string {
  if (/[^e]e$/.test(verb) && verb.length > 2) return `${verb.slice(0, -1)}ing`;
  return `${verb}ing`;
}

/**
 * The forms of one lexicon verb entry: base, third person, past, participle and -ing, with any
 * words after the verb kept ("march into").
 * @example verbForms('withdraw:withdrew:withdrawn from') // ['withdraw from', 'withdraws from', 'withdrew from', 'withdrawn from', 'withdrawing from']
 */
export function verbForms(entry: string): string[] {
  const [head, ...rest] = entry.trim().split(/\s+/);
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const [base, pastForm, participle, ing] = head.split(':');
  if (!base || !VOWEL.test(base)) throw new Error(`lexicon: bad verb entry "${entry}"`);
  const forms = [base, third(base), pastForm ?? past(base), participle ?? pastForm ?? past(base), ing ?? gerund(base)];
  return [...new Set(forms)].map((f) => f + tail);
}
