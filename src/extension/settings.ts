// Dossier's settings, read in one place. The defaults here mirror package.json's contributes.configuration.

import * as vscode from 'vscode';
import type { FormatLimits } from '../core/articles';

/** Plain text, Markdown, saved web pages and PDFs (core/articles reads each by its extension). */
export const DEFAULT_ARTICLE_GLOBS = ['**/seeds/**/*.{txt,md,html,htm,mhtml,mht,pdf}', '**/articles/**/*.{txt,md,html,htm,mhtml,mht,pdf}', '**/sources/**/*.{txt,md,html,htm,mhtml,mht,pdf}'];
export const DEFAULT_EXCLUDE_GLOBS = ['**/node_modules/**', '**/.git/**'];

export interface DossierSettings {
  articles: string[];
  exclude: string[];
  maxFileSizeMB: number;
  maxHtmlFileSizeMB: number;
  maxPdfFileSizeMB: number;
}

/** The settings' size limits in bytes, per format. */
export function formatLimits(settings: DossierSettings): FormatLimits {
  const bytes = (mb: number) => Math.round(mb * 1024 * 1024);
  return { text: bytes(settings.maxFileSizeMB), html: bytes(settings.maxHtmlFileSizeMB), pdf: bytes(settings.maxPdfFileSizeMB) };
}

export function readSettings(scope?: vscode.ConfigurationScope): DossierSettings {
  const config = vscode.workspace.getConfiguration('dossier', scope);
  const list = (name: string, fallback: string[]) => {
    const value = config.get<unknown>(name);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : fallback;
  };
  const size = (name: string, fallback: number) => {
    const value = config.get<number>(name);
    return typeof value === 'number' && value > 0 ? value : fallback;
  };
  return {
    articles: list('articles', DEFAULT_ARTICLE_GLOBS),
    exclude: list('exclude', DEFAULT_EXCLUDE_GLOBS),
    maxFileSizeMB: size('maxFileSizeMB', 5),
    maxHtmlFileSizeMB: size('maxHtmlFileSizeMB', 20),
    maxPdfFileSizeMB: size('maxPdfFileSizeMB', 100),
  };
}
