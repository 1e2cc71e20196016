// A tabular data package that arrives as a zip (uploaded by a network admin, or given to the CLI):
// its files by base name. With limits, a zip bomb is refused from its directory, before anything
// is inflated (fflate never writes past the size an entry declares).
import { strFromU8, unzipSync } from 'fflate';
import type { DataPackage } from './tabular.js';

export type ZipLimits = { maxEntries: number; maxUnzippedBytes: number };

/** What an uploaded zip may unpack to: a data package is a few CSV files of a few MB. */
export const UPLOAD_LIMITS: ZipLimits = { maxEntries: 200, maxUnzippedBytes: 50 * 1024 * 1024 };

export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** The files of a zipped package by base name; throws when it is unreadable or over the limits. */
export function unzipPackage(bytes: Uint8Array, limits?: ZipLimits): DataPackage {
  let unpacked = 0;
  let count = 0;
  const entries = unzipSync(new Uint8Array(bytes), {
    filter: (f) => {
      unpacked += f.originalSize;
      if (limits && (++count > limits.maxEntries || unpacked > limits.maxUnzippedBytes))
        throw new Error('zip too large');
      return true;
    },
  });
  const files: DataPackage = new Map();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    files.set(name.split('/').pop()!, strFromU8(data));
  }
  return files;
}
