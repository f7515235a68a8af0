// General lexicons for finding persons: given names across languages, East Asian family names,
// titles and roles, and the head words of organisations, places and events. No specific persons:
// the extractor must work on articles nobody here has read.

import { GIVEN_NAMES_DATA } from './givenNames.data';
import { translitKey } from './translit';

const words = (s: string) => s.trim().split(/\s+/);

/** Given names (keys are transliteration-normalised, so Sergei/Sergey/Serguei are one entry). */
const GIVEN = words(`
aaron abdel abdul abdullah abdulla abu adam adel adrian ahmad ahmed aisha akira alain alan albert alberto aldo alejandro aleksandr aleksei
alessandro alex alexander alexandra alexandre alexei alexey alfonso alfredo ali alice alicia alina alison amanda amir ana anatoly andre andrea andreas
andrei andres andrew andrey andrzej angela angelo ann anna anne annalena antonio antony anthony antoine anwar ariel arnold arturo ashraf augusto
aung barack bashar beata ben benjamin benny bernard bernardo bill bob boris boyko brian bruno carl carla carlos carmen caroline catherine cesar
charles charlotte chris christian christina christine christopher claudia claudio clara daniel daniela david delcy denis dennis diego dilma
dmitri dmitry dominic donald dora eduardo edward efrain elena elizabeth ellen emmanuel emily enrique eric erik ernesto evo fabio federico felipe
fernando fidel filipe francisco francesco francois frank franz friedrich gabriel gabriela george georg gerhard giorgia giorgio giuseppe gordon
greg gregory guillermo gustavo hamid hans hassan heinrich helen helmut henry hugo humberto hussein ibrahim igor ilham ivan jacinda jack jacob
jaime jair james jan jane javier jean jeremy jens jerome jesus jim joe joachim johann john jonathan jorge jose josef joseph juan julia julian
julio justin kamala karen karim karl katarina kate katherine keir ken kevin khalid klaus kofi kurt lars laura lee leon leonid liz lorenzo
louis luis luiz lula luca lucas luisa lukas manuel marco marcos margaret maria marie marina mario mark martin mary mateusz matteo matthew
mauricio max maxim mehmet michael michel michelle miguel mikhail mohamed mohammad mohammed muhammad mustafa nadia narendra natalia nayib
nicolas nikita nikolai nikolay oleg olaf olga omar oscar pablo paolo patricia patrick paul paula pedro pekka peter petr petro philip pierre
rafael ramon ramzan raul recep ricardo richard rishi robert roberto rodrigo roman ronald rosa ruben salvador sam samuel sandra sara sarah
scott sebastian sergei sergio shinzo silvio simon sofia sophie stefan stephen steve susan sven tatiana tayyip thomas tim tom tony ursula
valentina valery vasily viktor vladimir vladislav volodymyr walter wang william xavier yasser yevgeny yuri yulia yves zoran
abiy ahmadou akin aliyu amina bola chinua cyril emmerson félix goodluck jakaya john kwame mamadou muhammadu nelson
olusegun paul samia thabo uhuru william yoweri
anand arvind amit rahul sonia indira rajiv manmohan shehbaz imran nawaz benazir sheikh hasina joko prabowo retno rodrigo ferdinand
anwar mahathir lee halimah thaksin
saddam saif khalifa yunus hossein ebrahim masoud ismail vyacheslav idriss
`).map(translitKey);

export const GIVEN_NAMES = new Set(GIVEN);

/**
 * Common given names of English-speaking countries, cut at build time (givenNames.data.ts). Many are
 * also surnames ("Mitchell", "Austin"), so they only vouch for a full name they begin ("Britney
 * Spears"); they do not cut a run or outrank a place word as the hand list does. Built on first use:
 * transliterating the few thousand names took ~40 ms of loading the extension, which a window
 * reopened from the cache does before it extracts anything (if it ever does).
 */
export const COMMON_GIVEN_NAMES: Pick<ReadonlySet<string>, 'has'> = (() => {
  let names: Set<string> | undefined;
  return { has: (key: string) => (names ??= new Set(words(GIVEN_NAMES_DATA).map(translitKey))).has(key) };
})();

/** Family names written first (Chinese, Korean, Vietnamese): "Xi Jinping", "Kim Jong Un", "Moon Jae-in". */
export const EAST_ASIAN_SURNAMES = new Set(words(`
xi li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang song tang han feng deng cao peng
zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding shen jin kim park choi jung kang cho yoon jang lim moon shin
han oh seo kwon hwang ahn song yoo hong jeon ko choe pak ri ryu mao lai tsai qin wen nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly
lee chan wong leung lam lau cheung kwok yau shiu tse chow hui kwong yeung tsang chiu fung mak yiu tam yip ng tsui siu chung cheng chiang hau
`).map(translitKey));

/** Titles, roles and honorifics stripped from the front of a name. */
export const TITLE_WORDS = new Set(words(`
mr mrs ms miss madam dr prof professor sir dame lord lady president vice minister prime deputy foreign secretary general chancellor premier senators
king queen prince princess sheikh emir sultan ayatollah pope cardinal bishop archbishop father sister brother senator congressman
congresswoman representative rep sen gov governor mayor ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chair
chief director head leader commander colonel col gen lt lieutenant captain capt major sergeant admiral marshal judge justice attorney
executive first lady counterpart diplomat official officials defence defense interior finance economy trade health education
justice affairs state acting former late incoming outgoing opposition party member members mp mps mep economist analyst
reporter correspondent journalist field activist colleague coach top senior junior assistant undersecretary under commissioner
candidate nominee predecessor successor incumbent challenger rival opponent critic ally adviser advisor aide negotiator mediator
founder billionaire businessman businesswoman tycoon oligarch magnate entrepreneur banker lawyer researcher scientist expert
writer author novelist poet artist singer actor actress musician footballer striker player captain warlord cleric imam rabbi
priest pastor dissident rebel veteran suspect defendant prisoner hostage laureate wife husband daughter mother widow
uncle nephew niece cousin grandson granddaughter chairperson negotiator editor presenter anchor
sheriff reverend rev speaker petitioner respondent plaintiff
councillor councilor councilman councilwoman politician lawmaker legislator ceo publisher publishers manager interviewee photographer
student teacher doctor nurse engineer officer designer owner producer curator historian philosopher physicist astronaut administrator
organiser organizer campaigner athlete goalkeeper midfielder defender referee superintendent principal provost chaplain
coordinator volunteer cricketer columnist cartoonist commentator alderman aldermen clerk resident citizen witness skier driver boxer cyclist golfer swimmer
`));

/** Head words of organisations, places, events and documents: a sequence holding one is not a person. */
export const NON_PERSON_WORDS = new Set(words(`
ministry ministries department council assembly duma parliament congress senate house court committee commission agency bureau office
service services union nations league organisation organization association federation republic kingdom state states government
party front movement army navy force forces guard police bank fund company corporation group holdings inc ltd llc plc corp banco international brigades jihad university
college school institute academy foundation center centre hospital museum memorial library church mosque temple cathedral
palace square street avenue road bridge bridgehead river lake sea ocean island islands mountain mountains valley hemisphere region
province city port airport station war wars revolution crisis summit conference forum games cup olympics day year week agreement
treaty accord pact charter declaration protocol convention plan program programme initiative visit tour news press prensa radio
television tv times post herald journal gazette tribune daily telegraph latina interfax reuters xinhua tass afp ap bbc cnn sputnik
network media channel magazine review report code act law bill constitution budget strategy doctrine policy day era christmas easter
ramadan covid pandemic virus coronavirus olympic world cup championship prize award council cabinet regime administration embassy
consulate mission delegation secretariat division brigade battalion regiment command exercise operation stadium hotel tower
delta shoal reef strait gulf bay peninsula desert coast cape plateau basin canal park rally alliance coalition
kremlin pentagon elysee knesset bundestag bundesrat politburo whitehall rada sejm storting riksdag majlis shura
hamas hezbollah taliban houthis houthi isis ecowas asean mercosur brics opec nato haram shabaab
month festival jubilee circle cyclone hurricane typhoon storm tornado spacecraft satellite telescope rover probe letter speech
resources commons presidency vice-presidency floor africa asia europe oceania antarctica arctic relations circuit
federal reserve exchange rights airways airlines motors industries petroleum energy group
ria novosti yonhap bernama anadolu irna wafa ansa efe kyodo antara xinhua kcna
flight flights campaign studies prix area staff pradesh
accords agreements pacts protocols conventions declarations
diario jornal gazeta periodico noticias revista
`));

/** Function words and common sentence openers that are capitalised only by position. */
export const STOP_WORDS = new Set(words(`
the a an this that these those in on at by for from with into onto over under about as of to and or but nor so yet if when while
after before during since until although though because however meanwhile moreover also then thus there here his her their our your
my its it he she they we you i both all some many most several each every no not any other another such one two three
once according earlier later today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
said says told added noted stressed recalled asked among against between amid without within upon via
only finally eventually afterwards instead perhaps maybe indeed
whenever wherever whatever whoever whether unless
suddenly recently currently initially previously similarly additionally unfortunately fortunately interestingly ironically
surprisingly obviously clearly certainly basically essentially originally ultimately generally usually typically frequently
occasionally actually honestly personally hopefully importantly notably particularly especially likewise otherwise
nevertheless nonetheless furthermore therefore consequently accordingly subsequently immediately
`));

/**
 * Function words of Spanish, Portuguese, French and Italian that open a capitalised run in quoted or translated text
 * ("Para Alan", "Entre Brack", "Mais Lula") and are no name's part (name particles such as "de", "da", "y" are not
 * here), folded as keys are.
 */
export const FOREIGN_STOP_WORDS = new Set(words(`
para entre por con sin sobre desde hasta contra pero cuando donde segun hacia porque aunque tambien muy mas fuera bajo tras durante mientras
pelo pela pelos pelas com sem ate nao mas quando onde ainda muito fora apos
pour avec sans sous chez mais selon contre depuis pendant malgre tres aussi encore lorsque quand vers
senza tra contro anche quando dove perche ancora molto dopo fuori verso
`));

/** Words before "to" that make what follows a person or a source, not a destination ("according to", "adviser to"). */
export const TO_A_PERSON = new Set(words('according close closer loyal thanks tribute letter message spoke speaking talked talking adviser advisor aide spokesman spokeswoman spokesperson married successor heir'));

/** Prepositions after which a capitalised sequence names a place or an event, not a person. */
export const PLACE_PREPOSITIONS = new Set(words('in on at near into across towards toward from to inside outside around through'));

/** Name particles kept inside a name: "bin", "da", "van der", "de la", "al-". */
export const NAME_PARTICLES = new Set(words('bin ibn bint arap al el da de del della der di dos du la le van von ter ten y abu'));

/** Words after ", " that make the name before them a person: "Mikheil Kavelashvili, who …", "X, the former footballer". */
export const APPOSITION_WORDS = new Set(words('who whose'));
export const APPOSITION_ARTICLES = new Set(words('the a an'));
/** Person nouns that make such an apposition a person's (", an Australian woman", ", a local resident", ", a witness of the blast"). */
export const APPOSITION_NOUNS = new Set(words('woman man girl boy teenager mother father son daughter citizen resident native witness survivor victim relative friend neighbour neighbor supporter fan employee worker volunteer'));

/** "widely known as Jokowi", "nicknamed Hemedti": the words before another name of the person just named. */
export const ALIAS_CUES = new Set(words('known nicknamed dubbed alias'));

/** Particles that only occur inside persons' names ("bin Salman", "van der Leyen"), unlike "de"/"da" (Rio de Janeiro). */
export const PERSON_PARTICLES = new Set(words('bin ibn bint arap van von der'));

/** Kin words: before a lone given name ("his wife Laura", "brother Tom") they name someone by first name only. */
export const KIN_WORDS = new Set(words('wife husband brother sister father mother son daughter uncle aunt nephew niece cousin grandson granddaughter widow'));

/** Participles that only people undergo, after "was"/"were": "Ayrton Senna was killed", "X was born". */
export const PERSON_PASSIVES = new Set(words(`
killed murdered assassinated arrested detained jailed imprisoned executed sentenced convicted acquitted charged indicted kidnapped
abducted born elected re-elected appointed sworn injured wounded hospitalised hospitalized released freed pardoned married
`));

/** Verbs that follow a person's name in reporting ("Lavrov said"). */
export const SPEECH_VERBS = new Set(words(`
said says told added noted stressed recalled explained declared announced warned urged insisted argued wrote met visited
pointed called asked replied answered confirmed denied acknowledged admitted claimed suggested emphasised emphasized
`));

/** Common English words that end a name when capitalised in a headline ("Maduro Already in Moscow"). */
export const COMMON_WORDS = new Set(words(`
already again also always visiting visits visit meets meeting meet says say said calls call urges warns talks talk holds hold signs
sign seeks seek backs back slams rejects reject condemns condemn welcomes welcome plans plan new old more less next last first
second third after before over under amid against with without about ahead behind inside outside today yesterday now still
just only even very much many few top key big high low major minor special official officials cooperation relations ties deal
deals agreement agreements strategic economic political technological military cultural bilateral multilateral regional
international national global local foreign domestic public private general joint full part parts images image photo photos
video videos live update updates breaking exclusive analysis opinion editorial interview report reports news here there
where when why how what who which while during since until through across toward towards within upon via per
people president leaders leader government minister ministers country countries nations state states world region
strengthen strengthens strengthening reiterates reiterate rejection blockade invitation extends extend support supports
open guest title change rocks free
analysts experts observers critics residents officers troops celebrating celebrates brotherhood friendship partnership alliance allies ally trip tour mission summit talks
`));

/** Endings of common nouns and adjectives ("Cooperation", "Technological"): such a word is not a name. */
export const COMMON_SUFFIX_RE = /(?:tion|sion|ment|ness|ity|ical|ance|ence|ship|ism|ists?|ive|ous|ful|less|able|ible|ings?|ary|ory|ics|ology|ward|wards|cion)$/;

/** Generational suffixes: part of a full name ("Ferdinand Marcos Jr", "Abdullah II"), never a name alone. */
export const NAME_SUFFIXES = new Set(words('jr sr ii iii iv'));

/** Particles after which a name is a father's ("Mohammed bin Salman"): a bare "Salman" is someone else. */
export const PATRONYMIC_PARTICLES = new Set(words('bin ibn bint arap'));

/** Lower-case words after a capitalised run that make it a place, a thing or a time, not a person
 *  ("the Kennedy era", "the Funan Techo canal", "the Nobel prize"). */
export const AFTER_NAME_NOT_PERSON = new Set(words(`
era years canal dam airport river province district county region doctrine prize award memorial street avenue square
bridge museum stadium highway station dynasty line corridor pipeline basin valley mountains island islands port
administration movement campaign government regime family
system systems missile missiles newspaper newspapers weekly magazine tabloid broadsheet broadcaster
`));

/** Head words of newspapers' names, last in them ("Edmonton Sun", "Toronto Star", "Daily Mail", "Christian Science
 *  Monitor"): a run ending in one names no person unless it starts with a given name ("Jennifer Sun"). */
export const PUBLICATION_HEADS = new Set(words(`
sun star globe mail mirror chronicle observer guardian independent examiner inquirer enquirer courier bulletin dispatch
sentinel express standard monitor advertiser recorder argus clarion
po pao
`));

/** Lower-case nouns right before a capitalised run that make it the name of a publication, a product or an organisation
 *  ("the journal Nature Climate Change", "the browser Firefox", "the airline Garuda"), unless it starts with a given name. */
export const THING_NOUNS = new Set(words(`
journal newspaper magazine tabloid daily weekly website browser software app company firm brand band airline carrier
club team franchise label
`));

/** Lower-case words inside country names ("Republic of the Congo", "Bosnia and Herzegovina"). */
export const COUNTRY_LINK_WORDS = new Set(words('of the and da de del du la le al el'));

/** Group adjectives that are not demonyms of a state ("Jewish Senator", "African-American", "Latino voters"): modifiers, never a name. */
export const GROUP_ADJECTIVES = new Set(words(`
african asian european american arab latino latina hispanic jewish muslim catholic protestant indigenous aboriginal democratic republican conservative liberal socialist communist
`));

/** US states: a place before a name ("Texas Arlington"), and alone never a person ("Governor of Virginia"). */
export const US_STATES = new Set(words(`
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas
kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma
oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming carolina dakota
`));

/** Words before "by" that make the names after it credits of the piece, not persons it names ("Reporting by …; Editing by …"). */
export const CREDIT_WORDS = new Set(words('reporting editing writing compiled additional photography photographs photos graphics produced translated translation'));

/** Words before "by" that make the name after it an author's: "written by Marc Headley", "a paper by A. S. Heagle". */
export const AUTHORED_WORDS = new Set(words('written edited directed authored painted photographed composed illustrated narrated designed created paper book article study novel film song poem essay'));

/** Words that open a reply in an interview ("Yes, Karl."): never a family name in an inverted "Austen, Jane". */
export const INTERJECTIONS = new Set(words('yes no yeah okay ok sure thanks thank hello hi hey well oh ah right sorry please look listen congratulations welcome good great fine exactly absolutely indeed'));

/** Compass words that end a place's name ("Kowloon West", "New Territories East"). */
export const COMPASS_WORDS = new Set(words('north south east west central northeast northwest southeast southwest'));

/** Words around a demonym that make it a language ("books in German", "speaks Japanese", "languages like Hebrew"). */
export const LANGUAGE_CUES = new Set(words('in into speak speaks spoke speaking language languages like translated fluent'));

/** The only lower-case words the entity passes look at (see tokenize's keepLowercase). */
export const LOWERCASE_CONTEXT_WORDS = new Set([...TITLE_WORDS, ...PLACE_PREPOSITIONS, ...SPEECH_VERBS, ...NAME_PARTICLES,
  ...AFTER_NAME_NOT_PERSON, ...TO_A_PERSON, ...COUNTRY_LINK_WORDS, ...APPOSITION_WORDS, ...APPOSITION_ARTICLES, ...ALIAS_CUES, ...CREDIT_WORDS,
  ...LANGUAGE_CUES, ...AUTHORED_WORDS, ...THING_NOUNS, ...APPOSITION_NOUNS, ...KIN_WORDS, ...PERSON_PASSIVES, 'as', 'by', 'for', 'was', 'were']);
