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
const HUGO_LINE = /^[ \t]*\{\{[<%]/m;
const MDX_OPEN = /^[ \t]*<(?:Tabs|TabItem)\b/gm;
const MDX_CLOSE = /^[ \t]*<\/(?:Tabs|TabItem)[ \t]*>/gm;
const CODE_GROUP_OPEN = /^[ \t]*:::[ \t]*code-group\b/m;
const FENCE_CLOSE = /^[ \t]*:::[ \t]*$/m;
const MKDOCS_TAB = /^\s*===\+?\s+"[^"]*"\s*$/;
const VUE_PREFERENCE = /^[ \t]*<div[ \t]+class="(?:options-api|composition-api|sfc|html)"[ \t]*>/m;
const DIV_OPEN = /^[ \t]*<div\b[^>\n]*>/gm;
const DIV_CLOSE = /^[ \t]*<\/div[ \t]*>/gm;
// DocFX / Microsoft Learn tabs (see docfxTabPanes).
const DOCFX_TAB = /^(#{1,6})[ \t]+(?:<a\b[^>\n]*>[ \t]*<\/a>[ \t]*)?\[[^\]\n]+\]\(#tab\/[^)\s]*\)[ \t]*$/;

export interface ContainerBlock {
  /** Raw text of the block. */
  raw: string;
  /** Code blocks hold examples of this syntax, not containers. */
  code: boolean;
  /** An indented code block (the body of an MkDocs tab). */
  indented: boolean;
  /** A heading's depth, as parsed (setext headings included); undefined for other blocks. Read by docfxTabPanes. */
  headingDepth?: number;
  /** A thematic break (`---`, `***`), as parsed. Read by docfxTabPanes. */
  thematicBreak?: boolean;
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

// Collapsible panels: `{% Details %}` … `{% endDetails %}` (web.dev, Chrome docs),
// `<details>` … `</details>`, react.dev's `<DeepDive>` … `</DeepDive>`, and
// `::: details` … `:::` (VitePress, Zenn). Panels side by side often tell parallel stories
// ("How it works: event-level reports" / "How it works: summary reports").
const PANEL_OPEN = /^[ \t]*(?:\{%-?[ \t]*Details[ \t]*-?%\}|<details\b|<DeepDive>|:::[ \t]*details\b)/i;
const PANEL_CLOSE = /(?:\{%-?[ \t]*endDetails[ \t]*-?%\}|<\/details[ \t]*>|<\/DeepDive[ \t]*>|^[ \t]*:::)[ \t]*$/im;

/**
 * For each block, the number of the collapsible panel it stands in (1, 2, …; its opening
 * and closing blocks included), or 0 outside any. Panels do not nest here: an opener inside
 * a panel is part of it. A panel never closed is none.
 */
export function collapsiblePanels(blocks: readonly ContainerBlock[]): number[] {
  const panel: number[] = new Array(blocks.length).fill(0);
  let current = 0;
  let count = 0;
  let openedAt = -1;
  for (let i = 0; i < blocks.length; i++) {
    const { raw, code } = blocks[i];
    if (current === 0) {
      if (code || !PANEL_OPEN.test(raw)) continue;
      current = ++count;
      openedAt = i;
      panel[i] = current;
      // Opened and closed in one block (`{% Details %} … {% endDetails %}` in one paragraph).
      if (PANEL_CLOSE.test(raw.slice(raw.search(/\S/) + 3))) current = 0;
      continue;
    }
    panel[i] = current;
    if (!code && PANEL_CLOSE.test(raw)) current = 0;
  }
  if (current !== 0) for (let i = openedAt; i < blocks.length; i++) panel[i] = 0;
  return panel;
}

/**
 * DocFX / Microsoft Learn tabs: a heading that is only a link to `#tab/…`
 * (`# [Task pane](#tab/taskpane)`, an `<a name>` anchor before it allowed) opens a pane that
 * runs to the next such heading. The group ends at a thematic break (`---`), at another
 * heading of its level or higher (setext ones too: the caller passes parsed heading depths
 * and thematic breaks), or at the article's end; a tab heading shallower than the open
 * group's opens a new group. Such panes often hold a whole tutorial each (one per way of
 * building an add-in), so they are not set aside like small tab panes: only what one pane
 * says again from another is the same step in each.
 * For each block, its pane's number and its group's (1, 2, …), or undefined outside any.
 */
export function docfxTabPanes(blocks: readonly ContainerBlock[]): ({ pane: number; group: number } | undefined)[] {
  const panes: ({ pane: number; group: number } | undefined)[] = new Array(blocks.length).fill(undefined);
  let level = 0;
  let pane = 0;
  let group = 0;
  for (let i = 0; i < blocks.length; i++) {
    const { raw, code } = blocks[i];
    const trimmed = code ? '' : raw.trim();
    const tab = DOCFX_TAB.exec(trimmed);
    if (tab) {
      // A tab heading shallower than the open group's starts a group of its own.
      if (level === 0 || tab[1].length < level) group++;
      level = tab[1].length;
      pane++;
    } else if (level > 0 && (blocks[i].thematicBreak || (blocks[i].headingDepth ?? 7) <= level)) {
      level = 0;
      continue;
    }
    if (level > 0) panes[i] = { pane, group };
  }
  return panes;
}
