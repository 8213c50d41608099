/** `npm run build:gazetteer [-- --force]`: writes public/gazetteer/gazetteer.bin.gz unless up to date. */
import { ensureGazetteerFile } from './gazetteer-file.ts';

const report = await ensureGazetteerFile({ force: process.argv.includes('--force') });
console.log(
  report.built
    ? `gazetteer: ${report.places} places, ${report.bytes} bytes gzip (${report.rawBytes} unzipped) in ${Math.round(report.ms)} ms → ${report.path}`
    : `gazetteer: up to date (${report.bytes} bytes gzip) → ${report.path}`,
);
