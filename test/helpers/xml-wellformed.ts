/**
 * A small XML well-formedness check for tests: one root, tags nest and close, attributes are
 * quoted, `&` starts a known or numeric entity, no raw `<` in text. Returns the problems found.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  const name = /^[A-Za-z_][\w.:-]*/;
  const checkText = (text: string, at: number) => {
    for (const m of text.matchAll(/&([^;\s]*);?/g)) {
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+)$/i.test(m[1]) || !m[0].endsWith(';')) problems.push(`bad entity ${m[0]} at ${at + (m.index ?? 0)}`);
    }
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.trim() && stack.length === 0) problems.push(`text outside the root at ${i}`);
    checkText(text, i);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return [...problems, 'unclosed comment'];
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return [...problems, `unclosed tag at ${lt}`];
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const closing = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== closing) problems.push(`</${closing}> closes <${open ?? 'nothing'}> at ${lt}`);
    } else {
      const tagName = name.exec(tag)?.[0];
      if (!tagName) problems.push(`bad tag name at ${lt}`);
      const attrs = tag.slice(tagName?.length ?? 0).replace(/\/$/, '');
      const rest = attrs.replace(/\s+[A-Za-z_][\w.:-]*\s*=\s*("[^"<]*"|'[^'<]*')/g, (a) => (checkText(a, lt), ''));
      if (rest.trim()) problems.push(`bad attributes "${rest.trim()}" at ${lt}`);
      if (stack.length === 0) roots++;
      if (!tag.endsWith('/') && tagName) stack.push(tagName);
    }
    i = gt + 1;
  }
  if (stack.length) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
