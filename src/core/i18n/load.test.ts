import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogs } from './load.js';

let src: string;

function write(relative: string, content: unknown) {
  const file = path.join(src, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

beforeEach(() => {
  src = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-i18n-'));
  write('core/i18n/catalogs/ar.json', { 'nav.home': 'الرئيسية' });
  write('core/i18n/catalogs/en.json', { 'nav.home': 'Home' });
});
afterEach(() => fs.rmSync(src, { recursive: true, force: true }));

describe('loadCatalogs', () => {
  it('merges the core catalogs with each feature’s, Arabic first', () => {
    write('features/forum/messages/en.json', { 'forum.title': 'Forum' });
    write('features/forum/messages/ar.json', { 'forum.title': 'المنتدى' });
    const catalogs = loadCatalogs(src);
    expect(Object.keys(catalogs)).toEqual(['ar', 'en']);
    expect(catalogs.ar).toEqual({ 'nav.home': 'الرئيسية', 'forum.title': 'المنتدى' });
    expect(catalogs.en['forum.title']).toBe('Forum');
  });

  it('picks up a new locale dropped beside ar.json', () => {
    write('core/i18n/catalogs/ku.json', { 'nav.home': 'Destpêk' });
    expect(Object.keys(loadCatalogs(src))).toEqual(['ar', 'en', 'ku']);
  });

  it('refuses a key defined in two files, naming both', () => {
    write('features/forum/messages/ar.json', { 'forum.title': 'المنتدى' });
    write('features/forum2/messages/ar.json', { 'forum2.title': 'x', 'forum.title': 'y' });
    expect(() => loadCatalogs(src)).toThrow(
      /features\/forum2\/messages\/ar.json: "forum.title" is already defined in features\/forum\/messages\/ar.json/,
    );
  });

  it('refuses a key written twice in one file (JSON.parse would silently keep the last)', () => {
    write('core/i18n/catalogs/en.json', '{ "nav.home": "Home", "nav.home": "Start" }');
    expect(() => loadCatalogs(src)).toThrow(/en.json: "nav.home" appears more than once in this file/);
  });

  it('refuses invalid ICU syntax, naming file, key and position', () => {
    write('core/i18n/catalogs/en.json', { 'nav.home': 'Home {count, plural, one {#}}' });
    expect(() => loadCatalogs(src)).toThrow(/en.json: "nav.home": ICU syntax error: missing other clause at line 1/);
  });

  it('refuses a feature key outside the feature’s prefix', () => {
    write('features/forum/messages/ar.json', { 'nav.forum': 'المنتدى' });
    expect(() => loadCatalogs(src)).toThrow(/"nav.forum": keys of this feature start with "forum."/);
  });

  it('refuses nested objects and undotted keys', () => {
    write('core/i18n/catalogs/en.json', { nav: { home: 'Home' } });
    write('core/i18n/catalogs/ar.json', { home: 'الرئيسية' });
    expect(() => loadCatalogs(src)).toThrow(/"home": keys are dotted names[\s\S]*values must be message strings/);
  });
});
