// What a saved web page says about itself, read before Readability rewrites the DOM. Each fact is
// taken from the most trusted place that holds it: JSON-LD (`NewsArticle`, `Article`, …), then the
// `<meta>` tags publishers write for social cards (`og:*`, `article:*`), for Google Scholar
// (`citation_*`) and Dublin Core (`DC.*`), then `<link rel="canonical">` and `<title>`. This is the
// order Zotero's Embedded Metadata translator uses for a snapshot.

import { joinNames } from './metadataText';
import { outletFromUrl } from './outlets';
import { folded, readPostHeader, type HeaderNode } from './postHeader';

export interface PageMetadata {
  title: string | null;
  date: string | null;
  outlet: string | null;
  url: string | null;
  author: string | null;
}

/** The subset of the DOM this reads (linkedom's document satisfies it). */
interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<HeaderNode & { getAttribute(name: string): string | null; textContent: string | null }>;
  querySelector(selector: string): { textContent: string | null } | null;
}

const ARTICLE_TYPES = new Set(['article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'blogposting', 'report', 'scholarlyarticle', 'webpage', 'pressrelease', 'socialmediaposting']);

type Json = unknown;

/** Every object in JSON-LD data, `@graph` lists and arrays included (iteratively: pages nest deeply). */
function jsonLdObjects(root: Json): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const stack: Json[] = [root];
  let budget = 10_000;
  while (stack.length && budget-- > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      const object = node as Record<string, Json>;
      found.push(object);
      if (object['@graph']) stack.push(object['@graph']);
    }
  }
  return found;
}

function typesOf(object: Record<string, Json>): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
}

/** A name from a JSON-LD value: a string, `{ name }`, or a list of them (joined with "and"). */
function nameOf(value: Json): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? joinNames(names) : null;
  }
  if (value && typeof value === 'object') return nameOf((value as Record<string, Json>).name);
  return null;
}

function urlOf(value: Json): string | null {
  if (typeof value === 'string') return /^https?:\/\//i.test(value.trim()) ? value.trim() : null;
  if (value && typeof value === 'object' && !Array.isArray(value)) return urlOf((value as Record<string, Json>)['@id'] ?? (value as Record<string, Json>).url);
  return null;
}

function clean(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text || null;
}

function fromJsonLd(document: MetaDocument, warn: (message: string) => void): Partial<PageMetadata> & { pageName?: string | null } {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: Json;
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '');
    } catch {
      // A broken JSON-LD block is the page's bug; the <meta> tags still say the same things.
      warn('its JSON-LD metadata is not valid JSON: read the <meta> tags instead');
      continue;
    }
    const article = jsonLdObjects(data).find((o) => typesOf(o).some((t) => ARTICLE_TYPES.has(t) && t !== 'webpage'))
      ?? jsonLdObjects(data).find((o) => typesOf(o).includes('webpage') && (o.headline || o.datePublished));
    if (!article) continue;
    // A WebPage's `name` is the page's <title>, site suffix and all ("Readout … | The White House"):
    // the headline only when nothing better says it (see readPageMetadata).
    const page = !typesOf(article).some((t) => ARTICLE_TYPES.has(t) && t !== 'webpage');
    return {
      title: nameOf(article.headline) ?? (page ? null : nameOf(article.name)),
      pageName: page ? nameOf(article.name) : null,
      date: typeof article.datePublished === 'string' ? article.datePublished : typeof article.dateCreated === 'string' ? article.dateCreated : null,
      outlet: nameOf(article.publisher) ?? nameOf((article.isPartOf as Record<string, Json> | undefined)?.name),
      url: urlOf(article.url) ?? urlOf(article.mainEntityOfPage),
      author: nameOf(article.author),
    };
  }
  return {};
}

/** `<meta>` values by lower-cased name or property, in document order. */
function metaValues(document: MetaDocument): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const metas = document.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!;
    const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase().trim();
    const content = clean(meta.getAttribute('content'));
    if (!name || !content) continue;
    const list = values.get(name);
    if (list) list.push(content);
    else values.set(name, [content]);
  }
  return values;
}

/** `article:author` and some `author` tags hold a profile URL, not a name. */
const notUrl = (value: string | undefined) => (value && !/^https?:\/\//i.test(value) ? value : undefined);

export function readPageMetadata(document: MetaDocument, html: string, warn: (message: string) => void): PageMetadata {
  const ld = fromJsonLd(document, warn);
  const meta = metaValues(document);
  const first = (...names: string[]) => {
    for (const name of names) {
      const value = meta.get(name)?.[0];
      if (value) return value;
    }
    return null;
  };
  const authorsFrom = (name: string) => {
    const list = (meta.get(name) ?? []).map(notUrl).filter((v): v is string => !!v);
    return list.length ? joinNames(list.map(citationName)) : null;
  };
  const canonical = (() => {
    const links = document.querySelectorAll('link[rel~="canonical"]');
    for (let i = 0; i < links.length; i++) {
      const href = links[i]!.getAttribute('href')?.trim();
      if (href && /^https?:\/\//i.test(href)) return href;
    }
    return null;
  })();

  const outlet = ld.outlet ?? first('og:site_name', 'citation_journal_title', 'citation_publisher', 'dc.publisher', 'dcterms.publisher',
    'publisher', 'application-name', 'twitter:site')?.replace(/^@/, '') ?? null;
  const pageTitle = clean(document.querySelector('title')?.textContent);
  // A blog post's heading with its permalink and the byline block under it (postHeader.ts).
  const post = readPostHeader(document, pageTitle);
  const url = canonical ?? ld.url ?? first('og:url', 'citation_public_url', 'citation_abstract_html_url', 'dc.identifier') ?? post.url ?? savedFromUrl(html);
  const split = pageTitle ? splitPageTitle(pageTitle, post.headline, outlet ?? (url ? outletFromUrl(url) : null)) : null;
  // A title tag may carry the site's name as the <title> does ("… · Global Voices auf Deutsch"): it
  // comes off when it is the page's own site name.
  const metaTitle = first('og:title', 'citation_title', 'dc.title', 'dcterms.title', 'twitter:title', 'headline');
  const title = ld.title ?? (metaTitle ? stripSiteSuffix(metaTitle, outlet ?? (url ? outletFromUrl(url) : null), { knownOnly: true }) : null)
    ?? (ld.pageName ? stripSiteSuffix(ld.pageName, outlet) : null) ?? split?.headline ?? null;
  const metaDate = first('article:published_time', 'citation_publication_date', 'citation_date', 'citation_online_date',
    'dc.date', 'dcterms.date', 'dc.date.issued', 'dcterms.issued', 'date', 'pubdate', 'publish-date', 'datepublished', 'sailthru.date',
    'parsely-pub-date', 'og:published_time');
  return {
    title,
    date: localDate(ld.date ?? null, metaDate) ?? microdataDate(document) ?? post.date,
    outlet: outlet ?? (split?.site ? canonicalOutlet(split.site, url) : null),
    url,
    author: ld.author ?? authorsFrom('citation_author') ?? authorsFrom('dc.creator') ?? authorsFrom('dcterms.creator')
      ?? notUrl(first('author', 'article:author', 'byl', 'parsely-author', 'sailthru.author') ?? undefined)?.replace(/^by\s+/i, '')
      ?? post.author ?? null,
  };
}

/**
 * The site's name as the <title> writes it, or the name the domain table gives the page's domain
 * when the two are one name in a longer and a shorter form ("Global Voices Online" on
 * globalvoicesonline.org is Global Voices; "Reuters.com" is Reuters). A <title> naming another
 * site than the domain's (a blog on a big host) keeps its own name.
 */
export function canonicalOutlet(site: string, url: string | null): string {
  const known = url ? outletFromUrl(url) : null;
  if (!known) return site;
  const a = folded(site), b = folded(known);
  return a && b && (a.includes(b) || b.includes(a)) ? known : site;
}

const ZONED_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})$/;

/** A timestamp with its zone as milliseconds, or null when it has none ("2021-01-23T19:04:00-05:00"). */
function instant(value: string): { ms: number; utc: boolean } | null {
  const m = ZONED_RE.exec(value.trim());
  if (!m) return null;
  const zone = m[5]!;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z`) - offset * 60_000;
  return Number.isNaN(ms) ? null : { ms, utc: offset === 0 };
}

/**
 * The publication date as the page shows it. SEO plugins write JSON-LD's `datePublished` in UTC
 * ("2021-02-11T02:31:03+00:00"), which moves an evening post to the next day; when the `<meta>`
 * tags give the same moment in the publisher's own zone ("2021-02-10T21:31:03-05:00"), that one is
 * the date.
 */
function localDate(ld: string | null, meta: string | null): string | null {
  if (!ld || !meta) return ld ?? meta;
  const a = instant(ld);
  const b = instant(meta);
  return a && b && a.utc && !b.utc && Math.abs(a.ms - b.ms) <= 60_000 ? meta : ld;
}

/** schema.org microdata: `<time itemprop="datePublished" datetime="2012-12-16">`, `<meta itemprop="datePublished" content="…">`. */
function microdataDate(document: MetaDocument): string | null {
  const nodes = document.querySelectorAll('[itemprop~="datePublished"]');
  for (let i = 0; i < nodes.length; i++) {
    const value = clean(nodes[i]!.getAttribute('datetime') ?? nodes[i]!.getAttribute('content'));
    if (value && /^\d{4}-\d{2}/.test(value)) return value;
  }
  return null;
}

/** `citation_author` is often "Family, Given": written in reading order. */
function citationName(name: string): string {
  const parts = name.split(',');
  return parts.length === 2 && parts[1]!.trim() ? `${parts[1]!.trim()} ${parts[0]!.trim()}` : name;
}

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' » '];

/** The part after the last site separator of a `<title>` ("… | Reuters"), when it is short. */
function siteSuffix(title: string): string | null {
  for (const separator of SEPARATORS) {
    const at = title.lastIndexOf(separator);
    if (at <= 0) continue;
    const suffix = title.slice(at + separator.length).trim();
    // " | " nearly always precedes the site; " - " only when the rest is clearly the headline.
    if (suffix && suffix.split(' ').length <= 5 && (separator === ' | ' || title.slice(0, at).split(' ').length >= 4)) return suffix;
  }
  return null;
}

/** With the headline known, a spaced colon or slash also parts it from the site ("Harbour Notes : Fiji: …"). */
const HEADLINE_SEPARATORS = [...SEPARATORS, ' : ', ' / '];
/** Separators that may end a site name written first ("Blog Name » Post title", "Site | Headline"). */
const PREFIX_SEPARATORS = [' » ', ' | ', ' :: ', ' · ', ' • ', ' – ', ' — '];
const SEPARATOR_CHARS = new Set(['|', '-', '–', '—', ':', '·', '•', '»', '«', '/', '\\']);

/** Drops separator characters and spaces at both ends (a loop, no backtracking pattern). */
function trimSeparators(s: string): string {
  let start = 0, end = s.length;
  while (start < end && (s[start] === ' ' || SEPARATOR_CHARS.has(s[start]!))) start++;
  while (end > start && (s[end - 1] === ' ' || SEPARATOR_CHARS.has(s[end - 1]!))) end--;
  return s.slice(start, end);
}

/**
 * A page's <title> as the headline and the site's name. With the page's own headline known (a
 * post's heading, postHeader.ts) the <title> part that is the headline is found by it, and the rest
 * is the site ("Global Voices Online » Brazil: …"). Without it: a site suffix ("… | Reuters"), or a
 * site prefix before " » " (WordPress's default "Blog Name » Post title") or before another
 * separator when it is the site's known name (`siteHint`: og:site_name or the domain's outlet).
 */
export function splitPageTitle(pageTitle: string, headline: string | null, siteHint: string | null): { headline: string; site: string | null } {
  const title = pageTitle.replace(/\s+/g, ' ').trim();
  if (headline) {
    const key = folded(headline);
    for (const separator of HEADLINE_SEPARATORS) {
      for (const at of [title.indexOf(separator), title.lastIndexOf(separator)]) {
        if (at <= 0) continue;
        const before = title.slice(0, at).trim(), after = title.slice(at + separator.length).trim();
        if (folded(after) === key && before.split(' ').length <= 6) return { headline, site: trimSeparators(before) || null };
        if (folded(before) === key && after.split(' ').length <= 6) return { headline, site: trimSeparators(after) || null };
      }
    }
    if (folded(title) === key) return { headline, site: null };
  }
  const suffix = siteSuffix(title);
  if (suffix) return { headline: stripSiteSuffix(title, siteHint), site: suffix };
  for (const separator of PREFIX_SEPARATORS) {
    const at = title.indexOf(separator);
    if (at <= 0) continue;
    const prefix = title.slice(0, at).trim(), rest = title.slice(at + separator.length).trim();
    const named = siteHint !== null && folded(prefix) !== '' && (folded(prefix).includes(folded(siteHint)) || folded(siteHint).includes(folded(prefix)));
    if (rest && prefix.split(' ').length <= 5 && (separator === ' » ' || named)) return { headline: rest, site: prefix };
  }
  return { headline: title, site: null };
}

/** "Cuba and Russia sign … | Reuters" → "Cuba and Russia sign …", when the suffix is the site (`knownOnly`: when it is `outlet`). */
export function stripSiteSuffix(title: string, outlet: string | null, options: { knownOnly?: boolean } = {}): string {
  const suffix = siteSuffix(title);
  if (!suffix) return title;
  const known = outlet && (folded(outlet) === folded(suffix) || folded(suffix).includes(folded(outlet)) || folded(outlet).includes(folded(suffix)));
  // Without the site's name known, " | " alone says a suffix is the site (not in a title tag, which has it only when it is).
  if (!known && (options.knownOnly || !title.includes(` | ${suffix}`))) return title;
  return title.slice(0, title.length - suffix.length).replace(/\s*(?:\||-|–|—|::|·|•|»)\s*$/, '').trim() || title;
}

/** Browsers' "Save Page As" mark: `<!-- saved from url=(0042)https://… -->`; SingleFile's `url: https://…`. */
function savedFromUrl(html: string): string | null {
  const head = html.slice(0, 4096);
  const saved = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+)\s*-->/i.exec(head);
  if (saved) return saved[1]!;
  const singleFile = /<!--\s*Page saved with SingleFile\s*\n\s*url:\s*(https?:\/\/\S+)/i.exec(head);
  return singleFile ? singleFile[1]! : null;
}
