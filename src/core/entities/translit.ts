// A transliteration-tolerant key for name words, so that the spellings different outlets use for
// one name compare equal: Serguei / Sergey / Sergei, Riabkov / Ryabkov, Zelensky / Zelenskyy,
// Rodríguez / Rodriguez, Borísov / Borisov, Wladimir / Vladimir, Khodorkovsky / Hodorkovsky.

import { memoizeString } from '../memo';

export const translitKey = memoizeString((word) => uncached(word));

function uncached(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/gu(?=[ei])/g, 'g')
    .replace(/ou/g, 'u')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/ii+/g, 'i')
    .replace(/([b-df-hj-np-tv-z])\1/g, '$1')
    // The most transliterated given name of all: Mohammed, Muhammad, Mohamed, Mohammad.
    .replace(/^m[ou]h?am[ae]d$/, 'muhamad');
}
