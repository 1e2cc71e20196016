// Command-line import and export of the services directory in HSDS 3.0 (the manifest's `cli`).
// They honour DATA_DIR and DATABASE_URL like every `npm run wasl` command, since they run on the
// app's services.
//   npm run wasl -- import-hsds PATH   PATH: a .json file (array of services, or an API page),
//                                      a directory with datapackage.json + CSVs, or a .zip of one
//   npm run wasl -- export-hsds DIR    writes DIR/services.json and the tabular package in DIR/
import type { CliCommand } from '../../../core/feature.js';
import { audit } from '../../../core/audit/index.js';
import { getDefaultNetwork } from '../../organizations/queries.js';
import { indexServices } from '../search-index.js';
import { collectJson } from './collect.js';
import { exportAllServices } from './export.js';
import { importCollected, type ImportResult } from './import.js';
import { unzipPackage } from './package.js';
import { collectTabular, exportTabular } from './tabular.js';

function report(result: ImportResult): number {
  if (!result.ok) {
    console.error(`Nothing imported: ${result.rejected.length} record(s) rejected.`);
    for (const r of result.rejected.slice(0, 200)) console.error(`  ${r.record}: ${r.reason}`);
    if (result.rejected.length > 200) console.error(`  … and ${result.rejected.length - 200} more.`);
    return 1;
  }
  const parts = Object.entries(result.counts).map(([name, c]) => `${name}: ${c.inserted} new, ${c.updated} updated`);
  console.log(`Imported. ${parts.join('; ')}.`);
  return 0;
}

export const servicesCommands: CliCommand[] = [
  {
    name: 'import-hsds',
    help: 'Import HSDS 3.0 services, all or nothing: import-hsds PATH (a .json file, a tabular data package directory, or its .zip).',
    async run(wasl, args, { fs, path }) {
      const target = args[0];
      if (!target || !fs.existsSync(target)) {
        console.error('Give the path of an HSDS .json file, a data package directory or a .zip.');
        return 2;
      }
      const now = wasl.clock();
      const network = await getDefaultNetwork(wasl.db);
      const opts = { now, networkId: network?.id ?? null, reindex: indexServices };
      let result: ImportResult;
      if (fs.statSync(target).isDirectory()) {
        const files = new Map<string, string>();
        for (const f of fs.readdirSync(target))
          if (f.endsWith('.csv') || f === 'datapackage.json')
            files.set(f, fs.readFileSync(path.join(target, f), 'utf8'));
        result = await importCollected(wasl.db, collectTabular(files), opts);
      } else if (target.endsWith('.zip')) {
        result = await importCollected(wasl.db, collectTabular(unzipPackage(fs.readFileSync(target))), opts);
      } else {
        let doc: unknown;
        try {
          doc = JSON.parse(fs.readFileSync(target, 'utf8'));
        } catch {
          console.error(`${target} is not valid JSON.`);
          return 1;
        }
        result = await importCollected(wasl.db, collectJson(doc), opts);
      }
      await audit(wasl.db, now, {
        actorUserId: null,
        action: result.ok ? 'services.import.done' : 'services.import.rejected',
        targetType: 'services',
        details: { via: 'cli', ...(result.ok ? { counts: result.counts } : { rejected: result.rejected.length }) },
      });
      return report(result);
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
