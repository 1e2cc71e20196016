// The form kit. Every form posts and works without JavaScript; errors come back beside the field,
// in the reader's language.
//
// A <Form> is a scope: its fields find their own value and error by name, so a field is written
// once — <Field name="title" label={t('…')} /> — instead of naming itself three times. After a
// refused submission the route kit hands the page a FormState; only the form it came from (same
// `id`, by default the same action) shows those values and errors, so pages with several forms
// keep each one's errors to itself. Before that, a form shows its `values` (e.g. the saved row).
import type { ComponentChildren, JSX } from 'preact';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { usePage } from './context.js';

export type FieldErrors = Record<string, string | undefined>;

/** What a refused submission brings back: which form, what was typed, what is wrong. */
export type FormState = {
  id: string;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /** what a check found for the form to offer (e.g. towns to choose from) */
  extra?: Record<string, unknown>;
};

type Scope = { values: Record<string, unknown>; errors: FieldErrors; prefix: string; extra: Record<string, unknown> };
const FormScope = createContext<Scope | null>(null);

function useScope(): Scope {
  return useContext(FormScope) ?? { values: {}, errors: {}, prefix: 'f', extra: {} };
}

/** A field's scope, its element id and its error (the one it is given first). */
function useFieldScope(name: string, error?: string) {
  const scope = useScope();
  return { scope, id: `${scope.prefix}-${name}`, error: error ?? scope.errors[name] };
}

/** The string a text input shows for a stored or typed value. */
export function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.length ? asText(v[0]) : '';
  return String(v);
}

/** The strings of a multi-valued field (checkboxes, multi-select), typed or stored. */
export function asList(v: unknown): string[] {
  if (v === null || v === undefined || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 'on';

export function Form(props: {
  action: string;
  method?: 'post' | 'get';
  multipart?: boolean;
  class?: string;
  /** which FormState belongs here (default: the action) */
  id?: string;
  /** a refused submission; shown only if it came from this form */
  state?: FormState | null;
  /** what the fields show before any submission (a saved row, defaults) */
  values?: Record<string, unknown>;
  /** errors computed by the page itself (rare; the route kit passes them in `state`) */
  errors?: FieldErrors;
  /** distinguishes field ids when one page shows the same field names twice */
  idPrefix?: string;
  /** the form-level message goes at the top of the form (default on) */
  summary?: boolean;
  children: ComponentChildren;
}) {
  const { csrfToken } = usePage();
  const method = props.method ?? 'post';
  // A refused submission comes back to the form it was posted from (its action, query aside).
  const mine = props.state && props.state.id === (props.id ?? props.action.split('?')[0]) ? props.state : null;
  const scope: Scope = {
    values: mine ? mine.values : (props.values ?? {}),
    errors: mine ? mine.errors : (props.errors ?? {}),
    prefix: props.idPrefix ?? 'f',
    extra: mine?.extra ?? {},
  };
  return (
    <form
      method={method}
      action={props.action}
      class={props.class ?? 'form'}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
    >
      {method === 'post' ? <input type="hidden" name="_csrf" value={csrfToken()} /> : null}
      {props.summary === false ? null : <FormErrorSummary message={scope.errors._form} />}
      <FormScope.Provider value={scope}>{props.children}</FormScope.Provider>
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'datetime-local' | 'time' | 'search';
  /** overrides the scope's value */
  value?: string | number | null;
  /** overrides the scope's error */
  error?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: JSX.HTMLAttributes['inputMode'];
  minLength?: number;
  maxLength?: number;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  placeholder?: string;
  pattern?: string;
  multiline?: boolean;
  rows?: number;
  list?: string;
  id?: string;
};

/** tel, email and url inputs are always LTR; free text gets dir="auto" and dirname so the server learns its direction. */
export function Field(p: FieldProps) {
  const scope = useScope();
  const id = p.id ?? `${scope.prefix}-${p.name}`;
  const error = p.error ?? scope.errors[p.name];
  const type = p.type ?? 'text';
  // A password typed before is never put back into the page.
  const value = p.value !== undefined ? p.value : type === 'password' ? '' : asText(scope.values[p.name]);
  const ltr = type === 'tel' || type === 'email' || type === 'url' || type === 'password';
  if (type === 'password') usePage().asksPassword = true;
  const common = {
    id,
    name: p.name,
    required: p.required,
    ...describedBy(id, error, p.hint),
    maxLength: p.maxLength,
    minLength: p.minLength,
    placeholder: p.placeholder,
  };
  return (
    <FieldFrame id={id} label={p.label} hint={p.hint} error={error}>
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 6} dir="auto" dirName={`${p.name}.dir`}>
          {value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={type}
          value={p.value !== undefined ? (p.value ?? undefined) : value || undefined}
          autocomplete={p.autocomplete}
          inputMode={p.inputmode}
          min={p.min}
          max={p.max}
          step={p.step}
          pattern={p.pattern}
          list={p.list}
          dir={ltr ? 'ltr' : 'auto'}
          {...(ltr || type !== 'text' ? {} : { dirName: `${p.name}.dir` })}
        />
      )}
    </FieldFrame>
  );
}

export type Option = { value: string; label: string };
/** A choice in a list of checkboxes or radios; its label may hold markup (a <bdi> name). */
export type Choice = { value: string; label: ComponentChildren };

/** What a labelled one-input field (a select, a file input) is given. */
type LabelledInputProps = { name: string; label: string; hint?: string; required?: boolean; multiple?: boolean };

export function Select(
  p: LabelledInputProps & {
    options: Option[];
    value?: string | null;
    error?: string;
    /** an empty first choice with this label */
    includeEmpty?: string;
  },
) {
  const { scope, id, error } = useFieldScope(p.name, p.error);
  const selected = p.value !== undefined ? asList(p.value) : asList(scope.values[p.name]);
  return (
    <FieldFrame id={id} label={p.label} hint={p.hint} error={error}>
      <select id={id} name={p.name} multiple={p.multiple} required={p.required} {...describedBy(id, error, p.hint)}>
        {p.includeEmpty !== undefined ? <option value="">{p.includeEmpty}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={selected.includes(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** One checkbox; checked from the scope ('on', '1', 1, true) unless `checked` says. */
export function Checkbox(p: {
  name: string;
  label: ComponentChildren;
  checked?: boolean;
  value?: string;
  hint?: string;
  required?: boolean;
}) {
  const scope = useScope();
  const id = `${scope.prefix}-${p.name}${p.value && p.value !== 'on' ? `-${p.value}` : ''}`;
  const stored = scope.values[p.name];
  const checked =
    p.checked !== undefined
      ? p.checked
      : p.value && p.value !== 'on'
        ? asList(stored).includes(p.value)
        : truthy(stored);
  const error = scope.errors[p.name];
  return (
    <>
      <label class="checkbox" for={id}>
        <input type="checkbox" id={id} name={p.name} value={p.value ?? 'on'} checked={checked} required={p.required} />{' '}
        {p.label}
      </label>
      <HintAndError id={id} hint={p.hint} error={error} />
    </>
  );
}

/** Several choices under one name, in a fieldset. */
export function Checkboxes(p: { name: string; legend: string; options: Choice[]; selected?: string[]; hint?: string }) {
  const { scope, id, error } = useFieldScope(p.name);
  const selected = p.selected ?? asList(scope.values[p.name]);
  return (
    <ChoiceFieldset id={id} legend={p.legend} hint={p.hint} error={error} errorDescribes>
      {p.options.map((o) => (
        <label class="checkbox">
          <input type="checkbox" name={p.name} value={o.value} checked={selected.includes(o.value)} /> {o.label}
        </label>
      ))}
    </ChoiceFieldset>
  );
}

/** One choice of a few, as radio buttons in a fieldset. */
export function Radios(p: { name: string; legend: string; options: Choice[]; value?: string | null; hint?: string }) {
  const { scope, id, error } = useFieldScope(p.name);
  const value = p.value !== undefined ? asText(p.value) : asText(scope.values[p.name]);
  return (
    <ChoiceFieldset id={id} legend={p.legend} hint={p.hint} error={error}>
      {p.options.map((o) => (
        <label class="checkbox">
          <input type="radio" name={p.name} value={o.value} checked={value === o.value} /> {o.label}
        </label>
      ))}
    </ChoiceFieldset>
  );
}

/** A file input (the form must be `multipart`). */
export function FileField(p: LabelledInputProps & { accept?: string }) {
  const { id, error } = useFieldScope(p.name);
  return (
    <FieldFrame id={id} label={p.label} hint={p.hint} error={error}>
      <input
        id={id}
        type="file"
        name={p.name}
        accept={p.accept}
        required={p.required}
        multiple={p.multiple}
        {...describedBy(id, error, p.hint)}
      />
    </FieldFrame>
  );
}

/**
 * A town, typed by name (Arabic or Latin, an alias) or P-code; the route resolves it
 * (core/towns/picker.ts). When the name fits several towns they come back as choices here.
 */
export function TownField(p: { name: string; label: string; hint?: string; required?: boolean }) {
  const scope = useScope();
  const { t } = usePage().i18n;
  const choices = (scope.extra.townChoices as Record<string, { pcode: string; label: string }[]> | undefined)?.[p.name];
  if (choices?.length)
    return (
      <Radios
        name={p.name}
        legend={`${p.label} — ${t('townPicker.choose')}`}
        options={choices.map((c) => ({ value: c.pcode, label: <bdi>{c.label}</bdi> }))}
        value=""
      />
    );
  return <Field name={p.name} label={p.label} hint={p.hint ?? t('townPicker.hint')} required={p.required} />;
}

export function Hidden(p: { name: string; value: string | number }) {
  return <input type="hidden" name={p.name} value={String(p.value)} />;
}

export function Submit(p: { label: string; class?: string; name?: string; value?: string }) {
  return (
    <button type="submit" class={p.class} name={p.name} value={p.value}>
      {p.label}
    </button>
  );
}

/** A small form that is only a button (publish, accept, mark done). */
export function ButtonForm(p: {
  action: string;
  label: string;
  class?: string;
  hidden?: Record<string, string | number>;
}) {
  return (
    <Form action={p.action} class="inline-form" summary={false}>
      {Object.entries(p.hidden ?? {}).map(([name, value]) => (
        <Hidden name={name} value={value} />
      ))}
      <button type="submit" class={p.class}>
        {p.label}
      </button>
    </Form>
  );
}

/**
 * An action that cannot be taken back (delete, revoke, cancel) asks twice, without JavaScript:
 * the first button opens the question, the second one, inside it, posts.
 */
export function ConfirmButton(p: {
  action: string;
  /** the first button: "Delete", "Revoke…" */
  label: string;
  /** what will happen, said plainly */
  question: string;
  /** the second button: "Yes, delete" */
  confirm: string;
  hidden?: Record<string, string | number>;
  /** extra fields asked at the confirm step (a reason) */
  children?: ComponentChildren;
}) {
  return (
    <details class="confirm">
      <summary class="danger">{p.label}</summary>
      <Form action={p.action} class="inline-form" summary={false}>
        <p role="alert">{p.question}</p>
        {Object.entries(p.hidden ?? {}).map(([name, value]) => (
          <Hidden name={name} value={value} />
        ))}
        {p.children}
        <button type="submit" class="danger">
          {p.confirm}
        </button>
      </Form>
    </details>
  );
}

/** ConfirmButton in the words of deleting `what`. */
export function DeleteButton(p: { action: string; what: string; hidden?: Record<string, string | number> }) {
  const { t } = usePage().i18n;
  return (
    <ConfirmButton
      action={p.action}
      label={t('common.delete')}
      question={`${t('common.confirmDelete', { name: p.what })} ${t('common.cannotUndo')}`}
      confirm={t('common.deleteConfirmButton')}
      hidden={p.hidden}
    />
  );
}

export function FormErrorSummary(props: { message?: string | null }) {
  if (!props.message) return null;
  return (
    <p class="form-error" role="alert">
      {props.message}
    </p>
  );
}

/** An input's accessible links to its error (when there is one) or else its hint. */
function describedBy(id: string, error: string | undefined, hint: string | undefined) {
  return {
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-err` : hint ? `${id}-hint` : undefined,
  };
}

/** The frame of a one-input field: its label above, its hint and error below. */
function FieldFrame(p: { id: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <label for={p.id}>{p.label}</label>
      {p.children}
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

/** The fieldset of a list of checkboxes or radios, with the hint and error below the choices. */
function ChoiceFieldset(p: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  /** the fieldset points at its error message (checkbox lists do) */
  errorDescribes?: boolean;
  children: ComponentChildren;
}) {
  return (
    <fieldset
      class={p.error ? 'field--error' : undefined}
      aria-describedby={p.errorDescribes && p.error ? `${p.id}-err` : undefined}
    >
      <legend>{p.legend}</legend>
      {p.children}
      <HintAndError id={p.id} hint={p.hint} error={p.error} />
    </fieldset>
  );
}

/** The lines under a field that its aria-describedby points at: the hint, then the error. */
function HintAndError(p: { id: string; hint?: string; error?: string }) {
  const hint = p.hint ? (
    <p class="hint" id={`${p.id}-hint`}>
      {p.hint}
    </p>
  ) : null;
  const error = p.error ? (
    <p class="error" id={`${p.id}-err`}>
      {p.error}
    </p>
  ) : null;
  return (
    <>
      {hint}
      {error}
    </>
  );
}
