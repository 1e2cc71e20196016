// The environment is read once, here, against a schema. A bad value stops start-up with a
// message that names the variable, so an operator never chases a half-working server.
import path from 'node:path';
import { z } from 'zod';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  UPLOAD_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:|:memory:$)/, 'must start with postgres://, sqlite: or be :memory:')
    .optional(),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      if (v === 'false' || v === '') return false as const;
      if (v === 'true') return true as const;
      if (/^\d+$/.test(v)) return Number(v);
      const list = v.split(',').map((s) => s.trim());
      if (list.every((s) => /^[0-9a-fA-F.:/]+$/.test(s))) return list;
      ctx.addIssue({ code: 'custom', message: 'use false, true, a hop count, or a comma-separated list of IPs/CIDRs' });
      return z.NEVER;
    }),
  DEMO_SEED: onOff.default(true),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis://')
    .optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().default('Wasl <no-reply@localhost>'),
  DIGITS: z.enum(['latn', 'arab']).default('latn'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PAGE_CACHE: onOff.default(true),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  uploadDir: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  baseUrl: string;
  secureCookies: boolean;
  trustProxy: boolean | number | string[];
  demoSeed: boolean;
  redisUrl: string | undefined;
  smtp: { host: string; port: number; user?: string; pass?: string; from: string } | null;
  digits: 'latn' | 'arab';
  logLevel: string;
  sessionSecret: string | undefined;
  /** keep anonymous visitors' public pages, rendered and compressed (core/http/cache.ts) */
  pageCache: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as shells and compose files write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // In production the public address is printed on certificates' verification links, share
  // links, feeds and e-mails: a silent default (http://127.0.0.1:3000) would put a dead address
  // on paper. Development and tests keep the local default.
  if (e.NODE_ENV === 'production' && !e.BASE_URL)
    throw new ConfigError(
      'Invalid configuration:\n  BASE_URL: required when NODE_ENV=production — the public address people reach Wasl at, e.g. https://wasl.example.org',
    );
  const baseUrl = e.BASE_URL ?? 'http://127.0.0.1:3000';
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'wasl.sqlite')}`;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
    databaseUrl,
    dialect: databaseUrl.startsWith('postgres') ? 'postgres' : 'sqlite',
    baseUrl: baseUrl.replace(/\/$/, ''),
    secureCookies: baseUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    demoSeed: e.DEMO_SEED,
    redisUrl: e.REDIS_URL,
    smtp: e.SMTP_HOST
      ? { host: e.SMTP_HOST, port: e.SMTP_PORT, user: e.SMTP_USER, pass: e.SMTP_PASS, from: e.SMTP_FROM }
      : null,
    digits: e.DIGITS,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET,
    pageCache: e.PAGE_CACHE,
  };
}
