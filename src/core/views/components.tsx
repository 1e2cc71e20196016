// Small shared pieces (directional icons are drawn for LTR and mirrored by CSS in RTL): pagination, user-written text, contact values, dates.
import type { ComponentChildren } from 'preact';
import { usePage } from './context.js';

/** User-written text: its own direction, whatever the page's. */
export function UserText(props: { text: string; as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' }) {
  const Tag = props.as ?? 'span';
  return <Tag dir="auto">{props.text}</Tag>;
}

/** Phone numbers, e-mails and URLs read left to right even inside Arabic text. */
export function Ltr(props: { children: ComponentChildren }) {
  return <bdi dir="ltr">{props.children}</bdi>;
}

export function Phone(props: { number: string }) {
  const tel = props.number.replace(/[^\d+]/g, '');
  return (
    <a href={`tel:${tel}`}>
      <bdi dir="ltr">{props.number}</bdi>
    </a>
  );
}

export function DateText(props: { value: string | Date }) {
  const { i18n } = usePage();
  const d = typeof props.value === 'string' ? new Date(props.value) : props.value;
  return <time dateTime={d.toISOString()}>{i18n.date(d)}</time>;
}

export function Pagination(props: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { i18n } = usePage();
  if (props.pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={i18n.t('common.pagination')}>
      {props.page > 1 ? (
        <a rel="prev" href={props.hrefFor(props.page - 1)}>
          <span class="icon--dir" aria-hidden="true">
            ←
          </span>{' '}
          {i18n.t('common.previous')}
        </a>
      ) : null}
      <span>{i18n.t('common.pageOf', { page: props.page, count: props.pageCount })}</span>
      {props.page < props.pageCount ? (
        <a rel="next" href={props.hrefFor(props.page + 1)}>
          {i18n.t('common.next')}{' '}
          <span class="icon--dir" aria-hidden="true">
            →
          </span>
        </a>
      ) : null}
    </nav>
  );
}
