// The forum's test set-up, shared by its test files: one app per file with a network, an
// organization, six categories (public news and sandbox, staff-only topic creation, approval for
// new members, members-only, staff-only), an anonymous visitor and a moderator (people.ts makes
// more people). `useForumWorld()` registers the hooks; the exported bindings are filled in
// before the tests run.
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, Client, makeNetwork, makeOrganization, type TestApp } from '../../../testing/app.js';
import type { CategoryInput } from '../schemas.js';
import { saveCategory } from '../topics/queries.js';
import { person, type Person } from './people.js';

export let t: TestApp;
export let net: number;
export let orgA: number;
export let anon: Client;
export let mod: Person;
export const cat: Record<'news' | 'sandbox' | 'announce' | 'questions' | 'members' | 'staff', number> = {
  news: 0,
  sandbox: 0,
  announce: 0,
  questions: 0,
  members: 0,
  staff: 0,
};

const categoryDefaults: Omit<CategoryInput, 'name_ar' | 'name_en'> = {
  description_ar: '',
  description_en: '',
  visibility: 'public',
  topic_creators: 'members',
  approval: 'none',
  position: 0,
};

export function useForumWorld() {
  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.handle.db;
    net = await makeNetwork(db);
    orgA = await makeOrganization(db, net, 'A');
    const mk = (name: string, over: Partial<CategoryInput>) =>
      saveCategory(db, null, net, { ...categoryDefaults, name_ar: `قسم ${name}`, name_en: name, ...over }, t.clock.now);
    cat.news = await mk('News', {});
    cat.sandbox = await mk('Sandbox', {});
    cat.announce = await mk('Announcements', { topic_creators: 'staff' });
    cat.questions = await mk('Questions', { approval: 'new' });
    cat.members = await mk('Members', { visibility: 'members' });
    cat.staff = await mk('Staff', { visibility: 'staff', topic_creators: 'staff' });
    anon = new Client(t.app, '10.8.0.1');
    mod = await person({ moderator: true, displayName: 'Mod One' });
  });
  afterAll(() => t.close());
}
