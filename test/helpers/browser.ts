/** Debian's Chromium for real-browser tests: never a downloaded browser. Missing locally → skip; missing in CI → fail. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's chromium package installs the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep Chromium off the closed network and quiet at start-up. */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/**
 * For `describe(..., { skip: browserSkipReason() })`: a reason to skip when Chromium is missing on a developer's
 * machine, or false to run. In CI a missing browser is not skipped: launchBrowser then fails the test.
 */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM_PATH) || process.env.CI) return false;
  return `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium); browser tests skipped`;
}

/** Launches headless Chromium. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}; CI must install it (apt-get install -y chromium)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}
