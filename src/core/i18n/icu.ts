// What an ICU message asks of its caller, read from its syntax tree. The loader, the catalog
// checks, the type generator and t() all read messages through here so they never disagree.
import { IntlMessageFormat } from 'intl-messageformat';

/** The argument every message receives automatically: how the reader wants to be addressed. */
export const ADDRESS_ARG = 'gender';

/** Messages are plain text: `<b>` is literal, markup belongs in views where it is escaped. */
export const PARSE_OPTIONS = { ignoreTag: true } as const;

// Node kinds of the syntax tree. The numbering belongs to @formatjs/icu-messageformat-parser,
// which intl-messageformat uses but does not re-export (and we do not depend on it directly).
export const KIND = {
  literal: 0,
  argument: 1,
  number: 2,
  date: 3,
  time: 4,
  select: 5,
  plural: 6,
  pound: 7,
  tag: 8,
} as const;

export interface IcuNode {
  type: number;
  value?: string;
  pluralType?: 'cardinal' | 'ordinal';
  options?: Record<string, { value: IcuNode[] }>;
  children?: IcuNode[];
}

/** The TypeScript type of an argument, as written into keys.generated.ts. */
export type ArgType = 'string' | 'number' | 'string | number' | 'number | Date' | 'never';

export interface MessageShape {
  /** Every argument with the type its uses allow (an argument used two ways gets the narrower type). */
  args: Map<string, ArgType>;
  /** Arguments printed as-is (`{name}`): a number passed there must be formatted by t() first. */
  plainArgs: string[];
  plurals: { arg: string; ordinal: boolean; options: string[] }[];
  dateArgs: string[];
  /** The message's own words, without arguments: where stray literal digits would hide. */
  literalText: string;
}

export function parseMessage(message: string): IcuNode[] {
  try {
    return new IntlMessageFormat(message, 'ar-SY', undefined, PARSE_OPTIONS).getAst() as unknown as IcuNode[];
  } catch (e) {
    throw new Error(describeSyntaxError(e));
  }
}

/** "ICU syntax error: missing other clause at column 20" rather than a bare error code. */
function describeSyntaxError(e: unknown): string {
  const err = e as { message?: string; location?: { start?: { line: number; column: number } } };
  const what = (err.message ?? String(e)).toLowerCase().replaceAll('_', ' ');
  const at = err.location?.start;
  return `ICU syntax error: ${what}${at ? ` at line ${at.line}, column ${at.column}` : ''}`;
}

const BASE_TYPES: Record<number, string[]> = {
  [KIND.argument]: ['string', 'number'],
  [KIND.number]: ['number'],
  [KIND.plural]: ['number'],
  [KIND.select]: ['string'],
  [KIND.date]: ['Date', 'number'],
  [KIND.time]: ['Date', 'number'],
};

export function messageShape(ast: IcuNode[]): MessageShape {
  const allowed = new Map<string, Set<string>>();
  const plain = new Set<string>();
  const shape: MessageShape = { args: new Map(), plainArgs: [], plurals: [], dateArgs: [], literalText: '' };

  const walk = (nodes: IcuNode[]) => {
    for (const node of nodes) {
      if (node.type === KIND.literal) shape.literalText += node.value ?? '';
      const base = BASE_TYPES[node.type];
      if (base && node.value !== undefined) {
        const before = allowed.get(node.value);
        allowed.set(node.value, new Set(before ? base.filter((b) => before.has(b)) : base));
        if (node.type === KIND.argument) plain.add(node.value);
        if (node.type === KIND.date || node.type === KIND.time) shape.dateArgs.push(node.value);
      }
      if (node.type === KIND.plural) {
        const options = Object.keys(node.options ?? {});
        shape.plurals.push({ arg: node.value ?? '', ordinal: node.pluralType === 'ordinal', options });
      }
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(ast);

  for (const [name, types] of allowed) shape.args.set(name, toArgType(types));
  shape.plainArgs = [...plain];
  return shape;
}

function toArgType(types: Set<string>): ArgType {
  const order = ['string', 'number', 'Date'].filter((t) => types.has(t));
  if (order.length === 0) return 'never';
  return order.join(' | ') as ArgType;
}
