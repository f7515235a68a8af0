// Deterministic synthetic articles for benchmarks, in the shapes the seeds and format fixtures use:
// Markdown `# *Title*` pages (Radio Habana Cuba), `date YYYY-MM-DD CITY, Month D. /TASS/.` one-liners,
// title-first plain text with a `City - ` lead and `(dpa)` sign-off, `WASHINGTON (AP) —` Markdown
// datelines, and `LONDON, March 3 (Reuters) -` leads with a dated URL. Names come with their
// transliteration variants (Sergey / Serguei / Sergei Lavrov) so search has something to be tolerant of.
//
// `generateArticle(i, seed)` is a pure function of (i, seed): corpora can be produced lazily, one
// article at a time, and the same index always gives the same text.

export interface GeneratedArticle {
  file: string;
  text: string;
  /** What went into the text, for benchmarks that build queries from an article. */
  title: string;
  /** Surface forms of the persons named (as written in this article). */
  persons: string[];
  /** Country names the article is about. */
  countries: string[];
  outlet: string;
  /** A rare word of the article (a place or project name), useful to make a query specific. */
  rare: string;
}

// ---- deterministic randomness --------------------------------------------------------------------

type Rng = () => number;

/** A small seeded PRNG, so every corpus and query set is the same on every run. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

// ---- pools ------------------------------------------------------------------------------------------

interface PersonPool {
  /** Every spelling a source might use for the full name; the first is the most common. */
  variants: string[];
  surname: string;
  role: string;
  country: string;
}

export const PERSONS: readonly PersonPool[] = [
  { variants: ['Sergey Lavrov', 'Serguei Lavrov', 'Sergei Lavrov'], surname: 'Lavrov', role: 'Foreign Minister', country: 'Russia' },
  { variants: ['Sergey Ryabkov', 'Serguei Riabkov', 'Sergei Ryabkov'], surname: 'Ryabkov', role: 'Deputy Foreign Minister', country: 'Russia' },
  { variants: ['Dmitry Medvedev', 'Dmitri Medvedev', 'Dmitrii Medvedev'], surname: 'Medvedev', role: 'Deputy Chairman of the Security Council', country: 'Russia' },
  { variants: ['Dmitry Peskov', 'Dmitri Peskov'], surname: 'Peskov', role: 'Kremlin spokesman', country: 'Russia' },
  { variants: ['Maria Zakharova', 'María Zajárova', 'Mariya Zakharova'], surname: 'Zakharova', role: 'Foreign Ministry spokeswoman', country: 'Russia' },
  { variants: ['Sergei Shoigu', 'Sergey Shoygu', 'Serguei Shoigu'], surname: 'Shoigu', role: 'Security Council Secretary', country: 'Russia' },
  { variants: ['Vladimir Putin', 'Wladimir Putin'], surname: 'Putin', role: 'President', country: 'Russia' },
  { variants: ['Yevgeny Primakov', 'Evgeny Primakov', 'Yevgueni Primakov'], surname: 'Primakov', role: 'head of Rossotrudnichestvo', country: 'Russia' },
  { variants: ['Mikhail Mishustin', 'Mijaíl Mishustin', 'Michail Mischustin'], surname: 'Mishustin', role: 'Prime Minister', country: 'Russia' },
  { variants: ['Bruno Rodríguez Parrilla', 'Bruno Rodriguez Parrilla', 'Bruno Rodríguez'], surname: 'Rodríguez Parrilla', role: 'Foreign Minister', country: 'Cuba' },
  { variants: ['Miguel Díaz-Canel Bermúdez', 'Miguel Diaz-Canel Bermudez', 'Miguel Díaz-Canel'], surname: 'Díaz-Canel', role: 'President', country: 'Cuba' },
  { variants: ['Raúl Castro', 'Raul Castro'], surname: 'Castro', role: 'former President', country: 'Cuba' },
  { variants: ['Delcy Rodríguez', 'Delcy Rodriguez'], surname: 'Rodríguez', role: 'Executive Vice President', country: 'Venezuela' },
  { variants: ['Nicolás Maduro', 'Nicolas Maduro'], surname: 'Maduro', role: 'President', country: 'Venezuela' },
  { variants: ['Yván Gil', 'Yvan Gil', 'Ivan Gil'], surname: 'Gil', role: 'Foreign Minister', country: 'Venezuela' },
  { variants: ['Volodymyr Zelensky', 'Volodymyr Zelenskyy', 'Volodimir Zelenski'], surname: 'Zelensky', role: 'President', country: 'Ukraine' },
  { variants: ['Dmytro Kuleba', 'Dmitry Kuleba'], surname: 'Kuleba', role: 'Foreign Minister', country: 'Ukraine' },
  { variants: ['Recep Tayyip Erdoğan', 'Recep Tayyip Erdogan'], surname: 'Erdoğan', role: 'President', country: 'Turkey' },
  { variants: ['Hakan Fidan'], surname: 'Fidan', role: 'Foreign Minister', country: 'Turkey' },
  { variants: ['Xi Jinping'], surname: 'Xi', role: 'President', country: 'China' },
  { variants: ['Wang Yi'], surname: 'Wang', role: 'Foreign Minister', country: 'China' },
  { variants: ['Narendra Modi'], surname: 'Modi', role: 'Prime Minister', country: 'India' },
  { variants: ['Subrahmanyam Jaishankar', 'S. Jaishankar'], surname: 'Jaishankar', role: 'External Affairs Minister', country: 'India' },
  { variants: ['Luiz Inácio Lula da Silva', 'Luiz Inacio Lula da Silva'], surname: 'Lula', role: 'President', country: 'Brazil' },
  { variants: ['Mauro Vieira'], surname: 'Vieira', role: 'Foreign Minister', country: 'Brazil' },
  { variants: ['Gustavo Petro'], surname: 'Petro', role: 'President', country: 'Colombia' },
  { variants: ['Antony Blinken', 'Anthony Blinken'], surname: 'Blinken', role: 'Secretary of State', country: 'United States' },
  { variants: ['Barack Obama'], surname: 'Obama', role: 'President', country: 'United States' },
  { variants: ['Emmanuel Macron'], surname: 'Macron', role: 'President', country: 'France' },
  { variants: ['Olaf Scholz'], surname: 'Scholz', role: 'Chancellor', country: 'Germany' },
  { variants: ['Annalena Baerbock'], surname: 'Baerbock', role: 'Foreign Minister', country: 'Germany' },
  { variants: ['Retno Marsudi'], surname: 'Marsudi', role: 'Foreign Minister', country: 'Indonesia' },
  { variants: ['Joko Widodo'], surname: 'Widodo', role: 'President', country: 'Indonesia' },
  { variants: ['Hassan Rouhani', 'Hasan Rohani', 'Hassan Ruhani'], surname: 'Rouhani', role: 'former President', country: 'Iran' },
  { variants: ['Hossein Amir-Abdollahian', 'Hossein Amirabdollahian', 'Hosein Amir Abdolahian'], surname: 'Amir-Abdollahian', role: 'Foreign Minister', country: 'Iran' },
  { variants: ['Abdel Fattah el-Sisi', 'Abdel Fattah al-Sisi', 'Abdelfattah el-Sissi'], surname: 'el-Sisi', role: 'President', country: 'Egypt' },
  { variants: ['Sameh Shoukry', 'Sameh Shukri'], surname: 'Shoukry', role: 'Foreign Minister', country: 'Egypt' },
  { variants: ['Mohammed bin Salman', 'Mohammad bin Salman', 'Muhammad bin Salman'], surname: 'bin Salman', role: 'Crown Prince', country: 'Saudi Arabia' },
  { variants: ['Kim Jong Un', 'Kim Jong-un'], surname: 'Kim', role: 'leader', country: 'North Korea' },
  { variants: ['Choe Son Hui', 'Choe Son-hui', 'Choi Son Hui'], surname: 'Choe', role: 'Foreign Minister', country: 'North Korea' },
  { variants: ['Alexander Lukashenko', 'Aleksandr Lukashenko', 'Alyaksandr Lukashenka'], surname: 'Lukashenko', role: 'President', country: 'Belarus' },
  { variants: ['Kassym-Jomart Tokayev', 'Kassym-Zhomart Tokaev'], surname: 'Tokayev', role: 'President', country: 'Kazakhstan' },
  { variants: ['Shavkat Mirziyoyev', 'Shavkat Mirziyoev'], surname: 'Mirziyoyev', role: 'President', country: 'Uzbekistan' },
  { variants: ['Cyril Ramaphosa'], surname: 'Ramaphosa', role: 'President', country: 'South Africa' },
  { variants: ['Naledi Pandor'], surname: 'Pandor', role: 'Minister of International Relations', country: 'South Africa' },
  { variants: ['Abiy Ahmed'], surname: 'Abiy', role: 'Prime Minister', country: 'Ethiopia' },
  { variants: ['Andrés Manuel López Obrador', 'Andres Manuel Lopez Obrador'], surname: 'López Obrador', role: 'President', country: 'Mexico' },
  { variants: ['Daniel Ortega'], surname: 'Ortega', role: 'President', country: 'Nicaragua' },
  { variants: ['Luis Arce'], surname: 'Arce', role: 'President', country: 'Bolivia' },
  { variants: ['Bashar al-Assad', 'Bashar Assad', 'Bachar el-Assad'], surname: 'al-Assad', role: 'President', country: 'Syria' },
  { variants: ['Faisal Mekdad', 'Faisal Miqdad', 'Fayssal Mekdad'], surname: 'Mekdad', role: 'Foreign Minister', country: 'Syria' },
  { variants: ['Mahmoud Abbas'], surname: 'Abbas', role: 'President', country: 'Palestine' },
  { variants: ['Ilham Aliyev', 'Ilham Aliev'], surname: 'Aliyev', role: 'President', country: 'Azerbaijan' },
  { variants: ['Nikol Pashinyan', 'Nikol Pashinian'], surname: 'Pashinyan', role: 'Prime Minister', country: 'Armenia' },
  { variants: ['Viktor Orbán', 'Viktor Orban'], surname: 'Orbán', role: 'Prime Minister', country: 'Hungary' },
  { variants: ['Péter Szijjártó', 'Peter Szijjarto'], surname: 'Szijjártó', role: 'Foreign Minister', country: 'Hungary' },
  { variants: ['Fumio Kishida'], surname: 'Kishida', role: 'Prime Minister', country: 'Japan' },
  { variants: ['Yoon Suk Yeol', 'Yoon Suk-yeol'], surname: 'Yoon', role: 'President', country: 'South Korea' },
  { variants: ['Anwar Ibrahim'], surname: 'Anwar', role: 'Prime Minister', country: 'Malaysia' },
  { variants: ['Shehbaz Sharif', 'Shahbaz Sharif'], surname: 'Sharif', role: 'Prime Minister', country: 'Pakistan' },
];

interface CountryPool {
  name: string;
  demonym: string;
  capital: string;
}

export const COUNTRIES: readonly CountryPool[] = [
  { name: 'Russia', demonym: 'Russian', capital: 'Moscow' },
  { name: 'Cuba', demonym: 'Cuban', capital: 'Havana' },
  { name: 'Venezuela', demonym: 'Venezuelan', capital: 'Caracas' },
  { name: 'Ukraine', demonym: 'Ukrainian', capital: 'Kyiv' },
  { name: 'Turkey', demonym: 'Turkish', capital: 'Ankara' },
  { name: 'China', demonym: 'Chinese', capital: 'Beijing' },
  { name: 'India', demonym: 'Indian', capital: 'New Delhi' },
  { name: 'Brazil', demonym: 'Brazilian', capital: 'Brasília' },
  { name: 'Colombia', demonym: 'Colombian', capital: 'Bogotá' },
  { name: 'United States', demonym: 'American', capital: 'Washington' },
  { name: 'France', demonym: 'French', capital: 'Paris' },
  { name: 'Germany', demonym: 'German', capital: 'Berlin' },
  { name: 'Indonesia', demonym: 'Indonesian', capital: 'Jakarta' },
  { name: 'Iran', demonym: 'Iranian', capital: 'Tehran' },
  { name: 'Egypt', demonym: 'Egyptian', capital: 'Cairo' },
  { name: 'Saudi Arabia', demonym: 'Saudi', capital: 'Riyadh' },
  { name: 'North Korea', demonym: 'North Korean', capital: 'Pyongyang' },
  { name: 'Belarus', demonym: 'Belarusian', capital: 'Minsk' },
  { name: 'Kazakhstan', demonym: 'Kazakh', capital: 'Astana' },
  { name: 'Uzbekistan', demonym: 'Uzbek', capital: 'Tashkent' },
  { name: 'South Africa', demonym: 'South African', capital: 'Pretoria' },
  { name: 'Ethiopia', demonym: 'Ethiopian', capital: 'Addis Ababa' },
  { name: 'Mexico', demonym: 'Mexican', capital: 'Mexico City' },
  { name: 'Nicaragua', demonym: 'Nicaraguan', capital: 'Managua' },
  { name: 'Bolivia', demonym: 'Bolivian', capital: 'La Paz' },
  { name: 'Syria', demonym: 'Syrian', capital: 'Damascus' },
  { name: 'Palestine', demonym: 'Palestinian', capital: 'Ramallah' },
  { name: 'Azerbaijan', demonym: 'Azerbaijani', capital: 'Baku' },
  { name: 'Armenia', demonym: 'Armenian', capital: 'Yerevan' },
  { name: 'Hungary', demonym: 'Hungarian', capital: 'Budapest' },
  { name: 'Japan', demonym: 'Japanese', capital: 'Tokyo' },
  { name: 'South Korea', demonym: 'South Korean', capital: 'Seoul' },
  { name: 'Malaysia', demonym: 'Malaysian', capital: 'Kuala Lumpur' },
  { name: 'Pakistan', demonym: 'Pakistani', capital: 'Islamabad' },
  { name: 'Vietnam', demonym: 'Vietnamese', capital: 'Hanoi' },
  { name: 'Poland', demonym: 'Polish', capital: 'Warsaw' },
  { name: 'Serbia', demonym: 'Serbian', capital: 'Belgrade' },
  { name: 'Algeria', demonym: 'Algerian', capital: 'Algiers' },
  { name: 'Nigeria', demonym: 'Nigerian', capital: 'Abuja' },
  { name: 'Argentina', demonym: 'Argentine', capital: 'Buenos Aires' },
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const TOPICS = [
  'energy', 'trade', 'security', 'nuclear', 'grain', 'oil', 'gas', 'sanctions', 'blockade', 'embargo', 'tourism',
  'banking', 'fertiliser', 'nickel', 'railway', 'shipping', 'pharmaceutical', 'satellite', 'wheat', 'electricity',
  'military', 'naval', 'cyber', 'education', 'health', 'fisheries', 'mining', 'aviation', 'refinery', 'vaccine',
];

const TITLE_VERBS = [
  'sign', 'discuss', 'strengthen', 'expand', 'review', 'reject', 'condemn', 'deepen', 'renew', 'suspend',
  'boost', 'launch', 'agree on', 'pledge', 'negotiate',
];

const NOUNS = [
  'cooperation', 'ties', 'accord', 'agreement', 'partnership', 'talks', 'relations', 'dialogue', 'memorandum',
  'roadmap', 'alliance', 'deal', 'commission', 'summit', 'initiative', 'project', 'corridor', 'programme',
];

const FILLER = [
  'The two sides also exchanged views on the regional and international situation, officials said.',
  'Analysts said the move signalled a shift in priorities after years of slow progress.',
  'The statement did not give details of the timetable or the financing involved.',
  'Both delegations stressed the importance of respecting the principles of the UN Charter.',
  'Trade between the two countries grew last year despite the difficulties caused by the pandemic.',
  'The ministry said further consultations would take place at the level of deputy ministers.',
  'Observers noted that the visit came weeks after a similar round of talks in the region.',
  'The meeting was held behind closed doors and lasted more than three hours.',
  'Officials declined to comment on reports that a larger package was under discussion.',
  'The joint commission is expected to meet again before the end of the year.',
  'Opposition figures criticised the agreement, saying it lacked transparency.',
  'Local media described the talks as frank and constructive.',
  'A working group will prepare proposals on customs procedures and payments in national currencies.',
  'The document also covers scientific exchanges, student grants and cultural events.',
  'Neither side mentioned the dispute that had delayed the negotiations last spring.',
];

const OUTLETS = [
  { short: 'RHC', shape: 'rhc' },
  { short: 'TASS', shape: 'tass' },
  { short: 'dpa', shape: 'plain' },
  { short: 'AP', shape: 'ap' },
  { short: 'Reuters', shape: 'reuters' },
  { short: 'PL', shape: 'rhc' },
  { short: 'Xinhua', shape: 'tass' },
  { short: 'AFP', shape: 'plain' },
  { short: 'EFE', shape: 'reuters' },
  { short: 'IANS', shape: 'reuters' },
  { short: 'ANTARA', shape: 'plain' },
  { short: 'GNA', shape: 'reuters' },
] as const;

const SYLLABLES = ['ka', 'lo', 'ver', 'min', 'os', 'tra', 'bel', 'ni', 'gor', 'san', 'du', 'pel', 'ry', 'zan', 'mar', 'tu', 'vol', 'ski', 'an', 'ber', 'cho', 'lin', 'ev', 'sk'];
const SUFFIXES = ['sk', 'grad', 'ovo', 'ino', 'ville', 'port', 'abad', 'polis', 'stan', 'ena'];

/** A pseudo place name like "Verlinograd": a rare token that makes a generated article findable. */
function rareWord(rng: Rng): string {
  const n = int(rng, 2, 3);
  let word = '';
  for (let i = 0; i < n; i++) word += pick(rng, SYLLABLES);
  word += pick(rng, SUFFIXES);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function demonymOf(country: string): string {
  return COUNTRIES.find((c) => c.name === country)?.demonym ?? country;
}

function sentence(rng: Rng, persons: { name: string; surname: string; role: string; country: string }[], countries: CountryPool[], topic: string, rare: string): string {
  const p = pick(rng, persons);
  const c1 = countries[0] as CountryPool;
  const c2 = pick(rng, countries);
  const templates = [
    () => `${demonymOf(p.country)} ${p.role} ${p.name} said the ${topic} ${pick(rng, NOUNS)} with ${c2.name} would be ${pick(rng, ['expanded', 'reviewed', 'signed', 'extended', 'discussed'])} in the coming months.`,
    () => `"We intend to ${pick(rng, TITLE_VERBS)} our ${pick(rng, NOUNS)} in ${topic} and in other areas," ${p.surname} said.`,
    () => `${p.surname} met his counterparts in ${c2.capital} on ${pick(rng, WEEKDAYS)} to discuss the ${rare} ${topic} ${pick(rng, NOUNS)}.`,
    () => `The ${c2.demonym} side welcomed the proposal, according to a statement published in ${c1.capital}.`,
    () => `${c1.name} and ${c2.name} have maintained ${pick(rng, ['close', 'friendly', 'strategic', 'long-standing'])} relations for decades, ${p.surname} recalled.`,
    () => `According to ${p.name}, the ${rare} project will ${pick(rng, ['create jobs', 'cut costs', 'strengthen ties', 'open new markets'])} in ${c2.name}.`,
    () => pick(rng, FILLER),
    () => pick(rng, FILLER),
    () => `The ${topic} ${pick(rng, NOUNS)} was first proposed in ${int(rng, 1995, 2024)}, when ${p.name} visited ${c2.capital}.`,
  ];
  return pick(rng, templates)();
}

/** One synthetic article; a pure function of (index, seed). */
export function generateArticle(index: number, seed = 1): GeneratedArticle {
  const rng = mulberry32((seed * 0x9e3779b1 + index * 0x85ebca6b) >>> 0);
  const outlet = pick(rng, OUTLETS);
  const personCount = int(rng, 1, 3);
  const persons: { name: string; surname: string; role: string; country: string }[] = [];
  for (let i = 0; i < personCount; i++) {
    const pool = pick(rng, PERSONS);
    if (persons.some((p) => p.surname === pool.surname)) continue;
    persons.push({ name: pick(rng, pool.variants), surname: pool.surname, role: pool.role, country: pool.country });
  }
  const first = persons[0]!;
  const home = COUNTRIES.find((c) => c.name === first.country) ?? (COUNTRIES[0] as CountryPool);
  const other = pick(rng, COUNTRIES.filter((c) => c !== home));
  const countries = [home, other];
  const topic = pick(rng, TOPICS);
  const rare = rareWord(rng);
  const noun = pick(rng, NOUNS);
  const titleTemplates = [
    () => `${home.name} and ${other.name} ${pick(rng, TITLE_VERBS)} ${topic} ${noun}`,
    () => `${first.name} says ${home.name} will ${pick(rng, TITLE_VERBS)} ${topic} ${noun} with ${other.name}`,
    () => `${home.demonym} ${first.role} visits ${other.capital} to ${pick(rng, TITLE_VERBS)} ${rare} ${noun}`,
    () => `${first.surname} in ${other.capital}: ${topic} ${noun} on the agenda`,
    () => `${other.name} ${pick(rng, ['welcomes', 'questions', 'backs', 'rejects'])} ${home.demonym} ${rare} ${topic} plan`,
  ];
  const title = pick(rng, titleTemplates)();
  const year = int(rng, 1998, 2025);
  const month = int(rng, 1, 12);
  const day = int(rng, 1, 28);
  const monthName = MONTHS[month - 1] as string;
  const city = pick(rng, countries).capital;

  const targetWords = int(rng, 300, 900);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const n = int(rng, 2, 4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(sentence(rng, persons, countries, topic, rare));
    const paragraph = parts.join(' ');
    words += paragraph.split(' ').length;
    paragraphs.push(paragraph);
  }
  const lead = `${first.name}, ${home.demonym} ${first.role}, ${pick(rng, ['said', 'announced', 'confirmed'])} on ${pick(rng, WEEKDAYS)} that ${home.name} and ${other.name} would ${pick(rng, TITLE_VERBS)} their ${topic} ${noun}.`;
  const body = paragraphs.join('\n\n');
  const pad = String(index).padStart(6, '0');
  const hash = ((index * 2654435761) >>> 0).toString(16).padStart(8, '0');

  let text: string;
  let ext = 'txt';
  switch (outlet.shape) {
    case 'rhc':
      text = `\n\n# *${title}*\n\n---\n\n*Image not found or type unknown*\n\n**Photo: ${outlet.short}**\n\n${city}, ${monthName} ${day} (${outlet.short}) -- ${lead}\n\n${body}\n`;
      break;
    case 'tass':
      text = ` date ${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${city.toUpperCase()}, ${monthName} ${day}. /${outlet.short}/. ${lead}\n\n${body}\n`;
      break;
    case 'plain':
      text = `${title}\n\n${city} - ${lead}\n\n${body} (${outlet.short})\n\nGeneral: \nRegions:\n`;
      break;
    case 'ap':
      ext = 'md';
      text = `# ${title}\n\n${city.toUpperCase()} (${outlet.short}) — ${lead}\n\n${body}\n\nhttps://apnews.com/article/${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${slug(title)}\n`;
      break;
    default:
      text = `${title}\n\n${city.toUpperCase()}, ${monthName} ${day} (${outlet.short}) - ${lead}\n\n${body}\n\nhttps://www.example-news.com/world/${slug(title)}-${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}/\n`;
  }
  return {
    file: `${pad}_${hash}.${ext}`,
    text,
    title,
    persons: persons.map((p) => p.name),
    countries: countries.map((c) => c.name),
    outlet: outlet.short,
    rare,
  };
}

/** Lazily yields `count` articles (same texts as `generateArticles`). */
export function* generateArticleStream(count: number, seed = 1): Generator<GeneratedArticle> {
  for (let i = 0; i < count; i++) yield generateArticle(i, seed);
}

/** `count` deterministic synthetic articles in the seed formats (300–900 words each). */
export function generateArticles(count: number, seed = 1): GeneratedArticle[] {
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) out.push(generateArticle(i, seed));
  return out;
}
