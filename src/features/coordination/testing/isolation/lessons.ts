// Isolation probes of lessons learned: private, shared with the network, and published to the
// resources library.
import { who } from '../../../../testing/isolation.js';
import type { Kit, Rule, Write } from './kit.js';
import { publishItem } from '../../../publishing/queries.js';
import { saveLesson, type LessonInput } from '../../lessons/actions.js';

export async function lessonProbes(k: Kit): Promise<void> {
  const { db, users, c, orgA, now, mk, probes, staffA, staffB, orgIdOf, authorOf, expectOk } = k;
  // ——— lessons learned ———
  const lessonInput = (over: Partial<LessonInput>): LessonInput => ({
    subject: 'other',
    meeting_id: null,
    visit_id: null,
    project_label: '',
    title: '',
    what_happened: '',
    what_worked: '',
    what_to_change: '',
    lang: 'ar',
    sharing: 'private',
    ...over,
  });
  const editLesson = (id: number, input: LessonInput, writers: Rule): Write => ({
    writers,
    send: (client, n) =>
      client.post(`/lessons/${id}/edit`, {
        subject: input.subject,
        meeting_id: '',
        visit_id: '',
        project_label: input.project_label,
        title: input.title,
        what_happened: `${input.what_happened} ${n}`,
        what_worked: '',
        what_to_change: '',
        lang: input.lang,
        sharing: input.sharing,
      }),
    state: async () =>
      (await db
        .selectFrom('coord_lessons')
        .select(['title', 'what_happened', 'sharing'])
        .where('id', '=', id)
        .executeTakeFirst()) ?? null,
  });
  for (const [org, sharing, readers] of [
    ['A', 'private', staffA],
    ['A', 'network', who.network],
    ['B', 'private', staffB],
  ] as const) {
    const marker = mk(`LESSON${sharing.toUpperCase()}${org}`);
    const input = lessonInput({ title: `درس ${marker}`, what_happened: 'kwlesson', sharing });
    const id = await saveLesson(db, orgIdOf[org], null, input, authorOf[org], now);
    probes.push({
      name: `coordination: ${org}'s ${sharing} lesson`,
      marker,
      readers,
      pages: [`/lessons/${id}`],
      lists: ['/lessons'],
      write: editLesson(id, input, who.staffOf(org)),
    });
  }
  {
    const input = lessonInput({
      subject: 'project',
      project_label: mk('LESSONPROJA'),
      title: `درس ${mk('LESSONPUBA')}`,
      what_happened: 'kwlessonpublished',
    });
    const id = await saveLesson(db, orgA, null, input, users.staffA, now);
    expectOk(await c.adminA.post(`/lessons/${id}/publish`, {}), 'lesson publish');
    const lesson = await db
      .selectFrom('coord_lessons')
      .select(['published_id', 'published_url'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await publishItem(db, lesson.published_id!, users.editor, now);
    probes.push(
      {
        name: "coordination: A's published lesson (its private lesson page)",
        marker: mk('LESSONPROJA'),
        readers: staffA,
        pages: [`/lessons/${id}`, `/lessons/${id}/edit`],
        lists: ['/lessons', lesson.published_url!],
        write: editLesson(id, input, staffA),
      },
      {
        name: "coordination: A's published lesson (in the resources library)",
        marker: mk('LESSONPUBA'),
        readers: who.everyone,
        pages: [lesson.published_url!],
        lists: ['/resources', '/search?q=kwlessonpublished'],
      },
    );
  }
}
