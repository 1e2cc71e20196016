// A small, strict XML 1.0 well-formedness check for tests (no XML parser is a dependency): one
// root element, balanced and properly nested tags, quoted attributes without duplicates or '<',
// only the predefined or numeric entities, no characters XML forbids, comments and CDATA closed.
// Returns the problems found (empty when well-formed) and the root element's name.

const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function checkText(text: string, where: string, out: string[]) {
  if (FORBIDDEN.test(text)) out.push(`forbidden character in ${where}`);
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    if (!ENTITY.test(text.slice(i))) out.push(`bad entity in ${where}: ${text.slice(i, i + 12)}`);
  }
}

export function xmlProblems(xml: string): { problems: string[]; root: string | null } {
  const out: string[] = [];
  let s = xml;
  if (s.startsWith('\uFEFF')) s = s.slice(1);
  let i = 0;
  const decl = /^<\?xml\s[^?]*\?>/.exec(s);
  if (decl) i = decl[0].length;
  const stack: string[] = [];
  let root: string | null = null;
  let rootClosed = false;
  const startTag = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  const endTag = new RegExp(`^</(${NAME})\\s*>`);
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const text = s.slice(i, lt === -1 ? s.length : lt);
    if (text) {
      if (stack.length === 0 && text.trim() !== '') out.push(`text outside the root: ${text.trim().slice(0, 20)}`);
      if (text.includes('>') && /\]\]>/.test(text)) out.push(`']]>' in text`);
      checkText(text, 'text', out);
    }
    if (lt === -1) break;
    const rest = s.slice(lt);
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end === -1) {
        out.push('unclosed comment');
        break;
      }
      if (rest.slice(4, end).includes('--')) out.push("'--' inside a comment");
      i = lt + end + 3;
      continue;
    }
    if (rest.startsWith('<![CDATA[')) {
      const end = rest.indexOf(']]>');
      if (end === -1 || stack.length === 0) out.push('bad CDATA section');
      i = lt + (end === -1 ? rest.length : end + 3);
      continue;
    }
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end === -1) out.push('unclosed processing instruction');
      i = lt + (end === -1 ? rest.length : end + 2);
      continue;
    }
    if (rest.startsWith('<!')) {
      out.push('DOCTYPE or declaration not expected');
      break;
    }
    const end = endTag.exec(rest);
    if (end) {
      const open = stack.pop();
      if (open !== end[1]) out.push(`</${end[1]}> closes <${open ?? 'nothing'}>`);
      if (stack.length === 0) rootClosed = true;
      i = lt + end[0].length;
      continue;
    }
    const start = startTag.exec(rest);
    if (!start) {
      out.push(`malformed tag: ${rest.slice(0, 40)}`);
      break;
    }
    if (rootClosed || (stack.length === 0 && root !== null)) out.push(`second root element <${start[1]}>`);
    if (root === null) root = start[1]!;
    const seen = new Set<string>();
    for (const a of start[2]!.matchAll(new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g'))) {
      if (seen.has(a[1]!)) out.push(`duplicate attribute ${a[1]}`);
      seen.add(a[1]!);
      checkText(a[2] ?? a[3] ?? '', `attribute ${a[1]}`, out);
    }
    if (start[3] !== '/') stack.push(start[1]!);
    else if (stack.length === 0) rootClosed = true;
    i = lt + start[0].length;
  }
  if (stack.length) out.push(`unclosed: ${stack.join(' > ')}`);
  if (root === null) out.push('no root element');
  return { problems: out, root };
}
