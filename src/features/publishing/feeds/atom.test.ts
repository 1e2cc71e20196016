// The feed and sitemap builders stay well-formed whatever people typed.
import { describe, expect, it } from 'vitest';
import { atomFeed, sitemap, xmlText } from './atom.js';
import { xmlProblems } from '../testing/xml-wellformed.js';

const nasty =
  'مياه <تل عار> & "الباب" \'x\' ]]> \u0000\u0007\u000b\uFFFE \uD800 lone <script>alert(1)</script> &amp; &#x41;';

describe('Atom feeds', () => {
  it('escape markup and drop characters XML cannot carry', () => {
    expect(xmlText('a<b>&"c\'')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(xmlText('x\u0000y\u0008z\uFFFF\uD800')).toBe('xyz');
    expect(xmlText('😀 emoji pair kept')).toBe('😀 emoji pair kept');
  });

  it('is well-formed with hostile titles, summaries, authors and categories', () => {
    const xml = atomFeed({
      id: 'http://127.0.0.1/feeds/all.xml',
      title: nasty,
      selfUrl: 'http://127.0.0.1/feeds/all.xml?a=1&b=2',
      htmlUrl: 'http://127.0.0.1/',
      lang: 'ar',
      updated: '2026-06-28T09:00:00.000Z',
      entries: [
        {
          id: 'http://127.0.0.1/activities/1',
          url: 'http://127.0.0.1/activities/1/%D8%AA%D9%84?x=1&y=2',
          title: nasty,
          summary: nasty,
          lang: 'ar',
          author: 'Ahmed_99! <bdi>',
          published: '2026-06-01T00:00:00.000Z',
          updated: '2026-06-02T00:00:00.000Z',
          categories: ['water', 'a"b'],
        },
      ],
    });
    expect(xmlProblems(xml)).toEqual({ problems: [], root: 'feed' });
    expect(xml).toContain('<title type="text">مياه &lt;تل عار&gt; &amp; &quot;الباب&quot;');
    expect(xml).not.toContain('<script>');
  });

  it('sitemap URLs are encoded and escaped', () => {
    const xml = sitemap([
      { loc: 'http://127.0.0.1/activities/3/زيارة-المجلس' },
      { loc: 'http://127.0.0.1/search?q=a&b=c', lastmod: '2026-06-28T09:00:00.000Z' },
    ]);
    expect(xmlProblems(xml)).toEqual({ problems: [], root: 'urlset' });
    expect(xml).toContain('/activities/3/%D8%B2%D9%8A');
    expect(xml).toContain('q=a&amp;b=c');
  });

  it('the checker itself refuses what is not well-formed', () => {
    for (const bad of [
      '<a><b></a></b>',
      '<a>&nbsp;</a>',
      '<a x="1" x="2"/>',
      '<a>x</a><b/>',
      '<a><![CDATA[x</a>',
      '<a x=1/>',
      '<a>\u0001</a>',
      '<a>',
      'text',
      '<a><b>&</b></a>',
    ])
      expect(xmlProblems(bad).problems.length, bad).toBeGreaterThan(0);
    expect(xmlProblems('<?xml version="1.0"?>\n<a x=\'1\'><!-- c --><b/>t&amp;<![CDATA[<x>]]></a>\n').problems).toEqual(
      [],
    );
  });
});
