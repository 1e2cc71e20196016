import { describe, expect, it } from 'vitest';
import { toCsv } from '../text/csv.js';
import { joinSlashForms, joinSlashFormsInHtml, withoutWordJoiners } from './slash-forms.js';
import { createI18n } from './translator.js';

const WJ = '\u2060';

describe('slash forms stay one word on the page', () => {
  it('joins a slash between two Arabic letters, and nothing else', () => {
    expect(joinSlashForms('الموظفون/ات و أدخل/ي')).toBe(`الموظفون/${WJ}ات و أدخل/${WJ}ي`);
    expect(joinSlashForms('and/or 1/2 /towns/12 حلب / إدلب')).toBe('and/or 1/2 /towns/12 حلب / إدلب');
  });

  it("joins people's own slash forms in a page's text, never in tags, attributes or form values", () => {
    const html =
      '<h1 title="أ/ب">المستقلون/ات</h1><a href="/towns/مارع/حلب">مارع/حلب</a>' +
      '<textarea name="body">كتبته/كتبتِه</textarea><select><option>طالب/ة</option></select>' +
      '<pre>أ/ب</pre><p>نص/نص</p>';
    expect(joinSlashFormsInHtml(html)).toBe(
      `<h1 title="أ/ب">المستقلون/${WJ}ات</h1><a href="/towns/مارع/حلب">مارع/${WJ}حلب</a>` +
        '<textarea name="body">كتبته/كتبتِه</textarea><select><option>طالب/ة</option></select>' +
        `<pre>أ/ب</pre><p>نص/${WJ}نص</p>`,
    );
  });

  it('leaves a page without slash forms as it is', () => {
    const html = '<p><a href="/a/b">x</a> حلب / إدلب</p><br/>';
    expect(joinSlashFormsInHtml(html)).toBe(html);
  });

  it('catalog messages carry the joiner; files people open elsewhere do not', () => {
    const i18n = createI18n({ ar: { 'x.staff': 'الموظفون/ات ({count, number})' }, en: {} } as never);
    const label = i18n.translator('ar', { digits: 'latn' }).t('x.staff' as never, { count: 3 } as never);
    expect(label).toBe(`الموظفون/${WJ}ات (3)`);
    expect(withoutWordJoiners(label)).toBe('الموظفون/ات (3)');
    expect(toCsv([[label, 'أ/ب']], { bom: false })).toBe('الموظفون/ات (3),أ/ب\r\n');
  });
});
