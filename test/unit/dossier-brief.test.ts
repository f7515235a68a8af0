import * as assert from 'assert';
import { Corpus } from '../../src/core/library/corpus';
import {
  briefMarkdown, briefMentions, buildDossier, DEFAULT_NOTE_TEMPLATE, escapeInlineMarkdown, fillTemplate, noteFileName, templateValues,
} from '../../src/core/dossier';
import { seedCorpus } from './seedCorpus';



describe('dossier: the brief', () => {
  const corpus = seedCorpus();
  const lavrov = buildDossier(corpus, { kind: 'person', id: 'sergei-lavrov' })!;

  it('writes one bullet per ticked mention: date — sentence [@key]', () => {
    const picked = new Set(['rhc-russia-cuba-strengthen#2', 'dpa-cuban-foreign-minister#1', 'tass2025-cuba-russia-reliable#0']);
    assert.strictEqual(briefMarkdown(briefMentions(lavrov.entries, picked)),
      '- 2025-05-07 — Cuba is Russia’s reliable ally and priority partner in Latin America, Russian Foreign Minister Sergey Lavrov said in an article for Cuban media titled "Russia and Cuba: Celebrating brotherhood through the years and across distances," dedicated to the 65th anniversary of reinstating diplomatic relations between Russia and Cuba [@tass2025-cuba-russia-reliable]\n'
      + '- February 19 — Lavrov rejected the US blockade at almost every high-level session of the UN General Assembly from 2014 to 2023, although he also did so publicly in other settings. [@rhc-russia-cuba-strengthen]\n'
      + "- n.d. — Lavrov challenged Obama's administration Tuesday to review economic sanctions against Cuba, a feature of US foreign policy since the Kennedy era. [@dpa-cuban-foreign-minister]\n");
  });

  it('takes every mention when none is ticked', () => {
    assert.strictEqual(briefMentions(lavrov.entries).length, 12);
  });

  it('escapes what Markdown or Pandoc would read as markup in a sentence', () => {
    assert.strictEqual(escapeInlineMarkdown('See [@other] *now* <b>x</b> `code` a_b & co\n #tag'),
      'See \\[\\@other\\] \\*now\\* \\<b\\>x\\</b\\> \\`code\\` a\\_b &amp; co \\#tag');
    const brief = briefMarkdown([{ entry: { key: 'k', date: '2024' }, sentence: '[click](command:evil) ![img](http://x/y.png)' }]);
    assert.strictEqual(brief, '- 2024 — \\[click\\](command:evil) !\\[img\\](http://x/y.png) [@k]\n');
  });
});

describe('dossier: the note template', () => {
  const corpus = seedCorpus();
  const personName = (id: string) => corpus.person(id)?.name;

  it('fills the default template exactly, dropping lines whose fields are all empty', () => {
    const article = corpus.get('rhc-russia-cuba-strengthen')!;
    const { text, unknown } = fillTemplate(DEFAULT_NOTE_TEMPLATE, templateValues(article, personName));
    assert.deepStrictEqual(unknown, []);
    assert.strictEqual(text, `---
title: "Russia and Cuba to strengthen strategic ties with Lavrov visit"
source: "@rhc-russia-cuba-strengthen"
---

# Russia and Cuba to strengthen strategic ties with Lavrov visit

[@rhc-russia-cuba-strengthen]

- Date: February 19
- Outlet: Radio Habana Cuba
- Source: <https://www.radiohc.cu/en/noticias/nacionales/347578-russia-and-cuba-to-strengthen-strategic-ties-with-lavrov-visit>
- Persons: Sergey Lavrov, Bruno Rodríguez Parrilla
- Countries: Cuba, Russia, United States

> Cuba and Russia are seeking to strengthen their strategic relations today, in the framework of a meeting between Russian Foreign Minister Serguei Lavrov and his Cuban counterpart, Bruno Rodríguez Parrilla, in Havana. Lavrov will lay a wreath at the José…

## Notes

`);
  });

  it('fills every field of a custom template; keeps and reports unknown placeholders', () => {
    const article = corpus.get('tass2025-cuba-russia-reliable')!;
    const template = '{{key}}|{{ title }}|{{date}}|{{outlet}}|{{url}}|{{author}}x|{{countries}}|{{nope}}';
    const { text, unknown } = fillTemplate(template, templateValues(article, personName));
    assert.strictEqual(text, 'tass2025-cuba-russia-reliable|Cuba is Russia’s reliable ally and priority partner in Latin America, Russian…|2025-05-07|TASS||x|Cuba, Russia, Latin America, Ukraine, Soviet Union, Poland|{{nope}}'
      .replace('Cuba, Russia, Latin America, Ukraine, Soviet Union, Poland', article.countries.map((c) => c.name).join(', ')));
    assert.deepStrictEqual(unknown, ['nope']);
  });

  it('escapes article text: Markdown in the body, YAML quoting in the front matter', () => {
    const values = { ...templateValues(corpus.get('dpa-cuban-foreign-minister')!), title: 'A "quoted" [link](command:x) *title*\\', url: '' };
    const { text } = fillTemplate('---\ntitle: "{{title}}"\n---\n# {{title}}\n<{{url}}>\n', values);
    assert.strictEqual(text, '---\ntitle: "A \\"quoted\\" [link](command:x) *title*\\\\"\n---\n# A "quoted" \\[link\\](command:x) \\*title\\*\\\\\n');
  });

  it('shows only http(s) URLs', () => {
    const c = new Corpus();
    c.upsert('/w/x.md', 'x.md', '---\ntitle: Title\nurl: javascript:alert(1)\n---\n\nBody text here.\n');
    assert.strictEqual(templateValues(c.byLocation('/w/x.md')!).url, '');
  });

  it('names the note after the key', () => {
    assert.strictEqual(noteFileName('tass2025-cuba-russia-reliable'), 'tass2025-cuba-russia-reliable.md');
    assert.strictEqual(noteFileName('a/../b'), 'a-..-b.md');
  });
});
