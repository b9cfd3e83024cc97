/** Launches Chromium for browser tests: Debian's build (CHROMIUM_PATH, else /usr/bin/chromium) when present, headless, quiet. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export function launchChromium(): Promise<Browser> {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    ...(existsSync(path) ? { executablePath: path } : {}),
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
