// Helpers shared by the programmes route files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { authorize } from '../../core/auth/authorize.js';
import type { Db } from '../../core/db/index.js';
import type { UploadedFile } from '../../core/media/index.js';
import { orgRecord, projectResource, type ProjectResource } from './permissions.js';
import { getProject, type ProjectRow } from './queries.js';

export function toId(s: string | undefined): number | null {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 && n < 2 ** 31 ? n : null;
}

/** 'YYYY-MM-DD' of the request's clock in Damascus time. */
export function today(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Damascus' }).format(now);
}

export type LoadedProject = { project: ProjectRow; res: ProjectResource };

export async function loadProject(db: Db, id: string | undefined): Promise<LoadedProject | null> {
  const n = toId(id);
  if (n === null) return null;
  const project = await getProject(db, n);
  if (!project) return null;
  return { project, res: projectResource(project) };
}

/** The project if the actor may do `action` on it, else null (the route answers 404). */
export async function projectFor(
  db: Db,
  req: FastifyRequest,
  id: string | undefined,
  action: 'view' | 'viewInternal' | 'manage' | 'contribute',
): Promise<LoadedProject | null> {
  const loaded = await loadProject(db, id);
  if (!loaded || !authorize(req.actor, action, loaded.res)) return null;
  return loaded;
}

export const ownsRecord = (req: FastifyRequest, organizationId: number) =>
  authorize(req.actor, 'edit', orgRecord(organizationId));

/** Organizations the actor works for, in order. */
export function myOrgIds(req: FastifyRequest): number[] {
  return [...req.actor.orgRoles.keys()].sort((a, b) => a - b);
}

/** Files from a multipart field that may hold one file, several, or nothing. */
export function filesOf(value: unknown): UploadedFile[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.filter(
    (f): f is UploadedFile => !!f && typeof f === 'object' && Buffer.isBuffer((f as UploadedFile).data),
  );
}

/** The feature's stylesheet, fingerprinted like the core one. */
export function loadProgrammesCss(): { href: string; body: string } {
  const body = fs.readFileSync(new URL('./programmes.css', import.meta.url), 'utf8');
  const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { href: `/programmes/assets/programmes.${hash}.css`, body };
}
