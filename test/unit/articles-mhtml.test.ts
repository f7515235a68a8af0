// Web pages saved as one file (MHTML: Chrome's and Edge's "Webpage, Single File"): the page part is
// found, its transfer encoding undone, and it is read as the saved HTML page it is. A real Chrome save
// of a dev-set page (tune-mhtml/, made by tools/save-mhtml.mjs) reads as the HTML page does; archives
// built here cover the encodings, charsets and line breaks, and the ones that hold no page.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readArticleFile, readArticleFileSync, articleFormat } from '../../src/core/articles';
import { decodeBase64, decodeQuotedPrintable, readMhtml } from '../../src/core/articles/mhtml';
import { extractEntities } from '../../src/core/entities';
import { ARCHIVED_PAGE as PAGE, ARCHIVED_URL as URL_, toMhtml } from '../fixtures/mhtml/build';
import { growthRatio, MAX_LINEAR_RATIO } from './growth';

const DEVSET = path.join(__dirname, '..', 'fixtures', 'devset');
const utf8 = (s: string) => new TextEncoder().encode(s);



describe('web archives (MHTML)', () => {
  it('.mhtml and .mht are saved web pages', () => {
    assert.strictEqual(articleFormat('/w/page.mhtml'), 'html');
    assert.strictEqual(articleFormat('/w/PAGE.MHT'), 'html');
  });

  it("a real Chrome save of a dev-set page reads as the saved HTML page does: title, date, outlet, author, text, entities", async () => {
    for (const [split, stem] of [['tune3', 'wh_xi'], ['tune4', 'gv_02']] as const) {
      const html = await readArticleFile(`/w/${stem}.html`, fs.readFileSync(path.join(DEVSET, split, `${stem}.html`)));
      const mhtml = await readArticleFile(`/w/${stem}.mhtml`, fs.readFileSync(path.join(DEVSET, 'tune-mhtml', `${stem}.mhtml`)));
      assert.strictEqual(mhtml.warning, html.warning, stem);
      const fields = (r: typeof html) => [r.parsed?.title, r.parsed?.date, r.parsed?.outlet, r.author];
      assert.deepStrictEqual(fields(mhtml), fields(html), stem);
      const names = (r: typeof html) => extractEntities({ title: r.parsed!.title, body: r.parsed!.body, outlet: r.parsed!.outlet }).persons.map((p) => p.name).sort();
      assert.deepStrictEqual(names(mhtml), names(html), stem);
      assert.ok(mhtml.parsed!.body.length > 500, stem);
    }
  });

  for (const encoding of ['quoted-printable', 'base64'] as const) {
    for (const lineBreak of ['\r\n', '\n'] as const) {
      it(`a ${encoding} page part with ${lineBreak === '\n' ? 'LF' : 'CRLF'} line breaks: metadata, main text, the archive's address as the URL`, () => {
        const r = readArticleFileSync('/w/truce.mhtml', toMhtml(utf8(PAGE), { url: URL_, encoding, lineBreak }));
        assert.strictEqual(r.warning, null);
        assert.deepStrictEqual([r.parsed?.title, r.parsed?.date, r.parsed?.outlet, r.parsed?.url],
          ['Chile and Peru agree on a fishing truce', '2025-02-11', 'Andes Courier', URL_]);
        assert.ok(r.parsed!.body.startsWith('Santiago – Chile and Peru agreed on Tuesday'), r.parsed!.body.slice(0, 80));
        assert.ok(r.parsed!.body.includes('Valentina Muñoz'), 'UTF-8 bytes escaped as =C3=B1 decode');
        assert.ok(!/Egypt|Morocco|Home/.test(r.parsed!.body), 'menus are not text');
      });
    }
  }

  it("the part's charset is honoured where the page names none; the archive's Snapshot-Content-Location stands in for a missing Content-Location", () => {
    // Greek in ISO-8859-7 ("Ελλάδα" = C5 EB EB DC E4 E1): read as UTF-8 or Windows-1252 it would be "ÅëëÜäá".
    const page = PAGE.replace('<meta charset="utf-8">', '').replace('in the capital.', 'in the capital, with an observer from GREECE.');
    const bytes = new Uint8Array(Buffer.from(page, 'latin1'));
    const at = Buffer.from(bytes).indexOf('GREECE');
    const greek = new Uint8Array([...bytes.subarray(0, at), 0xc5, 0xeb, 0xeb, 0xdc, 0xe4, 0xe1, ...bytes.subarray(at + 6)]);
    const r = readArticleFileSync('/w/truce.mht', toMhtml(greek, { url: URL_, charset: 'iso-8859-7', partLocation: false }));
    assert.ok(r.parsed!.body.includes('an observer from Ελλάδα'), r.parsed!.body.slice(0, 400));
    assert.strictEqual(r.parsed!.url, URL_);
  });

  it('an archive without a page, or no archive at all, is skipped with a warning that says why', () => {
    const noPage = new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\nContent-Type: image/png\r\n\r\nxx\r\n--b1--\r\n');
    const cases: [Uint8Array, RegExp][] = [
      [noPage, /none of its 1 parts is a web page/],
      [utf8('Just some text that was named .mhtml by mistake.\n'), /no MIME header/],
      [utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--x\r\n'), /boundary is missing/],
      [utf8('MIME-Version: 1.0\r\nContent-Type: application/pdf\r\n\r\n%PDF'), /application\/pdf, not a web page/],
      [new Uint8Array(0), /no MIME header/],
    ];
    for (const [bytes, reason] of cases) {
      const r = readArticleFileSync('/w/odd.mhtml', bytes);
      assert.strictEqual(r.parsed, null);
      assert.match(r.warning ?? '', /^skipped: a web archive Dossier cannot read: /);
      assert.match(r.warning!, reason);
    }
    // Over the web-page size limit: skipped before decoding.
    const big = readArticleFileSync('/w/big.mhtml', toMhtml(utf8(PAGE), { url: URL_ }), { text: 1 << 20, html: 100, pdf: 1 << 20 });
    assert.match(big.warning ?? '', /over the/);
  });

  it('a single-part archive (the page is the message) and folded headers', () => {
    const single = utf8(`MIME-Version: 1.0\nContent-Location: ${URL_}\nContent-Type: text/html;\n charset="utf-8"\nContent-Transfer-Encoding: 7bit\n\n${PAGE}`);
    const r = readMhtml(single);
    assert.ok('page' in r);
    if ('page' in r) {
      assert.strictEqual(r.page.charset, 'utf-8');
      assert.strictEqual(r.page.url, URL_);
    }
  });

  it('quoted-printable and base64 decoding', () => {
    assert.strictEqual(new TextDecoder().decode(decodeQuotedPrintable(utf8('a=3Db=\r\nc=C3=A9 =\nd = x=ZZ='))), 'a=bcé d = x=ZZ');
    assert.strictEqual(new TextDecoder().decode(decodeBase64(utf8('aGVs\r\nbG8g\nd29y bGQ='))), 'hello world');
  });

  it('reads hostile archives in linear time: many parts, a page of "=" runs, many near-delimiter lines, long folded headers', () => {
    const head = (boundary: string) => `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="${boundary}"\r\n\r\n`;
    const hostile: Record<string, (n: number) => Uint8Array> = {
      'many image parts before the page': (n) => utf8(head('b') + '--b\r\nContent-Type: image/png\r\n\r\nxx\r\n'.repeat(n / 40) + '--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--'),
      'a quoted-printable page of "=" runs and bad escapes': (n) => utf8(head('b') + '--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + '==  =\r\n=Z'.repeat(n / 9) + '\r\n--b--'),
      'lines that almost start with the delimiter': (n) => utf8(head('a'.repeat(70)) + ('--' + 'a'.repeat(69) + '\r\n').repeat(n / 73) + '--' + 'a'.repeat(70) + '\r\nContent-Type: text/html\r\n\r\n<p>x</p>'),
      'a header of many folded lines': (n) => utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related;' + '\r\n\tx=y;'.repeat(n / 7) + ' boundary="b"\r\n\r\n--b\r\n'),
      'one long line after the delimiter': (n) => utf8(head('b') + '--b' + 'x'.repeat(n) + '\r\n'),
    };
    for (const [name, make] of Object.entries(hostile)) {
      const ratio = growthRatio(make, (bytes) => readMhtml(bytes), 40000);
      assert.ok(ratio < MAX_LINEAR_RATIO, `${name}: 8× the input took ${ratio.toFixed(1)}× the time`);
    }
  });
});
