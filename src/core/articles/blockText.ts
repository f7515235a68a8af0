// The text of a DOM subtree as paragraphs: one per block element, blank lines between. Used for the
// main text of a saved page (html.ts) and for the lines around its headline (postHeader.ts).

/** Block elements: each starts a new paragraph of the extracted text. */
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'table', 'tr', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'details', 'summary']);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'button', 'form', 'select', 'input']);

export interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

/** The text of a DOM subtree, one paragraph per block element, blank lines between (iterative). */
export function blockText(root: TextNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    if (line) paragraphs.push(line);
    current = '';
  };
  // (node, entering) pairs: a block flushes the paragraph on the way in and on the way out.
  const stack: [TextNode, boolean][] = [[root, true]];
  while (stack.length) {
    const [node, entering] = stack.pop()!;
    const name = node.nodeName.toLowerCase();
    if (!entering) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (SKIPPED.has(name)) continue;
    if (name === 'br') {
      current += '\n';
      continue;
    }
    if (name === 'img') continue;
    const block = BLOCKS.has(name);
    if (block) {
      flush();
      stack.push([node, false]);
    } else if (name === 'td' || name === 'th') current += ' ';
    // Read once: linkedom builds `childNodes` afresh on each access (a walk of the children), so
    // indexing it in the loop was quadratic in the number of children (a block of many `<br>`s).
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, true]);
  }
  flush();
  return paragraphs.join('\n\n');
}
