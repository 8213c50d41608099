#!/usr/bin/env node
// `npm test`: unit, fixture and property tests in Node, then the browser tests against the built
// app whenever a Chromium is available. Outside CI it says plainly when it skips them; under CI
// (CI set, and not "false" or "0") a missing Chromium fails the run, so CI cannot pass with the
// browser suite unrun. Each run writes vitest's JSON report to .vitest-reports/ so CI can count
// passes, failures and skips.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';

const reports = '.vitest-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function vitest(name, extra = []) {
  return run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/${name}.json`, ...extra]);
}

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path) => path && existsSync(path));
}

/** Whether this is a CI run, where skipping a suite is a failure. */
const inCi = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI.toLowerCase());

let failed = 0;
if (existsSync('src/cli/build-gazetteer.ts')) failed += run('npm', ['run', '--silent', 'build:gazetteer']) === 0 ? 0 : 1;
failed += vitest('unit') === 0 ? 0 : 1;

const browserTests = existsSync('test/browser') && readdirSync('test/browser').some((f) => f.endsWith('.test.ts'));
const chromium = findChromium();
if (!browserTests) {
  console.log('\nBrowser tests: none yet.');
} else if (!chromium && inCi) {
  console.log('\nBrowser tests NOT RUN: no Chromium found, and CI must run them (install Debian\'s chromium, or set CHROMIUM_PATH). Failing.');
  failed++;
} else if (!chromium) {
  console.log('\nBrowser tests SKIPPED: no Chromium found (install Debian\'s chromium, or set CHROMIUM_PATH).');
} else {
  console.log(`\nBrowser tests with ${chromium}: building the app first.`);
  if (run('npm', ['run', '--silent', 'build']) !== 0) failed++;
  else failed += run('npx', ['vitest', 'run', '-c', 'vitest.browser.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/browser.json`], { BROWSER_TEST_SKIP_BUILD: '1' }) === 0 ? 0 : 1;
}
process.exit(failed === 0 ? 0 : 1);
