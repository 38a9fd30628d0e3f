/**
 * Tab panes and code groups: containers whose panes are parallel variants of one thing
 * (the same example per language), so text may repeat from pane to pane by design.
 * Recognised, by the raw text of top-level blocks:
 * - Hugo shortcodes `{{< tabpane >}}`, `{{% tab … %}}`, `{{< tabs >}}` and their closers;
 * - Docusaurus/MDX `<Tabs>` and `<TabItem>`;
 * - VitePress/VuePress `::: code-group` … `:::`;
 * - MkDocs (pymdownx.tabbed) `=== "Label"` followed by its indented pane;
 * - the Vue docs' preference switches: `<div class="options-api">` / `"composition-api"`
 *   and `<div class="sfc">` / `"html"`, each shown for one choice of the reader's, up to
 *   the `</div>` that closes it.
 */

// Shortcode lines and MDX tags count only where a line starts with them: `<Tabs>` in inline
// code or prose is a mention, not a container.
const HUGO_OPEN = /\{\{[<%]\s*(?:tabpane|tabs|tab)\b/g;
const HUGO_CLOSE = /\{\{[<%]\s*\/\s*(?:tabpane|tabs|tab)\b/g;
const HUGO_LINE = /^\s*\{\{[<%]/m;
const MDX_OPEN = /^\s*<(?:Tabs|TabItem)\b/gm;
const MDX_CLOSE = /^\s*<\/(?:Tabs|TabItem)\s*>/gm;
const CODE_GROUP_OPEN = /^\s*:::\s*code-group\b/m;
const FENCE_CLOSE = /^\s*:::\s*$/m;
const MKDOCS_TAB = /^\s*===\+?\s+"[^"]*"\s*$/;
const VUE_PREFERENCE = /^\s*<div\s+class="(?:options-api|composition-api|sfc|html)"\s*>/m;
const DIV_OPEN = /^\s*<div\b[^>]*>/gm;
const DIV_CLOSE = /<\/div\s*>/g;

export interface ContainerBlock {
  /** Raw text of the block. */
  raw: string;
  /** Code blocks hold examples of this syntax, not containers. */
  code: boolean;
  /** An indented code block (the body of an MkDocs tab). */
  indented: boolean;
}

/** For each block, whether it is part of a tab container (its markers included). */
export function inTabContainers(blocks: readonly ContainerBlock[]): boolean[] {
  const inside: boolean[] = new Array(blocks.length).fill(false);
  let depth = 0;
  let codeGroup = false;
  let divs = 0;
  for (let i = 0; i < blocks.length; i++) {
    const { raw, code, indented } = blocks[i];
    if (code) {
      inside[i] = depth > 0 || codeGroup || divs > 0 || (indented && i > 0 && MKDOCS_TAB.test(blocks[i - 1].raw));
      continue;
    }
    const shortcodes = HUGO_LINE.test(raw);
    const opens = (shortcodes ? count(raw, HUGO_OPEN) : 0) + count(raw, MDX_OPEN);
    const closes = (shortcodes ? count(raw, HUGO_CLOSE) : 0) + count(raw, MDX_CLOSE);
    const startsGroup = CODE_GROUP_OPEN.test(raw);
    // A preference switch counts its own <div>s (those nested in it included) until closed.
    const switches = divs > 0 || VUE_PREFERENCE.test(raw);
    inside[i] = depth > 0 || codeGroup || divs > 0 || opens > 0 || closes > 0 || startsGroup || MKDOCS_TAB.test(raw) || switches;
    if (switches) divs = Math.max(0, divs + count(raw, DIV_OPEN) - count(raw, DIV_CLOSE));
    depth = Math.max(0, depth + opens - closes);
    if (startsGroup) codeGroup = true;
    else if (codeGroup && FENCE_CLOSE.test(raw)) codeGroup = false;
  }
  // A container never closed is a mention or a broken page: no pane is assumed.
  return depth > 0 || codeGroup || divs > 0 ? inside.map((_, i) => MKDOCS_TAB.test(blocks[i].raw) || (blocks[i].code && i > 0 && MKDOCS_TAB.test(blocks[i - 1].raw))) : inside;
}

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}
