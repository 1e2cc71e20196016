// Every action string the code writes to the audit log, read from the source (syntax only, file by
// file: fast enough for `npm test`): the action argument of `c.audit(…)`, `auditAs(c, who, …)` and
// `audit(db, now, {action})`, followed through ternaries, template literals, constants, a helper of
// the same file that passes an action along (`auditItem(c, 'x', item)`) or builds the entry
// (`...auditOf(entry)`), string-literal types declared in the file (`forum.${entry.action}` with
// `action: ModAction`), and a helper's option called back (`opts.audit(loaded).kind`, read in every
// file that calls the helper). What cannot be followed is reported with its place, so a new way of
// writing actions is noticed rather than skipped. Used by audit-labels.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export type AuditActions = { actions: Set<string>; unresolved: string[] };

/** Functions whose own bodies forward an action they were given: their callers are read instead. */
const FORWARDERS = new Set(['audit', 'auditAs']);

export function findAuditActions(srcDir: string): AuditActions {
  const project = new Project(srcDir);
  const actions = new Set<string>();
  const unresolved: string[] = [];
  for (const [file, text] of project.texts) {
    if (!/\baudit(As)?\(/.test(text)) continue;
    const scan = project.scan(file);
    for (const [at, values] of scan.sinks()) {
      if (values === null) {
        const { line } = scan.sf.getLineAndCharacterOfPosition(at.getStart());
        unresolved.push(`${path.relative(srcDir, file)}:${line + 1}`);
      } else for (const v of values) actions.add(v);
    }
  }
  return { actions, unresolved };
}

/** The source files (tests aside), each parsed once when first needed. */
class Project {
  texts = new Map<string, string>();
  private scans = new Map<string, FileScan>();
  constructor(srcDir: string) {
    for (const file of ts.sys.readDirectory(srcDir, ['.ts', '.tsx']))
      if (!/\.test\.tsx?$/.test(file)) this.texts.set(file, fs.readFileSync(file, 'utf8'));
  }

  scan(file: string): FileScan {
    let s = this.scans.get(file);
    if (!s) {
      const sf = ts.createSourceFile(file, this.texts.get(file)!, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TSX);
      this.scans.set(file, (s = new FileScan(sf, this)));
    }
    return s;
  }

  /** Every call, in any file, of a function by this name. */
  callsTo(name: string): [FileScan, ts.CallExpression][] {
    const out: [FileScan, ts.CallExpression][] = [];
    for (const [file, text] of this.texts) {
      if (!text.includes(`${name}(`)) continue;
      const scan = this.scan(file);
      for (const call of scan.calls(name)) out.push([scan, call]);
    }
    return out;
  }
}

type Values = string[] | null;

class FileScan {
  private nodes: ts.Node[] = [];
  constructor(
    readonly sf: ts.SourceFile,
    private project: Project,
  ) {
    const walk = (n: ts.Node) => {
      this.nodes.push(n);
      ts.forEachChild(n, walk);
    };
    walk(sf);
  }

  /** Each audit call of the file with the actions it may write (null: not known). */
  sinks(): [ts.Node, Values][] {
    const out: [ts.Node, Values][] = [];
    for (const n of this.nodes) {
      if (!ts.isCallExpression(n) || this.insideForwarder(n)) continue;
      const callee = n.expression;
      const arg = (i: number) => n.arguments[i];
      const onCtx = (e: ts.Expression) => ts.isIdentifier(e) && (e.text === 'c' || e.text === 'ctx');
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'audit' && onCtx(callee.expression) && arg(0))
        out.push([n, this.values(arg(0)!, new Set())]);
      else if (ts.isIdentifier(callee) && callee.text === 'auditAs' && arg(2))
        out.push([n, this.values(arg(2)!, new Set())]);
      else if (ts.isIdentifier(callee) && callee.text === 'audit' && arg(2))
        out.push([n, this.objectAction(arg(2)!, new Set())]);
    }
    return out;
  }

  private insideForwarder(n: ts.Node): boolean {
    for (let p = n.parent; p; p = p.parent) if (isFunction(p) && FORWARDERS.has(fnName(p) ?? '')) return true;
    return false;
  }

  private values(e: ts.Expression, seen: Set<ts.Node>): Values {
    if (seen.has(e)) return [];
    seen.add(e);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e))
      return this.values(e.expression, seen);
    if (ts.isConditionalExpression(e)) return union(this.values(e.whenTrue, seen), this.values(e.whenFalse, seen));
    if (ts.isTemplateExpression(e)) {
      let acc: Values = [e.head.text];
      for (const span of e.templateSpans) {
        const parts = this.values(span.expression, seen);
        if (!acc || !parts) return null;
        acc = acc.flatMap((a) => parts.map((p) => a + p + span.literal.text));
      }
      return acc;
    }
    if (ts.isIdentifier(e)) return this.identifier(e, seen);
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) return this.property(e, seen);
    return null;
  }

  /** A name: a constant, a parameter (what the file's calls pass), or a field of a helper's result. */
  private identifier(id: ts.Identifier, seen: Set<ts.Node>): Values {
    const decl = this.declaration(id);
    if (!decl) return null;
    if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.initializer)
      return this.values(decl.initializer, seen);
    if (ts.isParameter(decl)) return this.parameter(decl, seen);
    if (ts.isBindingElement(decl) && ts.isVariableDeclaration(decl.parent.parent) && decl.parent.parent.initializer) {
      const prop = decl.propertyName?.getText() ?? id.text;
      return this.objectProp(decl.parent.parent.initializer, prop, seen);
    }
    return null;
  }

  /** Calls in this file of a function by this name. */
  calls(name: string): ts.CallExpression[] {
    return this.nodes.filter(
      (n): n is ts.CallExpression =>
        ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === name,
    );
  }

  private parameter(decl: ts.ParameterDeclaration, seen: Set<ts.Node>): Values {
    const fn = decl.parent;
    const name = fnName(fn);
    if (!name) return null;
    const index = fn.parameters.indexOf(decl);
    const calls = this.calls(name);
    if (!calls.length) return this.typeValues(decl.type);
    let acc: Values = [];
    for (const call of calls)
      acc = union(acc, call.arguments[index] ? this.values(call.arguments[index]!, seen) : null);
    return acc;
  }

  /** `entry.action` where `entry`'s declared type gives `action` a string-literal union of the file. */
  private property(e: ts.PropertyAccessExpression, seen: Set<ts.Node>): Values {
    const decl = this.declaration(e.expression as ts.Identifier);
    if (decl && ts.isParameter(decl)) return this.typeValues(this.memberType(decl.type, e.name.text));
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isObjectLiteralExpression(decl.initializer))
      return this.objectProp(decl.initializer, e.name.text, seen);
    return null;
  }

  /** The type of `member` in a type written in this file (aliases, intersections, literals, interfaces). */
  private memberType(type: ts.TypeNode | undefined, member: string): ts.TypeNode | undefined {
    if (!type) return undefined;
    if (ts.isIntersectionTypeNode(type)) {
      for (const t of type.types) {
        const m = this.memberType(t, member);
        if (m) return m;
      }
      return undefined;
    }
    if (ts.isTypeLiteralNode(type)) return memberOf(type.members, member);
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const named = this.typeDeclaration(type.typeName.text);
      if (named && ts.isTypeAliasDeclaration(named)) return this.memberType(named.type, member);
      if (named && ts.isInterfaceDeclaration(named)) return memberOf(named.members, member);
    }
    return undefined;
  }

  /** The strings a type allows, when it is a union of string literals (through the file's aliases). */
  private typeValues(type: ts.TypeNode | undefined): Values {
    if (!type) return null;
    if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
    if (ts.isUnionTypeNode(type)) {
      let acc: Values = [];
      for (const t of type.types) acc = union(acc, this.typeValues(t));
      return acc;
    }
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const named = this.typeDeclaration(type.typeName.text);
      return named && ts.isTypeAliasDeclaration(named) ? this.typeValues(named.type) : null;
    }
    return null;
  }

  private objectAction(e: ts.Expression, seen: Set<ts.Node>): Values {
    return this.objectProp(e, 'action', seen);
  }

  /**
   * A property of an object: a literal's (or a spread's), what a helper of the file returns, or
   * what a callback passed as a helper's option returns (`opts.audit(loaded)`, in every caller).
   */
  private objectProp(e: ts.Expression, prop: string, seen: Set<ts.Node>): Values {
    if (ts.isParenthesizedExpression(e)) return this.objectProp(e.expression, prop, seen);
    if (ts.isObjectLiteralExpression(e)) {
      let found: Values | undefined;
      for (const p of e.properties) {
        if (ts.isPropertyAssignment(p) && p.name.getText() === prop) found = this.values(p.initializer, seen);
        else if (ts.isShorthandPropertyAssignment(p) && p.name.text === prop) found = this.values(p.name, seen);
        else if (ts.isSpreadAssignment(p) && found === undefined && !this.isForwarded(p.expression)) {
          const spread = this.objectProp(p.expression, prop, seen);
          if (spread !== null) found = spread;
        }
      }
      return found ?? null;
    }
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression))
      return this.returnedProp(this.functionValue(e.expression), prop, seen);
    if (
      ts.isCallExpression(e) &&
      ts.isPropertyAccessExpression(e.expression) &&
      ts.isIdentifier(e.expression.expression)
    )
      return this.optionCallback(e.expression.expression, e.expression.name.text, prop, seen);
    if (ts.isIdentifier(e)) {
      const decl = this.declaration(e);
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer)
        return this.objectProp(decl.initializer, prop, seen);
    }
    return null;
  }

  /** The function a name stands for in this file: a declaration, or a constant holding one. */
  private functionValue(e: ts.Expression): Fn | undefined {
    if (isFunction(e)) return e;
    if (!ts.isIdentifier(e)) return undefined;
    const named = this.nodes.find(
      (n): n is Fn => isFunction(n) && fnName(n) === e.text && !ts.isPropertyAssignment(n.parent),
    );
    if (named) return named;
    const decl = this.declaration(e);
    return decl && ts.isVariableDeclaration(decl) && decl.initializer && isFunction(decl.initializer)
      ? decl.initializer
      : undefined;
  }

  /** `prop` of what a function returns. */
  private returnedProp(fn: Fn | undefined, prop: string, seen: Set<ts.Node>): Values {
    if (!fn || !fn.body) return null;
    if (!ts.isBlock(fn.body)) return this.objectProp(fn.body, prop, seen);
    let acc: Values = [];
    const walk = (n: ts.Node): void => {
      if (ts.isReturnStatement(n) && n.expression) acc = union(acc, this.objectProp(n.expression, prop, seen));
      else if (!isFunction(n)) ts.forEachChild(n, walk);
    };
    ts.forEachChild(fn.body, walk);
    return acc;
  }

  /** `opts.audit(…).kind` where `opts` is a parameter of a helper: the callback each caller passes. */
  private optionCallback(param: ts.Identifier, option: string, prop: string, seen: Set<ts.Node>): Values {
    const decl = this.declaration(param);
    if (!decl || !ts.isParameter(decl)) return null;
    const name = fnName(decl.parent);
    if (!name) return null;
    const index = decl.parent.parameters.indexOf(decl);
    const calls = this.project.callsTo(name);
    if (!calls.length) return null;
    let acc: Values = [];
    for (const [scan, call] of calls) {
      const opts = call.arguments[index];
      if (!opts || !ts.isObjectLiteralExpression(opts)) return null;
      const given = opts.properties.find((p) => p.name?.getText() === option);
      const value =
        given && ts.isPropertyAssignment(given)
          ? given.initializer
          : given && ts.isMethodDeclaration(given)
            ? given
            : undefined;
      acc = union(acc, value ? scan.returnedProp(scan.functionValue(value as ts.Expression), prop, seen) : null);
    }
    return acc;
  }

  /** A spread of a forwarder's own parameter (`...rest` inside auditAs) carries no action. */
  private isForwarded(e: ts.Expression): boolean {
    if (!ts.isIdentifier(e)) return false;
    const decl = this.declaration(e);
    return !!decl && ts.isParameter(decl) && FORWARDERS.has(fnName(decl.parent) ?? '');
  }

  /** The nearest declaration of a name in scope: a parameter, variable or binding of an enclosing block. */
  private declaration(id: ts.Identifier): ts.Node | undefined {
    const name = id.text;
    let best: ts.Node | undefined;
    let bestDepth = -1;
    for (const n of this.nodes) {
      const named =
        (ts.isParameter(n) || ts.isVariableDeclaration(n) || ts.isBindingElement(n)) &&
        ts.isIdentifier(n.name) &&
        n.name.text === name &&
        n.name !== id;
      if (!named) continue;
      const scope = scopeOf(n);
      if (!contains(scope, id)) continue;
      const depth = depthOf(scope);
      if (depth > bestDepth) [best, bestDepth] = [n, depth];
    }
    return best;
  }

  private typeDeclaration(name: string): ts.TypeAliasDeclaration | ts.InterfaceDeclaration | undefined {
    return this.nodes.find(
      (n): n is ts.TypeAliasDeclaration | ts.InterfaceDeclaration =>
        (ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) && n.name.text === name,
    );
  }
}

type Fn = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration;

function isFunction(n: ts.Node): n is Fn {
  return (
    ts.isFunctionDeclaration(n) || ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)
  );
}

function fnName(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return fn.name.getText();
  if (fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name)) return fn.parent.name.text;
  if (fn.parent && ts.isPropertyAssignment(fn.parent)) return fn.parent.name.getText();
  return undefined;
}

function memberOf(members: ts.NodeArray<ts.TypeElement>, name: string): ts.TypeNode | undefined {
  for (const m of members) if (ts.isPropertySignature(m) && m.name.getText() === name) return m.type;
  return undefined;
}

/** Where a declaration is visible: its function (a parameter), else its nearest block or file. */
function scopeOf(n: ts.Node): ts.Node {
  if (ts.isParameter(n)) return n.parent;
  for (let p = n.parent; p; p = p.parent) if (ts.isBlock(p) || ts.isSourceFile(p) || isFunction(p)) return p;
  return n.getSourceFile();
}

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

function depthOf(n: ts.Node): number {
  let d = 0;
  for (let p = n.parent; p; p = p.parent) d++;
  return d;
}

function union(a: Values, b: Values): Values {
  return a && b ? [...new Set([...a, ...b])] : null;
}
