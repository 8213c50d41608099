/** `npm run build:gazetteer [-- --force]`: writes public/gazetteer/gazetteer.json unless up to date. */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { ensureGazetteerFile } from './gazetteer-file.ts';

const report = await ensureGazetteerFile({ force: process.argv.includes('--force') });
const gzip = gzipSync(readFileSync(report.path)).length;
console.log(
  report.built
    ? `gazetteer: ${report.places} places, ${report.bytes} bytes (${gzip} gzip) in ${Math.round(report.ms)} ms → ${report.path}`
    : `gazetteer: up to date (${report.bytes} bytes, ${gzip} gzip) → ${report.path}`,
);
