// See radixMap.ts: the declaration of the `minisearch/SearchableMap` export, taken from the file
// that subpath resolves to at run time.
declare module 'minisearch/SearchableMap' {
  import SearchableMap from 'minisearch/dist/es/SearchableMap';
  export default SearchableMap;
}
