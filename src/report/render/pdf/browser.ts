// One headless Chromium session, shut off from the network: the PDF printer and the browser
// tests open the report's pages through here, so both see the same sealed browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { RendererUnavailable } from '../renderer.js';

const TEXT = {
  didNotStart: {
    es: 'Chromium («{path}») no arrancó: {reason}. Reinstálelo con «sudo apt-get install chromium» o indique otro navegador con PLAN_CHROMIUM=/ruta/al/navegador.',
    en: 'Chromium ("{path}") did not start: {reason}. Reinstall it with "sudo apt-get install chromium" or name another browser with PLAN_CHROMIUM=/path/to/browser.',
  },
} as const;

/**
 * No sandbox because CI runs as root (Chromium refuses its sandbox there); the rest keeps
 * Chromium from phoning home (updates, sync, QUIC probes) while it prints a local file.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** A page of a report reads only itself: its own files and inline data. */
export function isLocal(url: string): boolean {
  return url.startsWith('file:') || url.startsWith('data:') || url === 'about:blank';
}

export interface SealedBrowser {
  context: BrowserContext;
  /** Every request the page tried to make outside file: and data:, each refused. */
  blocked: string[];
}

/** Generous: two busy cores start Chromium in seconds, not milliseconds. */
const LAUNCH_TIMEOUT_MS = 120_000;

export interface OpenChromium extends SealedBrowser {
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * A fresh Chromium with a throw-away profile, removed on close(), that refuses every
 * request that is not local: a CDN font or image would make the output depend on the
 * network, and tell a server that the report was opened.
 */
export async function openChromium(executablePath: string, options: BrowserContextOptions = {}): Promise<OpenChromium> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'plan-chromium-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  let context: BrowserContext;
  try {
    context = await chromium
      .launchPersistentContext(profile, { ...options, executablePath, headless: true, args: [...CHROMIUM_FLAGS], timeout: LAUNCH_TIMEOUT_MS })
      .catch((error: unknown) => {
        const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
        throw new RendererUnavailable(TEXT.didNotStart, { path: executablePath, reason }, { cause: error });
      });
  } catch (error) {
    removeProfile();
    throw error;
  }
  const blocked: string[] = [];
  const close = async () => {
    try {
      await context.close();
    } finally {
      removeProfile();
    }
  };
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { context, blocked, close };
}

/** Runs `use` in an openChromium() browser, closed and removed afterwards whatever happens. */
export async function withChromium<T>(
  executablePath: string,
  use: (browser: SealedBrowser) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  const browser = await openChromium(executablePath, options);
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}
