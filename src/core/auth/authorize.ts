// The one place object-level permission is decided. Each feature declares a policy per resource
// type in its permissions.ts (`definePolicy`) and lists them in its manifest; the app installs
// them. An unknown type or action is denied.
//
// Actions are typed: a feature adds its resource types to `Policies` by module augmentation,
//   declare module '../../core/auth/authorize.js' {
//     interface Policies { election: { resource: ElectionResource; action: 'view' | 'change' } }
//   }
// so `authorize(actor, 'chnage', election)` does not compile.
import type { Actor } from './actor.js';

/** resource type → { resource, action }, filled in by the features. */
export interface Policies {}

export type AnyResource = {
  [K in keyof Policies]: Policies[K] extends { resource: infer R } ? R : never;
}[keyof Policies];
export type ActionOf<R> = R extends { type: infer T }
  ? T extends keyof Policies
    ? Policies[T] extends { action: infer A }
      ? A
      : never
    : never
  : never;

export type PolicyDef = {
  type: string;
  check: (actor: Actor, action: string, resource: any) => boolean;
};

/** A policy for one resource type: pure (actor, action, resource) → boolean. */
export function definePolicy<T extends keyof Policies>(
  type: T,
  check: (
    actor: Actor,
    action: Policies[T] extends { action: infer A } ? A : never,
    resource: Policies[T] extends { resource: infer R } ? R : never,
  ) => boolean,
): PolicyDef {
  return { type, check: check as PolicyDef['check'] };
}

const policies = new Map<string, PolicyDef['check']>();

/** Called by the app with every feature's policies (idempotent). */
export function installPolicies(defs: PolicyDef[]): void {
  for (const def of defs) {
    const existing = policies.get(def.type);
    if (existing && existing !== def.check) throw new Error(`Two policies for resource type ${def.type}`);
    policies.set(def.type, def.check);
  }
}

export function authorize<R extends AnyResource>(actor: Actor, action: ActionOf<R>, resource: R): boolean {
  const policy = policies.get((resource as { type: string }).type);
  if (!policy) return false;
  try {
    return policy(actor, action as string, resource) === true;
  } catch {
    return false;
  }
}
