// MiniSearch's radix tree, `minisearch/SearchableMap` (a public export: a string-keyed map with fuzzy
// `fuzzyGet` and prefix `atPrefix` lookup), declared for the type checker, whose `moduleResolution:
// node` ignores package "exports": the declaration is the one of the file that subpath resolves to.
declare module 'minisearch/SearchableMap' {
  import SearchableMap from 'minisearch/dist/es/SearchableMap';
  export default SearchableMap;
}
