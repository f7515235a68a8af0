// One DOM builder for both webviews (loaded first, with the page's nonce): `text` goes in as
// textContent, everything else as attributes, so no string from an article is parsed as markup.
// @ts-check
(function () {
  /** @param {string} tag @param {Record<string, string>} [attrs] @param {(Node|string|null|undefined)[]} [children] */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children || []) if (child != null) node.append(child);
    return node;
  }
  // @ts-ignore
  window.DossierDom = { el };
})();
