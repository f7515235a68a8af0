// A small library for the surname link's tests (dossier, sidebar, search): Vladimir Putin named in full in one
// article and by surname only ("President Putin") in another; Fidel and Raúl Castro, and a bare "President Castro".
import { Corpus } from '../../src/core/library/corpus';

export const FULL = '# Talks in Moscow\n\nVladimir Putin met the envoy in Moscow on Monday. Putin said the talks were useful and would go on.\n';
export const SURNAME = '# Kremlin readout\n\nPresident Putin said on Tuesday that the talks with the envoy had been useful.\n';

export function surnameLibrary(): Corpus {
  const corpus = new Corpus();
  corpus.upsert('/w/full.md', 'full.md', FULL);
  corpus.upsert('/w/surname.md', 'surname.md', SURNAME);
  corpus.upsert('/w/fidel.md', 'fidel.md', '# Havana\n\nFidel Castro spoke for hours. Castro said the revolution would go on.\n');
  corpus.upsert('/w/raul.md', 'raul.md', '# Havana again\n\nRaúl Castro spoke briefly. Castro said the reforms would go on.\n');
  corpus.upsert('/w/castro.md', 'castro.md', '# A speech\n\nPresident Castro said the harvest had been good this year in the east.\n');
  return corpus;
}
