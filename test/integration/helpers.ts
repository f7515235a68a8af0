// What every integration suite needs: the activated extension's API (with the first scans done)
// and polling for a result the editor produces asynchronously.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../src/extension';

/** Activates Dossier and waits until the articles and the notes are indexed. */
export async function dossier(): Promise<DossierApi> {
  const extension = vscode.extensions.getExtension<DossierApi>('dossier.dossier');
  assert.ok(extension, 'the Dossier extension is installed');
  const api = await extension.activate();
  await api.index.whenReady();
  await api.notes.whenReady();
  return api;
}

/**
 * Polls `probe` every 50 ms until it returns a value (not undefined or false), or fails after `ms`
 * saying what it waited for and the last error the probe threw, if any.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    const value = await Promise.resolve().then(probe).catch((error: unknown) => ((last = error), undefined));
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`not seen within ${ms} ms: ${what}${last ? ` (last: ${String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
