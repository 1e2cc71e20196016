// Workspace pages: an organization's workspace (documents, notes, people, leaving), one item with
// its versions and sharing, what others shared, and the emergency access of network admins.
import { Layout } from '../../../core/views/Layout.js';
import { usePage } from '../../../core/views/context.js';
import {
  ButtonForm,
  Checkbox,
  Checkboxes,
  DeleteButton,
  Field,
  FileField,
  Form,
  Hidden,
  Radios,
  Select,
  type FormState,
} from '../../../core/views/forms.js';
import { DataTable, StatusBadge, UserText } from '../../../core/views/components.js';
import type { Sharing } from '../tables.js';
import {
  Cards,
  CoordPage,
  FoldForm,
  Names,
  Paragraphs,
  When,
  choices,
  formatBytes,
  idOptions,
  refused,
  useLocalized,
} from '../components.js';

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
};

export function SharingBadge(props: { sharing: Sharing }) {
  const { t } = usePage().i18n;
  return <StatusBadge label={t(`coordination.sharing.${props.sharing}`)} />;
}

/** "X opened it from … to …" */
function EmergencyLine(props: { e: Emergency }) {
  const { i18n } = usePage();
  const e = props.e;
  return (
    <>
      {i18n.t('coordination.emergency.noticeLine', {
        who: e.by_name ?? '—',
        from: i18n.dateTime(e.started_at),
        to: i18n.dateTime(e.revoked_at ?? e.expires_at),
      })}
    </>
  );
}

const itemKinds = ['document', 'note'] as const;

/** The words of each kind of item: its name, its list, the form that adds one, its body field. */
const kindText = {
  document: {
    name: 'coordination.workspace.document',
    list: 'coordination.workspace.documents',
    empty: 'coordination.workspace.noDocuments',
    add: 'coordination.workspace.uploadDocument',
    submit: 'coordination.workspace.upload',
    body: 'coordination.field.description',
  },
  note: {
    name: 'coordination.workspace.note',
    list: 'coordination.workspace.notes',
    empty: 'coordination.workspace.noNotes',
    add: 'coordination.workspace.newNote',
    submit: 'common.save',
    body: 'coordination.workspace.noteBody',
  },
} as const;

/** One kind of item of a workspace: the list, and the form that adds one (documents come with a file). */
function ItemSection(p: {
  kind: Item['kind'];
  items: Item[];
  base: string;
  canEdit: boolean;
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const words = kindText[p.kind];
  const doc = p.kind === 'document';
  return (
    <section>
      <h2>{t(words.list)}</h2>
      <ItemList items={p.items.filter((i) => i.kind === p.kind)} empty={t(words.empty)} />
      {p.canEdit ? (
        <FoldForm
          summary={t(words.add)}
          action={`${p.base}/${p.kind}s`}
          submit={t(words.submit)}
          state={p.state}
          multipart={doc}
        >
          <Field name="title" label={t('coordination.field.title')} required />
          <Field name="body" label={t(words.body)} multiline rows={doc ? 3 : undefined} />
          {doc ? <UploadFields /> : null}
        </FoldForm>
      ) : null}
    </section>
  );
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
  state?: FormState | null;
}) {
  const { i18n } = usePage();
  const { t } = i18n;
  const name = useLocalized()(p.org);
  const base = `/workspace/${p.org.id}`;
  return (
    <CoordPage title={t('coordination.workspace.title', { org: name })} nav="/workspace">
      <OtherWorkspaces current={p.org.id} orgs={p.myOrgs} />
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
                <EmergencyLine e={n} />
                <blockquote>
                  <UserText text={n.reason} />
                </blockquote>
                <ButtonForm
                  action={`${base}/emergency/acknowledge`}
                  label={t('coordination.emergency.acknowledge')}
                  hidden={{ id: n.id }}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.departure ? (
        <div class="notice--warn">
          <p>{t('coordination.leave.pending', { date: i18n.date(p.departure.effective_at) })}</p>
          {p.canManage ? <ButtonForm action={`${base}/leave/cancel`} label={t('coordination.leave.cancel')} /> : null}
        </div>
      ) : null}

      {itemKinds.map((kind) => (
        <ItemSection kind={kind} items={p.items} base={base} canEdit={p.canEdit} state={p.state} />
      ))}

      <section>
        <h2>{t('coordination.workspace.people')}</h2>
        <People org={p.org.id} people={p.people} canManage={p.canManage} />
        <p class="hint">{t('coordination.people.representativeHint')}</p>
      </section>

      {p.mode === 'member' ? (
        <p class="actions">
          <a class="button secondary" href="/workspace/shared">
            {t('coordination.workspace.sharedWithUs')}
          </a>
          {p.canManage ? (
            <a class="button secondary" href={`${base}/export`}>
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
                <EmergencyLine e={h} /> — <UserText text={h.reason} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.canManage && !p.departure ? (
        <section>
          <h2>{t('coordination.leave.title')}</h2>
          <details open={refused(p.state, `${base}/leave`)}>
            <summary>{t('coordination.leave.summary')}</summary>
            <p>{t('coordination.leave.explain')}</p>
            <Form action={`${base}/leave`} state={p.state}>
              <Field name="confirm_name" label={t('coordination.leave.confirmLabel', { name })} required />
              <button type="submit" class="danger">
                {t('coordination.leave.submit')}
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </CoordPage>
  );
}

function OtherWorkspaces(p: { current: number; orgs: Org[] }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  if (p.orgs.length <= 1) return null;
  return (
    <p class="meta">
      {t('coordination.workspace.otherOrgs')}{' '}
      {p.orgs
        .filter((o) => o.id !== p.current)
        .map((o) => (
          <>
            <a href={`/workspace/${o.id}`}>
              <bdi>{name(o)}</bdi>
            </a>{' '}
          </>
        ))}
    </p>
  );
}

/** The organization's people; its admins set each one's title and flags. */
function People(p: { org: number; people: Person[]; canManage: boolean }) {
  const { t } = usePage().i18n;
  return (
    <DataTable
      rows={p.people}
      columns={[
        { label: t('coordination.people.name'), cell: (person) => <bdi>{person.display_name}</bdi> },
        {
          label: t('coordination.people.role'),
          cell: (person) => (
            <>
              {t(`role.${person.role}` as never)}
              {person.is_executive_director ? <StatusBadge label={t('coordination.people.executiveDirector')} /> : null}
              {person.is_representative ? <StatusBadge label={t('coordination.people.representative')} /> : null}
            </>
          ),
        },
        { label: t('coordination.people.title'), cell: (person) => <UserText text={person.title ?? ''} /> },
        p.canManage && {
          label: '',
          cell: (person) => (
            <details>
              <summary>{t('common.edit')}</summary>
              <Form
                action={`/workspace/${p.org}/people`}
                id={`person-${person.id}`}
                idPrefix={`person-${person.id}`}
                values={{
                  title: person.title ?? '',
                  executive_director: person.is_executive_director,
                  representative: person.is_representative,
                }}
              >
                <Hidden name="user_id" value={person.id} />
                <Field name="title" label={t('coordination.people.title')} />
                <Checkbox name="executive_director" label={t('coordination.people.executiveDirector')} />
                <Checkbox name="representative" label={t('coordination.people.representative')} />
                <button type="submit">{t('common.save')}</button>
              </Form>
            </details>
          ),
        },
      ]}
    />
  );
}

/** Items as cards: one's own (author, the start of a note) or shared by others (their organization). */
function ItemList(props: {
  items: (Item & { org_name_ar?: string; org_name_en?: string })[];
  empty: string;
  shared?: boolean;
}) {
  const name = useLocalized();
  return (
    <Cards
      items={props.items}
      empty={props.empty}
      heading={props.shared ? 'h2' : 'h3'}
      href={(i) => `/workspace/items/${i.id}`}
      title={(i) => i.title}
      meta={(i) =>
        props.shared ? (
          <>
            <bdi>{name(i, 'org_name')}</bdi> · <SharingBadge sharing={i.sharing} /> · <When at={i.updated_at} />
          </>
        ) : (
          <>
            <SharingBadge sharing={i.sharing} /> <When at={i.updated_at} />
            {i.author ? (
              <>
                {' · '}
                <bdi>{i.author}</bdi>
              </>
            ) : null}
          </>
        )
      }
      more={(i) =>
        !props.shared && i.kind === 'note' && i.body ? (
          <p dir="auto" class="meta">
            {i.body.slice(0, 160)}
            {i.body.length > 160 ? '…' : ''}
          </p>
        ) : null
      }
    />
  );
}

/** A file, a note on this version, and the upload button (a new document, a new version). */
function UploadFields() {
  const { t } = usePage().i18n;
  return (
    <>
      <FileField name="file" label={t('coordination.workspace.file')} required />
      <Field name="note" label={t('coordination.workspace.versionNote')} />
    </>
  );
}

type Version = {
  id: number;
  version: number;
  filename: string;
  bytes: number;
  note: string;
  created_at: string;
  uploader: string | null;
};

export function ItemPage(p: {
  item: Item & { org_name_ar: string; org_name_en: string; organization_id: number; shares: Org[] };
  versions: Version[];
  canEdit: boolean;
  orgs: Org[];
  state?: FormState | null;
}) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  const it = p.item;
  const base = `/workspace/items/${it.id}`;
  return (
    <CoordPage
      title={it.title}
      nav=""
      meta={
        <>
          <bdi>{name(it, 'org_name')}</bdi> · {t(kindText[it.kind].name)} · <SharingBadge sharing={it.sharing} />
        </>
      }
      userTitle
    >
      {it.body ? (
        <div class="prose">
          <Paragraphs text={it.body} />
        </div>
      ) : null}
      {it.sharing === 'orgs' && p.canEdit ? (
        <p class="meta">
          {t('coordination.sharing.sharedWith')} <Names names={it.shares.map((s) => name(s))} />
        </p>
      ) : null}

      {it.kind === 'document' ? (
        <section>
          <h2>{t('coordination.workspace.versions')}</h2>
          <Versions item={it.id} versions={p.versions} />
          {p.canEdit ? (
            <FoldForm
              summary={t('coordination.workspace.newVersion')}
              action={`${base}/versions`}
              submit={t('coordination.workspace.upload')}
              state={p.state}
              multipart
            >
              <UploadFields />
            </FoldForm>
          ) : null}
        </section>
      ) : null}

      {p.canEdit ? (
        <>
          <section>
            <h2>{t('coordination.sharing.title')}</h2>
            <Form
              action={`${base}/sharing`}
              state={p.state}
              values={{ sharing: it.sharing, orgs: it.shares.map((s) => String(s.id)) }}
            >
              <Radios
                name="sharing"
                legend={t('coordination.sharing.who')}
                options={choices(['private', 'orgs', 'network', 'public'] as const, (s) => (
                  <>
                    {t(`coordination.sharing.${s}`)} — <span class="meta">{t(`coordination.sharing.${s}Hint`)}</span>
                  </>
                ))}
              />
              <Checkboxes name="orgs" legend={t('coordination.sharing.orgsLegend')} options={idOptions(p.orgs, name)} />
              <button type="submit">{t('common.save')}</button>
            </Form>
          </section>
          <section>
            <FoldForm
              summary={t('common.edit')}
              action={`${base}/edit`}
              submit={t('common.save')}
              state={p.state}
              values={it}
            >
              <Field name="title" label={t('coordination.field.title')} required />
              <Field name="body" label={t(kindText[it.kind].body)} multiline />
            </FoldForm>
            <DeleteButton action={`${base}/delete`} what={it.title} />
          </section>
          <p>
            <a href={`/workspace/${it.organization_id}`}>{t('coordination.workspace.back')}</a>
          </p>
        </>
      ) : null}
    </CoordPage>
  );
}

function Versions(p: { item: number; versions: Version[] }) {
  const { i18n } = usePage();
  const { t } = i18n;
  return (
    <ul>
      {p.versions.map((v) => (
        <li>
          <a href={`/workspace/items/${p.item}/versions/${v.id}/file`}>
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
  );
}

export function SharedPage(p: { items: (Item & { org_name_ar: string; org_name_en: string })[] }) {
  const { t } = usePage().i18n;
  return (
    <CoordPage title={t('coordination.workspace.sharedWithUs')} nav="/workspace">
      <ItemList items={p.items} empty={t('coordination.workspace.nothingShared')} shared />
    </CoordPage>
  );
}

/** For people without an organization: network admins see the emergency-access entry points. */
export function NoWorkspacePage(p: { orgs: Org[]; canEmergency: boolean }) {
  const { t } = usePage().i18n;
  const name = useLocalized();
  return (
    <CoordPage title={t('coordination.workspace.none')} nav="/workspace">
      <p>{t('coordination.workspace.noneExplain')}</p>
      {p.canEmergency ? (
        <>
          <h2>{t('coordination.emergency.title')}</h2>
          <p>{t('coordination.emergency.explain')}</p>
          <ul>
            {p.orgs.map((o) => (
              <li>
                <a href={`/workspace/${o.id}/emergency`}>
                  <bdi>{name(o)}</bdi>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href="/workspace/shared">{t('coordination.workspace.sharedWithUs')}</a>
      </p>
    </CoordPage>
  );
}

export function EmergencyPage(p: { org: Org; active: { expires_at: string } | null; state?: FormState | null }) {
  const { i18n } = usePage();
  const { t } = i18n;
  const base = `/workspace/${p.org.id}`;
  return (
    <Layout title={t('coordination.emergency.title')}>
      <h1>
        {t('coordination.emergency.title')} — <bdi>{useLocalized()(p.org)}</bdi>
      </h1>
      <p>{t('coordination.emergency.explain')}</p>
      {p.active ? (
        <>
          <p class="notice--warn">
            {t('coordination.emergency.active', { until: i18n.dateTime(p.active.expires_at) })}
          </p>
          <p class="actions">
            <a class="button" href={base}>
              {t('coordination.emergency.open')}
            </a>
          </p>
          <ButtonForm action={`${base}/emergency/end`} label={t('coordination.emergency.end')} class="secondary" />
        </>
      ) : (
        <Form action={`${base}/emergency`} state={p.state} values={{ hours: '4' }}>
          <Field
            name="reason"
            label={t('coordination.emergency.reason')}
            hint={t('coordination.emergency.reasonHint')}
            multiline
            rows={4}
            required
          />
          <Select
            name="hours"
            label={t('coordination.emergency.duration')}
            options={[1, 4, 12, 24, 72].map((h) => ({
              value: String(h),
              label: t('coordination.emergency.hours', { n: h }),
            }))}
          />
          <button type="submit" class="danger">
            {t('coordination.emergency.submit')}
          </button>
        </Form>
      )}
    </Layout>
  );
}
