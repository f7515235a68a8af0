// Dossier's settings, read in one place. The defaults here mirror package.json's contributes.configuration.

import * as vscode from 'vscode';

export const DEFAULT_ARTICLE_GLOBS = ['**/seeds/**/*.{txt,md}', '**/articles/**/*.{txt,md}', '**/sources/**/*.{txt,md}'];
export const DEFAULT_EXCLUDE_GLOBS = ['**/node_modules/**', '**/.git/**'];

export interface DossierSettings {
  articles: string[];
  exclude: string[];
  maxFileSizeMB: number;
}

export function readSettings(scope?: vscode.ConfigurationScope): DossierSettings {
  const config = vscode.workspace.getConfiguration('dossier', scope);
  const list = (name: string, fallback: string[]) => {
    const value = config.get<unknown>(name);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : fallback;
  };
  const size = config.get<number>('maxFileSizeMB');
  return {
    articles: list('articles', DEFAULT_ARTICLE_GLOBS),
    exclude: list('exclude', DEFAULT_EXCLUDE_GLOBS),
    maxFileSizeMB: typeof size === 'number' && size > 0 ? size : 5,
  };
}
