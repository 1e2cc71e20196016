// Reading decisions out of minutes: the forms organizers write, and no line that holds the server.
import { describe, expect, it } from 'vitest';
import { decisionsIn } from './minutes.js';

describe('decisions in minutes', () => {
  it('reads «قرار:» and "Decision:" lines, after a list marker or in bold, and nothing else', () => {
    const md = [
      '## الافتتاح',
      'قرار: تشكيل مجموعة عمل للترخيص',
      '- **القرار:** اعتماد الميثاق الداخلي',
      '3. **قرار**: زيارة المجلس المحلي في الباب',
      '* Decision: __Share the visit log__',
      'decision : adopt the budget  ',
      'لا قرار: هنا',
      'قرار بلا نقطتين',
      'قرار:   ',
    ].join('\n');
    expect(decisionsIn(md)).toEqual([
      'تشكيل مجموعة عمل للترخيص',
      'اعتماد الميثاق الداخلي',
      'زيارة المجلس المحلي في الباب',
      'Share the visit log',
      'adopt the budget',
    ]);
  });

  it('reads a 50,000-character line of spaces at once (a regular expression once took seconds)', () => {
    for (const line of [
      ' '.repeat(50_000) + 'x',
      'قرار: x' + ' '.repeat(50_000) + 'y',
      '- ' + ' '.repeat(50_000) + 'x',
    ]) {
      const start = performance.now();
      decisionsIn(`a\n${line}\nb`);
      expect(performance.now() - start).toBeLessThan(50);
    }
    expect(decisionsIn('قرار: x' + ' '.repeat(50_000) + 'y')).toEqual(
      ['x' + ' '.repeat(50_000) + 'y'].map((s) => s.slice(0, 4000)),
    );
  });
});
