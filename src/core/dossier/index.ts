// The dossier: one person's or country's mentions, co-mentions and outlets; the brief; the note
// template; the co-mention network. Pure core code over the corpus (no vscode import).

export { buildDossier, compareChronologically, subjectId, subjectName, subjectTitle, yearOf, type CoMention, type Dossier, type DossierEntry, type DossierSubject, type OutletCount } from './dossier';
export { mentionSearches, mentionSentences, type Highlight, type MentionSentence } from './mentions';
export { briefDate, briefMarkdown, briefMentions, escapeInlineMarkdown, type BriefMention } from './brief';
export { DEFAULT_NOTE_TEMPLATE, fillTemplate, noteFileName, templateValues, TEMPLATE_FIELDS, type FilledTemplate, type TemplateField } from './noteTemplate';
export { buildNetwork, networkIndex, NetworkIndex, NETWORK_EDGE_LIMIT, NETWORK_NODE_LIMIT, type Network, type NetworkEdge, type NetworkNode, type NetworkOptions } from './network';
export { splitSentences, type SentenceSpan } from './sentences';
export { CO_MENTION_LIMIT, DOSSIER_PAGE_SIZE, dossierSummary, entryPasses, filterEntries, filterEntriesSliced, groupLabel, groupMode, loadSentencesSliced, NO_FILTERS, pageRows, type DossierFilters, type DossierRow, type DossierSummary, type GroupMode } from './view';
