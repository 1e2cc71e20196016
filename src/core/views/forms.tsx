// Shared form pieces. Every form posts and works without JavaScript; errors come back beside
// the field, in the user's language.
import type { ComponentChildren, JSX } from 'preact';
import { usePage } from './context.js';

export type FieldErrors = Record<string, string | undefined>;

export function Form(props: {
  action: string;
  method?: 'post' | 'get';
  multipart?: boolean;
  class?: string;
  children: ComponentChildren;
}) {
  const { csrfToken } = usePage();
  const method = props.method ?? 'post';
  return (
    <form
      method={method}
      action={props.action}
      class={props.class ?? 'form'}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
    >
      {method === 'post' ? <input type="hidden" name="_csrf" value={csrfToken()} /> : null}
      {props.children}
    </form>
  );
}

type FieldProps = {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'datetime-local' | 'time' | 'search';
  value?: string | number | null;
  error?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: JSX.HTMLAttributes['inputMode'];
  minLength?: number;
  maxLength?: number;
  multiline?: boolean;
  rows?: number;
};

/** tel, email and url inputs are always LTR; free text gets dir="auto" and dirname so the server learns its direction. */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const type = p.type ?? 'text';
  const ltr = type === 'tel' || type === 'email' || type === 'url' || type === 'password';
  const common = {
    id,
    name: p.name,
    required: p.required,
    'aria-invalid': p.error ? ('true' as const) : undefined,
    'aria-describedby': p.error ? `${id}-err` : p.hint ? `${id}-hint` : undefined,
    maxLength: p.maxLength,
    minLength: p.minLength,
  };
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 6} dir="auto" dirName={`${p.name}.dir`}>
          {p.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={type}
          value={p.value ?? undefined}
          autocomplete={p.autocomplete}
          inputMode={p.inputmode}
          dir={ltr ? 'ltr' : 'auto'}
          {...(ltr || type !== 'text' ? {} : { dirName: `${p.name}.dir` })}
        />
      )}
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

export function Select(p: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | null;
  error?: string;
  includeEmpty?: string;
}) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? 'field field--error' : 'field'}>
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name}>
        {p.includeEmpty !== undefined ? <option value="">{p.includeEmpty}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
      {p.error ? <p class="error">{p.error}</p> : null}
    </div>
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
