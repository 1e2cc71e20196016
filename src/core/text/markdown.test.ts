// renderMarkdown against an XSS corpus: whatever goes in, only allowlisted elements and
// attributes come out, and links only go to http, https or mailto.
import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownToText, renderMarkdown, safeHref } from './markdown.js';

const ALLOWED: Record<string, string[]> = {
  p: ['dir'],
  h2: ['dir'],
  h3: ['dir'],
  h4: ['dir'],
  ul: [],
  ol: ['start'],
  li: ['dir'],
  blockquote: [],
  strong: [],
  em: [],
  a: ['href', 'rel'],
  code: [],
  pre: ['dir'],
  hr: [],
  br: [],
  // tables come inside <div class="table-wrap"> (written by the renderer, never from the input)
  div: ['class'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['dir'],
  td: ['dir'],
};

/** Every '<' in the output must open an allowlisted tag with allowlisted, quoted attributes. */
function problems(html: string): string[] {
  const out: string[] = [];
  const tag = /<(\/?)([a-zA-Z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/y;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    tag.lastIndex = i;
    const m = tag.exec(html);
    if (!m) {
      out.push(`raw '<' at ${i}: ${html.slice(i, i + 30)}`);
      continue;
    }
    const name = m[2]!.toLowerCase();
    if (!(name in ALLOWED)) {
      out.push(`element <${name}>`);
      continue;
    }
    for (const a of m[3]!.matchAll(/([a-z-]+)="([^"]*)"/g)) {
      const [, attr, value] = a;
      if (!ALLOWED[name]!.includes(attr!)) out.push(`attribute ${attr} on <${name}>`);
      if (attr === 'href') {
        const decoded = value!
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'");
        if (!/^(https?:\/\/|mailto:)/i.test(decoded)) out.push(`href ${value}`);
      }
      if (attr === 'rel' && value !== 'noopener noreferrer nofollow ugc') out.push(`rel ${value}`);
    }
  }
  // Quotes cannot break out of attribute values; '>' only closes tags we wrote.
  if (/javascript:|vbscript:|data:text/i.test(html.replace(/>[^<]*</g, '><')))
    out.push('dangerous scheme inside a tag');
  return out;
}

const corpus: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '[x](javascript:alert(1))',
  '[x](JavaScript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](  javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](java\tscript:alert(1))',
  '[x](java%0ascript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript:alert(1))',
  '[x](&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](jav&#x09;ascript:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](VBScript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](DATA:text/html,<script>alert(1)</script>)',
  '[x](file:///etc/passwd)',
  '[x](//evil.example)',
  '[x](/relative/path)',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.org/a.png)',
  '[x](https://example.org/"onmouseover="alert(1))',
  '[x](https://example.org "title" onmouseover=alert(1))',
  '[x](https://example.org \'a" onclick="alert(1)\')',
  '<https://example.org/"><script>alert(1)</script>>',
  '<javascript:alert(1)>',
  'https://example.org/<script>',
  'javascript:alert(1)',
  '[[x](https://a.example)](javascript:alert(1))',
  '[x[y[z](https://a.example)]](javascript:alert(1))',
  '[a]: javascript:alert(1)\n\n[a]',
  '[a]: https://ok.example "t"\n\n[a]',
  '**bold *nested _deep `code <b>` **',
  '# <h1>title</h1>\n## ## ##',
  '```html\n<script>alert(1)</script>\n```',
  '    <script>indented code</script>',
  '> <blockquote onclick=alert(1)>',
  '| a | <b>b</b> |\n|---|---|\n| <i onmouseover=alert(1)>c</i> | [d](javascript:x) |',
  '- [x](javascript:1)\n- <img src=x onerror=1>\n  - nested <u>',
  '1. a\n2. b\n\n7. starts at seven',
  '<!-- comment --><![CDATA[x]]><?php echo 1 ?>',
  '&lt;script&gt; &amp;lt; &#60;script&#62;alert(1)&#60;/script&#62;',
  '\u0000<scr\u0000ipt>alert(1)</script>',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  '[mail](mailto:someone@example.org?subject=<script>)',
  '[](https://)',
  '[x](http://)',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '['.repeat(2000) + 'x' + ']('.repeat(2000),
  '*'.repeat(5000) + 'a' + '_'.repeat(5000),
];

describe('renderMarkdown', () => {
  it.each(corpus.map((c, i) => [i, c]))('corpus #%i stays inside the allowlist', (_i, src) => {
    const html = renderMarkdown(src as string);
    expect(problems(html)).toEqual([]);
    // Only the tags (text is escaped and harmless): no handler, no foreign element.
    const tags = (html.match(/<[^>]*>/g) ?? []).join(' ');
    expect(tags).not.toMatch(/<script|<img|<svg|<iframe|<style|<math|\son[a-z]+=/i);
  });

  it('keeps what people legitimately write', () => {
    const html = renderMarkdown(
      '# العنوان\n\nفقرة فيها **تشديد** و*ميل* و`رمز` و[رابط](https://example.org/a?b=1&c=2).\n\n- أولاً\n- ثانياً\n\n> اقتباس\n\n---\n\nسطر  \nجديد\n\n[راسلونا](mailto:info@example.org)',
    );
    expect(html).toContain('<h2 dir="auto">العنوان</h2>');
    expect(html).toContain('<strong>تشديد</strong>');
    expect(html).toContain('<em>ميل</em>');
    expect(html).toContain('<code>رمز</code>');
    expect(html).toContain(
      '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow ugc">رابط</a>',
    );
    expect(html).toContain('<ul><li dir="auto">أولاً</li>');
    expect(html).toContain('<blockquote><p dir="auto">اقتباس</p>');
    expect(html).toContain('<hr>');
    expect(html).toContain('سطر<br>');
    expect(html).toContain('href="mailto:info@example.org"');
    expect(problems(html)).toEqual([]);
  });

  it('shows a refused link as its text, and an image as its alt text', () => {
    expect(renderMarkdown('[انقر](javascript:alert(1))')).toBe('<p dir="auto">[انقر](javascript:alert(1))</p>\n');
    expect(renderMarkdown('![خريطة المياه](https://example.org/m.png)')).toBe('<p dir="auto">خريطة المياه</p>\n');
    expect(renderMarkdown('<b>نص</b>')).toBe('<p dir="auto">&lt;b&gt;نص&lt;/b&gt;</p>\n');
  });

  it('maps headings below the page title and keeps list numbering', () => {
    expect(renderMarkdown('# a\n## b\n### c\n#### d')).toBe(
      '<h2 dir="auto">a</h2>\n<h3 dir="auto">b</h3>\n<h4 dir="auto">c</h4>\n<h4 dir="auto">d</h4>\n',
    );
    expect(renderMarkdown('3. c\n4. d')).toContain('<ol start="3">');
  });

  it('turns Markdown into plain text for search and summaries', () => {
    expect(markdownToText('## عنوان\n\n- **أ** [ب](https://x.example)\n\n`ج`')).toBe('عنوان\nأ ب\nج');
  });

  it('accepts only absolute http(s) and mailto targets', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org');
    expect(safeHref('HTTP://EXAMPLE.ORG/')).toBe('HTTP://EXAMPLE.ORG/');
    expect(safeHref('mailto:a@example.org')).toBe('mailto:a@example.org');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:1',
      'java\nscript:1',
      'data:text/html,x',
      '/local',
      '//evil.example',
      'https://',
      'mailto:',
      'ftp://x.example',
      'https://a.example/"x',
    ])
      expect(safeHref(bad)).toBeNull();
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });
});
