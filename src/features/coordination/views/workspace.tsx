import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import { Field, Form, FormErrorSummary, Select, type FieldErrors } from '../../../core/views/forms.js';
import { UserText } from '../../../core/views/components.js';
import type { Sharing } from '../tables.js';
import { Checkbox, CoordNav, Empty, ErrorText, Hidden, Paragraphs, When, formatBytes, nameOf } from './common.js';

type Org = { id: number; name_ar: string; name_en: string };
type Item = {
  id: number;
  kind: 'document' | 'note';
  title: string;
  body: string;
  sharing: Sharing;
  updated_at: string;
  author: string | null;
};
type Person = {
  id: number;
  display_name: string;
  role: string;
  title: string | null;
  is_executive_director: number | null;
  is_representative: number | null;
};
type Emergency = {
  id: number;
  reason: string;
  started_at: string;
  expires_at: string;
  revoked_at: string | null;
  by_name: string | null;
  acknowledged_at?: string | null;
};

export function SharingBadge(props: { sharing: Sharing }) {
  const { t } = usePage().i18n;
  return <span class="badge">{t(`coordination.sharing.${props.sharing}`)}</span>;
}

export function WorkspacePage(p: {
  org: Org;
  myOrgs: Org[];
  mode: 'member' | 'emergency';
  emergencyExpiresAt: string | null;
  notices: Emergency[];
  history: Emergency[];
  departure: { effective_at: string } | null;
  canEdit: boolean;
  canManage: boolean;
  items: Item[];
  people: Person[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  form?: 'note' | 'document' | 'leave';
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = nameOf(p.org.name_ar, p.org.name_en, i18n.locale);
  const e = p.errors ?? {};
  const v = p.values ?? {};
  const docs = p.items.filter((i) => i.kind === 'document');
  const notes = p.items.filter((i) => i.kind === 'note');
  return (
    <Layout title={t('coordination.workspace.title', { org: name })}>
      <CoordNav current="/workspace" />
      <h1>{t('coordination.workspace.title', { org: name })}</h1>
      {p.myOrgs.length > 1 ? (
        <p class="meta">
          {t('coordination.workspace.otherOrgs')}{' '}
          {p.myOrgs
            .filter((o) => o.id !== p.org.id)
            .map((o) => (
              <>
                <a href={`/workspace/${o.id}`}>
                  <bdi>{nameOf(o.name_ar, o.name_en, i18n.locale)}</bdi>
                </a>{' '}
              </>
            ))}
        </p>
      ) : null}
      {p.mode === 'emergency' ? (
        <p class="notice--warn" role="alert">
          {t('coordination.emergency.active', { until: i18n.dateTime(p.emergencyExpiresAt!) })}
        </p>
      ) : (
        <p class="meta">{t('coordination.workspace.privacy')}</p>
      )}
      {p.notices.length && p.canManage ? (
        <div class="notice--warn" role="alert">
          <h2>{t('coordination.emergency.noticeTitle')}</h2>
          <ul>
            {p.notices.map((n) => (
              <li>
                {t('coordination.emergency.noticeLine', {
                  who: n.by_name ?? '—',
                  from: i18n.dateTime(n.started_at),
                  to: i18n.dateTime(n.revoked_at ?? n.expires_at),
                })}
                <blockquote>
                  <UserText text={n.reason} />
                </blockquote>
                <Form action={`/workspace/${p.org.id}/emergency/acknowledge`} class="inline-form">
                  <Hidden name="id" value={n.id} />
                  <button type="submit">{t('coordination.emergency.acknowledge')}</button>
                </Form>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.departure ? (
        <div class="notice--warn">
          <p>{t('coordination.leave.pending', { date: i18n.date(p.departure.effective_at) })}</p>
          {p.canManage ? (
            <Form action={`/workspace/${p.org.id}/leave/cancel`} class="inline-form">
              <button type="submit">{t('coordination.leave.cancel')}</button>
            </Form>
          ) : null}
        </div>
      ) : null}

      <section>
        <h2>{t('coordination.workspace.documents')}</h2>
        {docs.length ? <ItemList items={docs} /> : <Empty text={t('coordination.workspace.noDocuments')} />}
        {p.canEdit ? (
          <details open={p.form === 'document'}>
            <summary>{t('coordination.workspace.uploadDocument')}</summary>
            <FormErrorSummary message={p.form === 'document' ? e._form : undefined} />
            <Form action={`/workspace/${p.org.id}/documents`} multipart>
              <Field
                name="title"
                label={t('coordination.field.title')}
                value={String(p.form === 'document' ? (v.title ?? '') : '')}
                error={p.form === 'document' ? e.title : undefined}
                required
              />
              <Field
                name="body"
                label={t('coordination.field.description')}
                value={String(p.form === 'document' ? (v.body ?? '') : '')}
                multiline
                rows={3}
              />
              <div class="field">
                <label for="f-file">{t('coordination.workspace.file')}</label>
                <input id="f-file" type="file" name="file" required />
                <ErrorText text={p.form === 'document' ? e.file : undefined} />
              </div>
              <Field name="note" label={t('coordination.workspace.versionNote')} />
              <button type="submit">{t('coordination.workspace.upload')}</button>
            </Form>
          </details>
        ) : null}
      </section>

      <section>
        <h2>{t('coordination.workspace.notes')}</h2>
        {notes.length ? <ItemList items={notes} /> : <Empty text={t('coordination.workspace.noNotes')} />}
        {p.canEdit ? (
          <details open={p.form === 'note'}>
            <summary>{t('coordination.workspace.newNote')}</summary>
            <Form action={`/workspace/${p.org.id}/notes`}>
              <Field
                name="title"
                label={t('coordination.field.title')}
                value={String(p.form === 'note' ? (v.title ?? '') : '')}
                error={p.form === 'note' ? e.title : undefined}
                required
              />
              <Field
                name="body"
                label={t('coordination.workspace.noteBody')}
                value={String(p.form === 'note' ? (v.body ?? '') : '')}
                error={p.form === 'note' ? e.body : undefined}
                multiline
              />
              <button type="submit">{t('common.save')}</button>
            </Form>
          </details>
        ) : null}
      </section>

      <section>
        <h2>{t('coordination.workspace.people')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('coordination.people.name')}</th>
                <th>{t('coordination.people.role')}</th>
                <th>{t('coordination.people.title')}</th>
                {p.canManage ? <th></th> : null}
              </tr>
            </thead>
            <tbody>
              {p.people.map((person) => (
                <tr>
                  <td>
                    <bdi>{person.display_name}</bdi>
                  </td>
                  <td>
                    {t(`role.${person.role}` as never)}
                    {person.is_executive_director ? (
                      <span class="badge">{t('coordination.people.executiveDirector')}</span>
                    ) : null}
                    {person.is_representative ? (
                      <span class="badge">{t('coordination.people.representative')}</span>
                    ) : null}
                  </td>
                  <td>
                    <UserText text={person.title ?? ''} />
                  </td>
                  {p.canManage ? (
                    <td>
                      <details>
                        <summary>{t('common.edit')}</summary>
                        <Form action={`/workspace/${p.org.id}/people`}>
                          <Hidden name="user_id" value={person.id} />
                          <Field name="title" label={t('coordination.people.title')} value={person.title ?? ''} />
                          <Checkbox
                            name="executive_director"
                            label={t('coordination.people.executiveDirector')}
                            checked={person.is_executive_director === 1}
                          />
                          <Checkbox
                            name="representative"
                            label={t('coordination.people.representative')}
                            checked={person.is_representative === 1}
                          />
                          <button type="submit">{t('common.save')}</button>
                        </Form>
                      </details>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="hint">{t('coordination.people.representativeHint')}</p>
      </section>

      {p.mode === 'member' ? (
        <p class="actions">
          <a class="button secondary" href="/workspace/shared">
            {t('coordination.workspace.sharedWithUs')}
          </a>
          {p.canManage ? (
            <a class="button secondary" href={`/workspace/${p.org.id}/export`}>
              {t('coordination.workspace.export')}
            </a>
          ) : null}
        </p>
      ) : null}

      {p.canManage && p.history.length ? (
        <section>
          <h2>{t('coordination.emergency.history')}</h2>
          <ul>
            {p.history.map((h) => (
              <li>
                {t('coordination.emergency.noticeLine', {
                  who: h.by_name ?? '—',
                  from: i18n.dateTime(h.started_at),
                  to: i18n.dateTime(h.revoked_at ?? h.expires_at),
                })}{' '}
                — <UserText text={h.reason} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.canManage && !p.departure ? (
        <section>
          <h2>{t('coordination.leave.title')}</h2>
          <details open={p.form === 'leave'}>
            <summary>{t('coordination.leave.summary')}</summary>
            <p>{t('coordination.leave.explain')}</p>
            <Form action={`/workspace/${p.org.id}/leave`}>
              <Field
                name="confirm_name"
                label={t('coordination.leave.confirmLabel', { name })}
                error={p.form === 'leave' ? e.confirm_name : undefined}
                required
              />
              <button type="submit" class="danger">
                {t('coordination.leave.submit')}
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </Layout>
  );
}

function ItemList(props: { items: Item[] }) {
  return (
    <ul class="card-list">
      {props.items.map((i) => (
        <li class="card">
          <h3>
            <a href={`/workspace/items/${i.id}`}>
              <UserText text={i.title} />
            </a>
          </h3>
          <p class="meta">
            <SharingBadge sharing={i.sharing} /> <When at={i.updated_at} />
            {i.author ? (
              <>
                {' · '}
                <bdi>{i.author}</bdi>
              </>
            ) : null}
          </p>
          {i.kind === 'note' && i.body ? (
            <p dir="auto" class="meta">
              {i.body.slice(0, 160)}
              {i.body.length > 160 ? '…' : ''}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ItemPage(p: {
  item: Item & { org_name_ar: string; org_name_en: string; organization_id: number; shares: Org[] };
  versions: {
    id: number;
    version: number;
    filename: string;
    bytes: number;
    note: string;
    created_at: string;
    uploader: string | null;
  }[];
  canEdit: boolean;
  canSeeVersions: boolean;
  orgs: Org[];
  errors?: FieldErrors;
  values?: Record<string, unknown>;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const it = p.item;
  const e = p.errors ?? {};
  const shared = new Set(it.shares.map((s) => s.id));
  return (
    <Layout title={it.title}>
      <CoordNav current="" />
      <p class="meta">
        <bdi>{nameOf(it.org_name_ar, it.org_name_en, i18n.locale)}</bdi> ·{' '}
        {t(it.kind === 'document' ? 'coordination.workspace.document' : 'coordination.workspace.note')} ·{' '}
        <SharingBadge sharing={it.sharing} />
      </p>
      <h1>
        <UserText text={it.title} />
      </h1>
      {it.body ? (
        <div class="prose">
          <Paragraphs text={it.body} />
        </div>
      ) : null}
      {it.sharing === 'orgs' && p.canEdit ? (
        <p class="meta">
          {t('coordination.sharing.sharedWith')}{' '}
          {it.shares.map((s, i) => (
            <>
              {i ? '، ' : ''}
              <bdi>{nameOf(s.name_ar, s.name_en, i18n.locale)}</bdi>
            </>
          ))}
        </p>
      ) : null}

      {it.kind === 'document' && p.canSeeVersions ? (
        <section>
          <h2>{t('coordination.workspace.versions')}</h2>
          <ul>
            {p.versions.map((v) => (
              <li>
                <a href={`/workspace/items/${it.id}/versions/${v.id}/file`}>
                  {t('coordination.workspace.versionLabel', { n: v.version })} — <bdi dir="auto">{v.filename}</bdi>
                </a>{' '}
                <span class="meta">
                  ({formatBytes(v.bytes, i18n.number)}, <When at={v.created_at} />
                  {v.uploader ? (
                    <>
                      {', '}
                      <bdi>{v.uploader}</bdi>
                    </>
                  ) : null}
                  )
                </span>
                {v.note ? (
                  <>
                    {' '}
                    — <UserText text={v.note} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {p.canEdit ? (
            <details>
              <summary>{t('coordination.workspace.newVersion')}</summary>
              <Form action={`/workspace/items/${it.id}/versions`} multipart>
                <div class="field">
                  <label for="f-file">{t('coordination.workspace.file')}</label>
                  <input id="f-file" type="file" name="file" required />
                  <ErrorText text={e.file} />
                </div>
                <Field name="note" label={t('coordination.workspace.versionNote')} />
                <button type="submit">{t('coordination.workspace.upload')}</button>
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}

      {p.canEdit ? (
        <>
          <section>
            <h2>{t('coordination.sharing.title')}</h2>
            <Form action={`/workspace/items/${it.id}/sharing`}>
              <fieldset>
                <legend>{t('coordination.sharing.who')}</legend>
                {(['private', 'orgs', 'network', 'public'] as const).map((s) => (
                  <label class="checkbox">
                    <input type="radio" name="sharing" value={s} checked={it.sharing === s} />{' '}
                    {t(`coordination.sharing.${s}`)} — <span class="meta">{t(`coordination.sharing.${s}Hint`)}</span>
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>{t('coordination.sharing.orgsLegend')}</legend>
                {p.orgs.map((o) => (
                  <Checkbox
                    name="orgs"
                    value={String(o.id)}
                    label={nameOf(o.name_ar, o.name_en, i18n.locale)}
                    checked={shared.has(o.id)}
                  />
                ))}
              </fieldset>
              <button type="submit">{t('common.save')}</button>
            </Form>
          </section>
          <section>
            <details open={!!p.errors}>
              <summary>{t('common.edit')}</summary>
              <Form action={`/workspace/items/${it.id}/edit`}>
                <Field
                  name="title"
                  label={t('coordination.field.title')}
                  value={String(p.values?.title ?? it.title)}
                  error={e.title}
                  required
                />
                <Field
                  name="body"
                  label={t(it.kind === 'note' ? 'coordination.workspace.noteBody' : 'coordination.field.description')}
                  value={String(p.values?.body ?? it.body)}
                  error={e.body}
                  multiline
                />
                <button type="submit">{t('common.save')}</button>
              </Form>
            </details>
            <Form action={`/workspace/items/${it.id}/delete`} class="inline-form">
              <button type="submit" class="danger">
                {t('common.delete')}
              </button>
            </Form>
          </section>
          <p>
            <a href={`/workspace/${it.organization_id}`}>{t('coordination.workspace.back')}</a>
          </p>
        </>
      ) : null}
    </Layout>
  );
}

export function SharedPage(p: { items: (Item & { org_name_ar: string; org_name_en: string })[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('coordination.workspace.sharedWithUs')}>
      <CoordNav current="/workspace" />
      <h1>{t('coordination.workspace.sharedWithUs')}</h1>
      {p.items.length ? (
        <ul class="card-list">
          {p.items.map((i) => (
            <li class="card">
              <h2>
                <a href={`/workspace/items/${i.id}`}>
                  <UserText text={i.title} />
                </a>
              </h2>
              <p class="meta">
                <bdi>{nameOf(i.org_name_ar, i.org_name_en, i18n.locale)}</bdi> · <SharingBadge sharing={i.sharing} /> ·{' '}
                <When at={i.updated_at} />
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <Empty text={t('coordination.workspace.nothingShared')} />
      )}
    </Layout>
  );
}

/** For people without an organization: network admins see the emergency-access entry points. */
export function NoWorkspacePage(p: { orgs: Org[]; canEmergency: boolean }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <Layout title={t('coordination.workspace.none')}>
      <CoordNav current="/workspace" />
      <h1>{t('coordination.workspace.none')}</h1>
      <p>{t('coordination.workspace.noneExplain')}</p>
      {p.canEmergency ? (
        <>
          <h2>{t('coordination.emergency.title')}</h2>
          <p>{t('coordination.emergency.explain')}</p>
          <ul>
            {p.orgs.map((o) => (
              <li>
                <a href={`/workspace/${o.id}/emergency`}>
                  <bdi>{nameOf(o.name_ar, o.name_en, i18n.locale)}</bdi>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href="/workspace/shared">{t('coordination.workspace.sharedWithUs')}</a>
      </p>
    </Layout>
  );
}

export function EmergencyPage(p: {
  org: Org;
  errors?: FieldErrors;
  values?: Record<string, unknown>;
  active: { expires_at: string } | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const e = p.errors ?? {};
  const name = nameOf(p.org.name_ar, p.org.name_en, i18n.locale);
  return (
    <Layout title={t('coordination.emergency.title')}>
      <h1>
        {t('coordination.emergency.title')} — <bdi>{name}</bdi>
      </h1>
      <p>{t('coordination.emergency.explain')}</p>
      {p.active ? (
        <>
          <p class="notice--warn">
            {t('coordination.emergency.active', { until: i18n.dateTime(p.active.expires_at) })}
          </p>
          <p class="actions">
            <a class="button" href={`/workspace/${p.org.id}`}>
              {t('coordination.emergency.open')}
            </a>
          </p>
          <Form action={`/workspace/${p.org.id}/emergency/end`}>
            <button type="submit" class="secondary">
              {t('coordination.emergency.end')}
            </button>
          </Form>
        </>
      ) : (
        <>
          <FormErrorSummary message={e._form} />
          <Form action={`/workspace/${p.org.id}/emergency`}>
            <Field
              name="reason"
              label={t('coordination.emergency.reason')}
              hint={t('coordination.emergency.reasonHint')}
              value={String(p.values?.reason ?? '')}
              error={e.reason}
              multiline
              rows={4}
              required
            />
            <Select
              name="hours"
              label={t('coordination.emergency.duration')}
              value={String(p.values?.hours ?? '4')}
              error={e.hours}
              options={[1, 4, 12, 24, 72].map((h) => ({
                value: String(h),
                label: t('coordination.emergency.hours', { n: h }),
              }))}
            />
            <button type="submit" class="danger">
              {t('coordination.emergency.submit')}
            </button>
          </Form>
        </>
      )}
    </Layout>
  );
}
