// A transliteration-tolerant key for name words, so that the spellings different outlets use for
// one name compare equal: Serguei / Sergey / Sergei, Riabkov / Ryabkov, Zelensky / Zelenskyy,
// Rodríguez / Rodriguez, Borísov / Borisov, Wladimir / Vladimir, Khodorkovsky / Hodorkovsky, Shafiq / Shafik.

import { memoizeString } from '../memo';

export const translitKey = memoizeString((word) => uncached(word));

/** Forms of one given name across languages (keys as made below): Volodymyr is Vladimir, Oleksandr is Aleksandr. */
const EQUIVALENT_GIVEN_NAMES = new Map<string, string>([
  ['volodimir', 'vladimir'], ['oleksandr', 'aleksandr'], ['aleksander', 'aleksandr'], ['oleksi', 'aleksei'], ['aleksi', 'aleksei'],
  ['mikola', 'nikolai'], ['serhi', 'sergei'], ['andri', 'andrei'], ['dmitro', 'dmitri'], ['petro', 'petr'], ['hrihori', 'grigori'],
  ['mihailo', 'mihail'], ['piotr', 'petr'],
]);

function uncached(word: string): string {
  const key = word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/gu(?=[ei])/g, 'g')
    .replace(/ou/g, 'u')
    .replace(/kh/g, 'h')
    .replace(/dh/g, 'd')
    // Arabic qaf: "Qaddafi" / "Gaddafi" inside a word, "Shafiq" / "Shafik", "Tariq" / "Tarik" at its end.
    .replace(/q$/, 'k')
    .replace(/q/g, 'g')
    .replace(/(?<=.)x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/ii+/g, 'i')
    .replace(/([b-df-hj-np-tv-z])\1/g, '$1')
    .replace(/^ie(?=[^aeiou])/, 'e')
    // The most transliterated given name of all: Mohammed, Muhammad, Mohamed, Mohammad.
    .replace(/^m[ou]h?am[ae]d$/, 'muhamad');
  return EQUIVALENT_GIVEN_NAMES.get(key) ?? key;
}
