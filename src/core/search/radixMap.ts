// MiniSearch's radix tree (`minisearch/SearchableMap`, a public export): a string-keyed map with
// fuzzy (`fuzzyGet`) and prefix (`atPrefix`) lookup. Its CommonJS build assigns the class to
// `module.exports`; `minisearch-searchablemap.d.ts` gives the type checker (whose
// `moduleResolution: node` ignores package "exports") the declaration of that subpath.

import SearchableMap from 'minisearch/SearchableMap';

export { SearchableMap };
