// A page made to be printed on A4 (a certificate, an attendance sheet): its own small document
// without the site's header and footer, in the language of what is printed, with a toolbar (back,
// how to print) that the print rules in programmes.css hide on paper.
import type { ComponentChildren } from 'preact';
import type { Translator } from '../../../core/i18n/index.js';
import { usePage } from '../../../core/views/context.js';

export function PrintDocument(p: {
  title: string;
  /** the language of what is printed (the reader's by default) */
  lang?: Translator;
  /** where "back" goes */
  back: string;
  hint: string;
  class: string;
  children: ComponentChildren;
}) {
  const { i18n, stylesheet } = usePage();
  const doc = p.lang ?? i18n;
  return (
    <html lang={doc.lang} dir={doc.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{p.title}</title>
        <link rel="stylesheet" href={stylesheet} />
        <link rel="icon" href="data:," />
      </head>
      <body class={`print-page ${p.class}`}>
        <nav class="print-toolbar no-print" lang={i18n.lang} dir={i18n.dir}>
          <a href={p.back}>{i18n.t('common.back')}</a>
          <span>{p.hint}</span>
        </nav>
        {p.children}
      </body>
    </html>
  );
}
