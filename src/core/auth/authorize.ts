// The one place object-level permission is decided. Each feature registers a policy for its
// resource types from its permissions.ts; an unknown type or action is denied.
import type { Actor } from './actor.js';

export type Resource = { type: string } & Record<string, unknown>;
export type Policy<R extends Resource = Resource> = (actor: Actor, action: string, resource: R) => boolean;

const policies = new Map<string, Policy>();

export function registerPolicy<R extends Resource>(type: R['type'], policy: Policy<R>): void {
  policies.set(type, policy as Policy);
}

export function authorize(actor: Actor, action: string, resource: Resource): boolean {
  const policy = policies.get(resource.type);
  if (!policy) return false;
  try {
    return policy(actor, action, resource) === true;
  } catch {
    return false;
  }
}
