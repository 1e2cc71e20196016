// Bodies built to be slow for a Markdown parser or for the minutes' decision reader (issue #18):
// the hardening test sends them through the real routes with the event loop watched, and
// `npm run bench` times rendering each one (bench/markdown-render.ts).
export const SIZE = 100_000;

/** `unit` repeated to `size` characters (cut at the end). */
const fill = (unit: string, size = SIZE) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Bodies built to be slow for a Markdown parser, each 100 KB (the article field's cap). */
export const PATHOLOGICAL: Record<string, string> = {
  'nested emphasis': fill('*_'.repeat(200) + 'a' + '_*'.repeat(150) + '\n'),
  'emphasis runs': '*'.repeat(SIZE / 2 - 1) + 'a' + '_'.repeat(SIZE / 2),
  'unclosed emphasis': fill('*a **b ***c _d __e '),
  'open brackets': '['.repeat(SIZE / 2 - 1) + 'x' + ']('.repeat(SIZE / 4),
  'nested brackets': fill('[['.repeat(100) + 'x' + ']]'.repeat(100) + '(\n'),
  'unclosed links': fill('[x](http://a.com/'),
  'link references': fill('[a][b'.repeat(20) + '\n[b]: http://x.com/\n'),
  'images in links': fill('[![a](b'),
  'linkify bait (the probe’s input)': fill('http://x.com/*['),
  'bare domains': fill('www.a.'),
  'autolinks unclosed': fill('<http://a'),
  'e-mail bait': fill('a@b.'),
  'table columns': fill('|' + 'a|'.repeat(2000) + '\n|' + '-|'.repeat(2000) + '\n'),
  'table rows': '|a|b|\n|-|-|\n' + fill('|' + '[x'.repeat(5) + '|*_|\n', SIZE - 12),
  backticks: fill('`a``b```c'),
  'block quotes': fill('> '.repeat(100) + 'a\n'),
  lists: fill('  '.repeat(50) + '- a\n'),
};

/**
 * Minutes are read line by line for decisions («قرار:» / "Decision:"), so they also get lines built
 * to be slow for that reader: long runs of spaces, with and without the keyword, and many decisions.
 */
export const MINUTES_ONLY: Record<string, string> = {
  // Each long line ends inside the minutes' cap, and the text does not end in spaces (the form
  // trims the ends), so the slow line reaches the reader whole.
  'a line of spaces': fill('a\n' + ' '.repeat(45_000) + 'x\n'),
  'a decision padded with spaces': fill('قرار: x' + ' '.repeat(45_000) + 'y\n'),
  'a list marker and spaces': fill('- ' + ' '.repeat(45_000) + 'x\n'),
  'a decision between spaces': fill(' '.repeat(5000) + 'Decision: ' + ' '.repeat(5000) + '**\n'),
  'a list marker run': fill('- '.repeat(2000) + '**\n'),
  'many decisions': fill('- قرار: ' + '*_['.repeat(30) + '\n'),
};
