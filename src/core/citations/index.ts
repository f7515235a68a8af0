export { scanCitations, citationContextAt, citationAt, excludedRanges, type CitationOccurrence, type CitationContext } from './scanner';
export { toCslJson, toCslItem, toBibtex, escapeBibtex, dateParts, type CslItem } from './bibliography';
export { nearestKeys, editDistance } from './nearest';
