// Generic person batteries: `npx tsx bench/entity-batteries.ts`. Not from any dev set: heads of government
// of 2024-2025 in five news frames (found as persons?) and organisations, parties and papers in three (no person?).
// The person frames run twice: alone, then followed by a sentence naming the bare surname, as real articles do.
// Prints counts (`--verbose`: each miss too); never part of `npm test`.
import { extractEntities } from '../src/core/entities';

const names = ['Xi Jinping', 'Kim Jong Un', 'Recep Tayyip Erdoğan', 'Luiz Inácio Lula da Silva', 'Andrés Manuel López Obrador', 'Emmanuel Macron', 'Olaf Scholz', 'Narendra Modi', 'Cyril Ramaphosa', 'Abiy Ahmed', 'Volodymyr Zelensky', 'Benjamin Netanyahu', 'Ursula von der Leyen', 'Pedro Sánchez', 'Giorgia Meloni', 'Keir Starmer', 'Claudia Sheinbaum', 'Gustavo Petro', 'Javier Milei', 'Nayib Bukele', 'Daniel Ortega', 'Miguel Díaz-Canel', 'Bola Tinubu', 'William Ruto', 'Paul Kagame', 'Félix Tshisekedi', 'Prabowo Subianto', 'Anwar Ibrahim', 'Shehbaz Sharif', 'Masoud Pezeshkian', 'Mohammed Shia al-Sudani', 'Abdel Fattah al-Sisi', 'Kassym-Jomart Tokayev', 'Shavkat Mirziyoyev', 'Ilham Aliyev', 'Nikol Pashinyan', 'Alexander Lukashenko', 'Viktor Orbán', 'Aleksandar Vučić', 'Lai Ching-te', 'Anthony Albanese', 'Christopher Luxon', 'Mark Carney', 'Hakainde Hichilema', 'Emmerson Mnangagwa', 'Yoweri Museveni', 'Samia Suluhu Hassan', 'Bassirou Diomaye Faye', 'Ibrahim Traoré', 'Assimi Goïta', 'Abdelmadjid Tebboune', 'Kais Saied', 'Mohamed Ould Ghazouani', 'Tharman Shanmugaratnam', 'Paetongtarn Shinawatra', 'Hun Manet', 'Sheikh Hasina', 'Muhammad Yunus', 'Ranil Wickremesinghe', 'Anura Kumara Dissanayake', 'Pushpa Kamal Dahal', 'Tshering Tobgay', 'Mohamed Muizzu', 'Sadyr Japarov', 'Emomali Rahmon', 'Serdar Berdimuhamedow', 'Irakli Kobakhidze', 'Maia Sandu', 'Klaus Iohannis', 'Petr Fiala', 'Donald Tusk', 'Robert Fico', 'Edi Rama', 'Kyriakos Mitsotakis', 'Luís Montenegro', 'Mette Frederiksen', 'Ulf Kristersson', 'Jonas Gahr Støre', 'Petteri Orpo', 'Dick Schoof', 'Bart De Wever', 'Luc Frieden', 'Gabriel Boric', 'Luis Arce', 'Daniel Noboa', 'Dina Boluarte', 'Santiago Peña', 'Yamandú Orsi', 'Irfaan Ali', 'Bernardo Arévalo', 'Xiomara Castro', 'José Raúl Mulino', 'Rodrigo Chaves', 'Luis Abinader', 'Andrew Holness', 'Mia Mottley'];
const orgs = ['Goldman Sachs', 'Human Rights Watch', 'Amnesty International', 'Médecins Sans Frontières', 'Al Jazeera', 'Hezbollah', 'Boko Haram', 'Rio Tinto', 'Deutsche Bank', 'Credit Suisse', 'Banco Santander', 'Saudi Aramco', 'Gazprom', 'Rosneft', 'Huawei', 'Tata Motors', 'Reliance Industries', 'Standard Chartered', 'Morgan Stanley', 'Wells Fargo', 'Lockheed Martin', 'Philip Morris International', 'Dow Jones', 'Merrill Lynch', 'Ernst & Young', 'Sinn Féin', 'Fatah', 'Hamas', 'Islamic Jihad', 'Ennahda', 'Likud', 'Fidesz', 'Syriza', 'Podemos', 'Morena', 'Vox', 'Frelimo', 'Renamo', 'Zanu-PF', 'Jubilee Party', 'Awami League', 'Janata Dal', 'Shiv Sena', 'Pheu Thai', 'Golkar', 'Kuomintang', 'Komeito', 'Sonangol', 'Petrobras', 'Pemex', 'Ecopetrol', 'Codelco', 'Vale', 'Embraer', 'Bombardier', 'Airbus', 'Boeing', 'Raytheon', 'Rostec', 'Roscosmos', 'Sputnik', 'Prensa Latina', 'Xinhua', 'Anadolu Agency', 'Bernama', 'Antara', 'Yonhap', 'Kyodo', 'Interfax', 'Ria Novosti', 'Tasnim', 'Fars News', 'Press TV', 'Granma', 'Telesur', 'Folha de S.Paulo', 'El País', 'Le Monde', 'La Repubblica', 'Der Spiegel', 'Die Zeit', 'Clarín', 'El Universal', 'Dawn', 'The Hindu', 'Daily Nation', 'Mail & Guardian', 'Premium Times', 'Punch', 'Haaretz', 'Al-Ahram', 'Asharq Al-Awsat', 'Kayhan', 'Hürriyet', 'Kommersant', 'Izvestia', 'Pravda'];

const personFrames: ((n: string) => string)[] = [
  (n) => `${n} said on Monday that talks would resume.`,
  (n) => `The talks, ${n} told reporters, would resume soon.`,
  (n) => `According to ${n}, the talks would resume.`,
  (n) => `In a statement, ${n} welcomed the agreement and called for calm.`,
  (n) => `Officials close to ${n} declined to comment on the report.`,
];
const orgFrames: ((n: string) => string)[] = [
  (n) => `${n} said on Monday that talks would resume.`,
  (n) => `A spokesman for ${n} told reporters the talks would resume.`,
  (n) => `According to ${n}, the talks would resume.`,
];
const persons = (body: string) => extractEntities({ title: null, body, outlet: null }).persons.map((p) => p.name);
const verbose = process.argv.includes('--verbose');

for (const confirm of [false, true]) {
  let found = 0;
  for (const n of names) for (const f of personFrames) {
    const got = persons(f(n) + (confirm ? ` The decision was welcomed by many. ${n.split(' ').pop()} later added that more was needed.` : ''));
    if (got.includes(n)) found++;
    else if (verbose) console.log(`  missed ${n}: ${f(n)} -> ${got.join(' | ') || '-'}`);
  }
  console.log(`persons${confirm ? ', surname confirmed later' : ''}: ${found} of ${names.length * personFrames.length} found`);
}
let clean = 0;
for (const n of orgs) for (const f of orgFrames) {
  const got = persons(f(n) + ` Later, ${n} added more.`);
  if (!got.length) clean++;
  else if (verbose) console.log(`  person in ${n}: ${got.join(' | ')}`);
}
console.log(`organisations: ${clean} of ${orgs.length * orgFrames.length} with no person`);
