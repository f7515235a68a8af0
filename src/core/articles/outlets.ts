// Outlets: the publisher of an article from its URL's domain (a table of news, agency and
// government domains), and whether a short stand-alone line reads as an outlet's name ("Wikinews",
// "The White House", "U.S. Department of State", "Office of the Spokesperson").
//
// The table is general — wire agencies, broadcasters, papers of record and government sites that
// people clip — not a list of the outlets of any file here. A domain is looked up by its host and
// then by each parent domain ("en.wikinews.org" → "wikinews.org"), so no public-suffix list is
// needed: a host that reaches no entry has no outlet from its URL.

const DOMAINS: Record<string, string> = {
  // wire agencies
  'reuters.com': 'Reuters', 'apnews.com': 'AP', 'ap.org': 'AP', 'afp.com': 'AFP', 'dpa.com': 'dpa', 'dpa-international.com': 'dpa',
  'tass.com': 'TASS', 'tass.ru': 'TASS', 'ria.ru': 'RIA Novosti', 'interfax.com': 'Interfax', 'xinhuanet.com': 'Xinhua', 'news.cn': 'Xinhua',
  'antaranews.com': 'ANTARA', 'efe.com': 'EFE', 'ansa.it': 'ANSA', 'aa.com.tr': 'Anadolu Agency', 'kyodonews.net': 'Kyodo News',
  'yna.co.kr': 'Yonhap', 'en.yna.co.kr': 'Yonhap', 'prensa-latina.cu': 'Prensa Latina', 'plenglish.com': 'Prensa Latina', 'bernama.com': 'Bernama',
  'pna.gov.ph': 'Philippine News Agency', 'irna.ir': 'IRNA', 'wafa.ps': 'WAFA', 'ukrinform.net': 'Ukrinform', 'ians.in': 'IANS', 'ptinews.com': 'PTI',
  'upi.com': 'UPI', 'bloomberg.com': 'Bloomberg',
  // broadcasters and international services
  'bbc.com': 'BBC', 'bbc.co.uk': 'BBC', 'cnn.com': 'CNN', 'aljazeera.com': 'Al Jazeera', 'france24.com': 'France 24', 'dw.com': 'DW',
  'rfi.fr': 'RFI', 'voanews.com': 'Voice of America', 'rferl.org': 'RFE/RL', 'rfa.org': 'Radio Free Asia', 'npr.org': 'NPR', 'pbs.org': 'PBS',
  'nbcnews.com': 'NBC News', 'cbsnews.com': 'CBS News', 'abcnews.go.com': 'ABC News', 'foxnews.com': 'Fox News', 'cbc.ca': 'CBC News',
  'abc.net.au': 'ABC News', 'sbs.com.au': 'SBS News', 'rnz.co.nz': 'RNZ', 'euronews.com': 'Euronews', 'nhk.or.jp': 'NHK', 'cgtn.com': 'CGTN',
  'rt.com': 'RT', 'telesurenglish.net': 'teleSUR', 'telesurtv.net': 'teleSUR', 'radiohc.cu': 'Radio Habana Cuba', 'trtworld.com': 'TRT World',
  'arabnews.com': 'Arab News', 'channelnewsasia.com': 'CNA', 'skynews.com': 'Sky News', 'news.sky.com': 'Sky News', 'itv.com': 'ITV News',
  // papers and magazines
  'nytimes.com': 'The New York Times', 'washingtonpost.com': 'The Washington Post', 'wsj.com': 'The Wall Street Journal',
  'theguardian.com': 'The Guardian', 'ft.com': 'Financial Times', 'economist.com': 'The Economist', 'latimes.com': 'Los Angeles Times',
  'usatoday.com': 'USA Today', 'politico.com': 'Politico', 'politico.eu': 'Politico', 'axios.com': 'Axios', 'theatlantic.com': 'The Atlantic',
  'newyorker.com': 'The New Yorker', 'time.com': 'Time', 'independent.co.uk': 'The Independent', 'telegraph.co.uk': 'The Telegraph',
  'thetimes.co.uk': 'The Times', 'lemonde.fr': 'Le Monde', 'lefigaro.fr': 'Le Figaro', 'spiegel.de': 'Der Spiegel', 'elpais.com': 'El País',
  'corriere.it': 'Corriere della Sera', 'haaretz.com': 'Haaretz', 'timesofisrael.com': 'The Times of Israel', 'jpost.com': 'The Jerusalem Post',
  'thehindu.com': 'The Hindu', 'indiatimes.com': 'The Times of India', 'hindustantimes.com': 'Hindustan Times', 'dawn.com': 'Dawn',
  'scmp.com': 'South China Morning Post', 'japantimes.co.jp': 'The Japan Times', 'straitstimes.com': 'The Straits Times',
  'smh.com.au': 'The Sydney Morning Herald', 'theglobeandmail.com': 'The Globe and Mail', 'thestar.com': 'Toronto Star',
  'kyivindependent.com': 'The Kyiv Independent', 'themoscowtimes.com': 'The Moscow Times', 'granma.cu': 'Granma', 'globaltimes.cn': 'Global Times',
  'chinadaily.com.cn': 'China Daily', 'koreaherald.com': 'The Korea Herald', 'koreatimes.co.kr': 'The Korea Times', 'mg.co.za': 'Mail & Guardian',
  'premiumtimesng.com': 'Premium Times', 'nation.africa': 'Nation', 'theeastafrican.co.ke': 'The EastAfrican', 'buenosairesherald.com': 'Buenos Aires Herald',
  'mercopress.com': 'MercoPress', 'stl.news': 'STL.News',
  // open news sites
  'wikinews.org': 'Wikinews', 'globalvoices.org': 'Global Voices', 'globalvoicesonline.org': 'Global Voices', 'theconversation.com': 'The Conversation', 'propublica.org': 'ProPublica',
  // governments and international bodies
  'whitehouse.gov': 'The White House', 'state.gov': 'U.S. Department of State', 'defense.gov': 'U.S. Department of Defense',
  'justice.gov': 'U.S. Department of Justice', 'treasury.gov': 'U.S. Department of the Treasury', 'congress.gov': 'Congress.gov',
  'speaker.gov': 'Speaker of the House', 'senate.gov': 'U.S. Senate', 'house.gov': 'U.S. House of Representatives',
  'supremecourt.gov': 'Supreme Court of the United States', 'presidency.ucsb.edu': 'The American Presidency Project',
  'archives.gov': 'National Archives', 'usembassy.gov': 'U.S. Embassy', 'gov.uk': 'GOV.UK', 'kremlin.ru': 'President of Russia', 'en.kremlin.ru': 'President of Russia',
  'mid.ru': 'Ministry of Foreign Affairs of the Russian Federation', 'government.ru': 'Government of Russia', 'elysee.fr': 'Élysée',
  'bundesregierung.de': 'Federal Government of Germany', 'pmindia.gov.in': 'Prime Minister of India', 'mea.gov.in': 'Ministry of External Affairs',
  'fmprc.gov.cn': 'Ministry of Foreign Affairs of China', 'mofa.go.jp': 'Ministry of Foreign Affairs of Japan', 'president.gov.ua': 'President of Ukraine',
  'cubaminrex.cu': 'MINREX', 'mppre.gob.ve': 'Venezuelan MFA', 'un.org': 'United Nations', 'news.un.org': 'UN News', 'europa.eu': 'European Union',
  'nato.int': 'NATO', 'who.int': 'World Health Organization', 'imf.org': 'IMF', 'worldbank.org': 'World Bank', 'unhcr.org': 'UNHCR',
  'icrc.org': 'ICRC', 'amnesty.org': 'Amnesty International', 'hrw.org': 'Human Rights Watch',
};

/** The outlet a URL's domain belongs to, or null. */
export function outletFromUrl(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return outletFromHost(host);
}

export function outletFromHost(hostname: string): string | null {
  let host = hostname.toLowerCase().replace(/^www\./, '');
  // The National Archives keeps each past administration's site under its own name
  // ("bidenwhitehouse.archives.gov", "obamawhitehouse.archives.gov", "georgewbush-whitehouse.archives.gov"):
  // the pages are the White House's.
  if (host.endsWith('.archives.gov') && host.slice(0, -'.archives.gov'.length).split('.').pop()!.includes('whitehouse')) return 'The White House';
  for (;;) {
    const name = DOMAINS[host];
    if (name) return name;
    const dot = host.indexOf('.');
    if (dot < 0 || host.indexOf('.', dot + 1) < 0) return null;
    host = host.slice(dot + 1);
  }
}

const KNOWN_NAMES = new Set(Object.values(DOMAINS).map((n) => n.toLowerCase()));

/** Whether a line is exactly the name of an outlet the domain table knows ("The White House", "President of Russia"). */
export function isKnownOutletName(line: string): boolean {
  return KNOWN_NAMES.has(line.trim().toLowerCase());
}

const SITE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' : '];

/**
 * A title that ends with a known outlet's name after a separator, as a browser tab's title does ("Talks to resume
 * next month | Reuters", "… - BBC News", "… : NPR"): the headline and the outlet; null for any other title.
 */
export function knownSiteSuffix(title: string): { headline: string; outlet: string } | null {
  for (const separator of SITE_SEPARATORS) {
    const at = title.lastIndexOf(separator);
    if (at <= 0) continue;
    const suffix = title.slice(at + separator.length).trim();
    const headline = title.slice(0, at).trim();
    if (!suffix || suffix.split(' ').length > 5 || headline.split(' ').length < 3) continue;
    const outlet = knownOutletOfLine(suffix);
    if (outlet) return { headline, outlet };
  }
  return null;
}

/**
 * The known outlet a site-name line names: the name itself, or the name with "Online" after it, as sites
 * style their names ("Global Voices Online" → "Global Voices"); null for any other line.
 */
export function knownOutletOfLine(line: string): string | null {
  const t = line.trim();
  if (KNOWN_NAMES.has(t.toLowerCase())) return t;
  const bare = / online$/i.test(t) ? t.slice(0, -' online'.length).trimEnd() : null;
  return bare && KNOWN_NAMES.has(bare.toLowerCase()) ? bare : null;
}

/** A bare domain on a line of its own ("en.wikinews.org", "www.state.gov"). */
export const DOMAIN_LINE_RE = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}\/?$/i;

/**
 * Head words of publishers' names: a short line of capitalised words holding one is read as an
 * outlet line ("Office of the Spokesperson", "Supreme Court of the United States", "Radio Free
 * Asia"); a line without one is an outlet only if it is a known outlet's name.
 */
const OUTLET_WORDS = new Set(`news newsroom agency press times post herald tribune journal gazette daily weekly review telegraph
chronicle observer guardian independent express mirror mail star sun standard monitor courier dispatch bulletin reporter record
radio television tv broadcasting broadcast network channel media wire service newswire magazine house office ministry department
embassy consulate government presidency president parliament senate congress council commission court judiciary secretariat
spokesperson nations union organization organisation institute center centre foundation commons project library archive
university bureau authority administration kremlin cabinet`.split(/\s+/));

const SMALL_WORDS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'de', 'la', 'el', 'del', 'du', 'des', 'der', 'die', 'und', 'at', '&']);

/**
 * Whether a short stand-alone line is an outlet's name: a known outlet, or at most eight
 * capitalised words (small words allowed inside) holding a publisher's head word, without sentence
 * punctuation. Callers only ask this of lines in the header or footer zone.
 */
export function isOutletLine(line: string): boolean {
  const text = line.trim();
  if (!text || text.length > 80 || /[!?;:,]|\.$/.test(text.replace(/\b(?:U\.S|U\.K|U\.N|D\.C|St)\./g, ''))) return false;
  if (KNOWN_NAMES.has(text.toLowerCase())) return true;
  const words = text.split(/\s+/);
  if (words.length > 8) return false;
  let head = false;
  for (let w = 0; w < words.length; w++) {
    const bare = words[w]!.replace(/^[("'“]+|[)"'”.]+$/g, '');
    if (SMALL_WORDS.has(bare.toLowerCase())) continue;
    if (!/^[\p{Lu}\p{N}]/u.test(bare)) return false;
    // "President of Russia" is an office's site; "President Donald J. Trump" is a person with a title.
    if (OUTLET_WORDS.has(bare.toLowerCase()) && (bare.toLowerCase() !== 'president' || words[w + 1]?.toLowerCase() === 'of')) head = true;
  }
  return head && !SMALL_WORDS.has(words[words.length - 1]!.toLowerCase());
}
