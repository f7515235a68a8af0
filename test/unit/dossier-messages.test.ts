import * as assert from 'assert';
import { Corpus } from '../../src/core/library/corpus';
import { parseMessage, parseSubject } from '../../src/extension/dossier/messages';

describe('dossier: messages from the webviews are validated', () => {
  const corpus = new Corpus();
  corpus.upsert('/w/a.txt', 'a.txt', 'Talks in Havana\n\nHAVANA (AP) -- Sergey Lavrov met the press.\n');
  const key = [...corpus.keys()][0]!;

  it('lets known messages with valid arguments through', () => {
    assert.deepStrictEqual(parseMessage(corpus, { type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseMessage(corpus, { type: 'openArticle', key, sentence: 'Sergey Lavrov met the press.' }),
      { type: 'openArticle', key, sentence: 'Sergey Lavrov met the press.', toSide: false });
    assert.deepStrictEqual(parseMessage(corpus, { type: 'copyKey', key }), { type: 'copyKey', key });
    assert.deepStrictEqual(parseMessage(corpus, { type: 'insertBrief', picks: [`${key}#0`] }), { type: 'insertBrief', picks: [`${key}#0`] });
    assert.deepStrictEqual(parseMessage(corpus, { type: 'insertBrief', picks: null }), { type: 'insertBrief', picks: null });
    assert.deepStrictEqual(parseMessage(corpus, { type: 'openDossier', subject: { kind: 'country', code: 'CU' } }),
      { type: 'openDossier', subject: { kind: 'country', code: 'CU' } });
    assert.deepStrictEqual(parseMessage(corpus, { type: 'filter', country: 'CU', fromYear: 2020, toYear: null }),
      { type: 'filter', country: 'CU', fromYear: 2020, toYear: null });
  });

  it('drops unknown types, unknown keys and malformed arguments', () => {
    for (const bad of [
      null, 'ready', [], {}, { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'openArticle', key: 'no-such-key' }, { type: 'copyKey', key: 42 }, { type: 'newNote', key: { toString: () => key } },
      { type: 'insertBrief', picks: ['no-such-key#0'] }, { type: 'insertBrief', picks: [`${key}#x`] }, { type: 'insertBrief', picks: 'all' },
      { type: 'openDossier', subject: { kind: 'person', id: '../../etc' } }, { type: 'openDossier', subject: { kind: 'country', code: 'cuba' } },
      { type: 'openDossier', subject: { kind: 'organisation', id: 'un' } },
      { type: 'filter', country: 'CU', fromYear: '2020' }, { type: 'filter', country: '<b>', fromYear: null },
    ]) assert.strictEqual(parseMessage(corpus, bad), null, JSON.stringify(bad));
  });

  it('lets the dossier panel\'s filters and page requests through, bounded', () => {
    assert.deepStrictEqual(parseMessage(corpus, { type: 'view', filters: { fromYear: 2020, toYear: null, outlet: 'TASS', text: 'wreath' } }),
      { type: 'view', filters: { fromYear: 2020, toYear: null, outlet: 'TASS', text: 'wreath' } });
    assert.deepStrictEqual(parseMessage(corpus, { type: 'view', filters: { outlet: '', text: null } }),
      { type: 'view', filters: { fromYear: null, toYear: null, outlet: null, text: '' } });
    assert.deepStrictEqual(parseMessage(corpus, { type: 'more', generation: 3, offset: 200 }), { type: 'more', generation: 3, offset: 200 });
    for (const bad of [
      { type: 'view', filters: { fromYear: '2020' } }, { type: 'view', filters: { outlet: 7 } }, { type: 'view', filters: { text: 'x'.repeat(301) } },
      { type: 'more', generation: 1, offset: -1 }, { type: 'more', generation: 1.5, offset: 0 }, { type: 'more', offset: 0 }, { type: 'more', generation: 1, offset: '200' },
    ]) assert.strictEqual(parseMessage(corpus, bad), null, JSON.stringify(bad));
  });

  it('parses subjects strictly', () => {
    assert.deepStrictEqual(parseSubject({ kind: 'person', id: 'sergei-lavrov', extra: 1 }), { kind: 'person', id: 'sergei-lavrov' });
    assert.strictEqual(parseSubject({ kind: 'person', id: '' }), null);
    assert.strictEqual(parseSubject({ kind: 'country', id: 'CU' }), null);
  });
});
