// The registry of search sources: the order the groups appear in, and a manifest mistake (two
// sources under one kind, a kind that cannot be a URL value) refused with a message naming it.
import { describe, expect, it } from 'vitest';
import { installSearchSources, scriptLang, searchSources, type SearchSource } from './sources.js';

const source = (kind: string, order: number): SearchSource => ({
  kind,
  order,
  labelKey: 'nav.search',
  search: async () => ({ total: 0, hits: [] }),
});

describe('search sources', () => {
  it('lists the installed sources by order, then kind', async () => {
    installSearchSources([
      async () => source('towns', 50),
      async () => source('services', 20),
      async () => source('forum', 20),
    ]);
    expect((await searchSources()).map((s) => s.kind)).toEqual(['forum', 'services', 'towns']);
  });

  it('refuses two sources of one kind and a kind that is not a URL word', async () => {
    installSearchSources([async () => source('services', 1), async () => source('services', 2)]);
    await expect(searchSources()).rejects.toThrow('kind services twice');
    installSearchSources([async () => source('Services!', 1)]);
    await expect(searchSources()).rejects.toThrow('bad kind');
  });

  it('loads again after a failed load instead of failing every later search', async () => {
    let tries = 0;
    installSearchSources([
      async () => {
        if (++tries === 1) throw new Error('not yet');
        return source('towns', 1);
      },
    ]);
    await expect(searchSources()).rejects.toThrow('not yet');
    expect((await searchSources()).map((s) => s.kind)).toEqual(['towns']);
  });

  it('tells Arabic from English text by its letters', () => {
    expect(scriptLang('مركز صحي in Azaz')).toBe('ar');
    expect(scriptLang('Health centre في اعزاز')).toBe('en');
  });
});
