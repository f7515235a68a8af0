export { scanCitations, citedKeys, citationContextAt, citationAt, excludedRanges, readKey, canStartCitation, isKeyChar, LineMap, type CitationOccurrence, type CitationContext, type Span } from './scanner';
export { toCslJson, toCslItem, toBibtex, escapeBibtex, dateParts, type CslItem } from './bibliography';
export { nearestKeys, editDistance, keyParts, keyScore } from './nearest';
export { citationEdit, type TextEdit } from './insert';
export { citationCandidates, articleWords, type CandidateSource } from './candidates';
export { scanNocite, scanNoteCitations, type NociteCitations, type NoteCitationScan } from './nocite';
