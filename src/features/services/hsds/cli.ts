// Command-line import and export of the services directory in HSDS 3.0 (the manifest's `cli`).
// They honour DATA_DIR and DATABASE_URL like every `npm run wasl` command, since they run on the
// app's services.
//   npm run wasl -- import-hsds PATH [--report FILE.csv] [--source NAME]
//       PATH: a .json file (services, an API page, or one table such as services.json), a
//       directory of a tabular data package (HSDS 3.0, or older: 1.x–2.x), or a .zip of one.
//       --report writes every problem (file, record, field, value, reason) to FILE.csv.
//       --source names where the data comes from, when ids are not UUIDs (default: the package's
//       datapackage.json name): the same source imported again updates the same records.
//   npm run wasl -- export-hsds DIR    writes DIR/services.json and the tabular package in DIR/
import type { CliCommand, CliIo } from '../../../core/feature.js';
import type { Translator } from '../../../core/i18n/index.js';
import { audit } from '../../../core/audit/index.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { indexServices } from '../search-index.js';
import { exportAllServices } from './export.js';
import { importCollected, type ImportResult } from './import.js';
import { groupProblems, problemsCsv, reasonText } from './problems.js';
import { prepareFile, preparePackage, type Prepared } from './read.js';
import { exportTabular } from './tabular.js';

const VERSION: Record<Prepared['version'], string> = {
  json: 'HSDS 3.0 JSON',
  '3.0': 'HSDS 3.0 tabular package',
  legacy: 'an older HSDS tabular package (1.x–2.x), read as HSDS 3.0',
  mixed: 'a package that mixes HSDS 3.0 and older files',
};

/** What was read: the version, each file and what became of it. */
function describeRead(p: Prepared, log: (s: string) => void) {
  log(`Read as ${VERSION[p.version]}.`);
  for (const f of p.files) {
    if (f.status === 'notRead')
      log(
        `  ${f.file}: not read (${f.why === 'document' ? 'a JSON document, not a table: import it on its own' : 'not a data file'})`,
      );
    else if (f.status === 'refused') log(`  ${f.file}: refused`);
    else if (f.as)
      log(
        `  ${f.file}: ${f.rows} row(s) → ${f.as}${f.legacy ? ' (older name)' : ''}${f.unlisted ? ' (not listed in datapackage.json)' : ''}`,
      );
  }
  if (p.mappedIds)
    log(`${p.mappedIds} id(s) were not UUIDs: each got a stable UUID; the id as given is kept as original_id.`);
}

function describeResult(result: ImportResult, en: Pick<Translator, 't'>, reportPath: string | null): number {
  if (!result.ok) {
    const files = new Set(result.problems.map((p) => p.file)).size;
    console.error(`Nothing imported: ${result.problems.length} problem(s) in ${files} file(s).`);
    for (const g of groupProblems(result.problems)) {
      const values = g.values.length ? ` (e.g. ${g.values.map((v) => `"${v}"`).join(', ')})` : '';
      const first = g.first ? `; first: ${g.first}` : '';
      console.error(
        `  ${g.file || '(package)'} — ${g.field ? `${g.field}: ` : ''}${reasonText(en, g)} — ${g.count}×${values}${first}`,
      );
    }
    console.error(
      reportPath ? `Every problem is listed in ${reportPath}.` : 'Add --report FILE.csv for the full list.',
    );
    return 1;
  }
  const parts = Object.entries(result.counts).map(
    ([name, c]) => `${name}: ${c.inserted} new, ${c.updated} updated${c.removed ? `, ${c.removed} removed` : ''}`,
  );
  console.log(`Imported. ${parts.join('; ')}.`);
  const linked = Object.entries(result.linkedExisting).map(([name, n]) => `${n} ${name}`);
  if (linked.length) console.log(`Linked to records already in the directory: ${linked.join(', ')}.`);
  return 0;
}

/** `--name value` options, and the rest. */
function options(args: string[]): { rest: string[]; opts: Record<string, string> } {
  const rest: string[] = [];
  const opts: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--') && i + 1 < args.length) opts[a.slice(2)] = args[++i]!;
    else rest.push(a);
  }
  return { rest, opts };
}

function prepare(target: string, source: string | undefined, { fs, path }: CliIo): Prepared {
  if (!fs.statSync(target).isDirectory())
    return prepareFile(path.basename(target), fs.readFileSync(target), { source });
  const files = new Map<string, string>();
  for (const f of fs.readdirSync(target)) {
    const full = path.join(target, f);
    if (fs.statSync(full).isFile()) files.set(f, fs.readFileSync(full, 'utf8'));
  }
  return preparePackage(files, { source });
}

export const servicesCommands: CliCommand[] = [
  {
    name: 'import-hsds',
    help: 'Import HSDS services, all or nothing: import-hsds PATH [--report FILE.csv] [--source NAME] (a .json file, a tabular data package directory — HSDS 3.0 or older — or its .zip).',
    async run(wasl, args, io) {
      const { rest, opts } = options(args);
      const target = rest[0];
      if (!target || !io.fs.existsSync(target)) {
        console.error('Give the path of an HSDS .json file, a data package directory or a .zip.');
        return 2;
      }
      let prepared: Prepared;
      try {
        prepared = prepare(target, opts.source, io);
      } catch {
        console.error(`${target} could not be read: it is neither JSON nor a zip of a data package.`);
        return 1;
      }
      describeRead(prepared, (s) => console.log(s));
      const now = wasl.clock();
      const network = await getDefaultNetwork(wasl.db);
      const result = await importCollected(wasl.db, prepared.collector, {
        now,
        networkId: network?.id ?? null,
        reindex: indexServices,
      });
      const en = wasl.i18n.translator('en', { digits: 'latn' });
      if (!result.ok && opts.report) io.fs.writeFileSync(opts.report, problemsCsv(en, result.problems));
      await audit(wasl.db, now, {
        actorUserId: null,
        action: result.ok ? 'services.import.done' : 'services.import.rejected',
        targetType: 'services',
        details: { via: 'cli', ...(result.ok ? { counts: result.counts } : { problems: result.problems.length }) },
      });
      return describeResult(result, en, result.ok ? null : (opts.report ?? null));
    },
  },
  {
    name: 'export-hsds',
    help: 'Export the services directory as HSDS 3.0: export-hsds DIR (services.json and the tabular data package).',
    async run(wasl, args, { fs, path }) {
      const dir = args[0];
      if (!dir) {
        console.error('Give the directory to write into.');
        return 2;
      }
      fs.mkdirSync(dir, { recursive: true });
      const services = await exportAllServices(wasl.db);
      fs.writeFileSync(path.join(dir, 'services.json'), JSON.stringify(services, null, 2));
      const files = await exportTabular(wasl.db);
      for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
      await audit(wasl.db, wasl.clock(), { actorUserId: null, action: 'services.export.cli', targetType: 'services' });
      console.log(
        `Wrote ${services.length} services to ${path.join(dir, 'services.json')} and ${files.size} package files to ${dir}.`,
      );
      return 0;
    },
  },
];
