import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, toCsvLine } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks, and numbers records by line', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\n\nlast,\n';
    expect(parseCsv(text)).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'say "hi"'], line: 2 },
      { fields: ['two\nlines', 'z'], line: 3 },
      { fields: ['last', ''], line: 6 },
    ]);
  });

  it('names the line of a broken quote', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\nb"c,d')).toThrow(/line 2/);
    expect(() => parseCsv('"a"b,c')).toThrow(/after a closing quote/);
  });

  it('writes what it reads', () => {
    const fields = ['C1594', 'تل عار, شرقية', 'say "hi"', 'two\nlines', ''];
    expect(parseCsv(toCsvLine(fields))[0].fields).toEqual(fields);
    expect(toCsvLine(['C1564', 'أعزاز', "A'zaz"])).toBe("C1564,أعزاز,A'zaz");
  });
});
