import { describe, expect, it } from 'vitest';
import { collapsiblePanels, docfxTabPanes, inTabContainers, type ContainerBlock } from '../src/text/containers.js';

const block = (raw: string, code = false, indented = false): ContainerBlock => ({ raw, code, indented });

describe('inTabContainers', () => {
  it('marks Hugo panes from the opening shortcode to the closer on the same line as another', () => {
    const blocks = [block('Intro.'), block('{{< tabpane >}} {{% tab Go %}}'), block('Text.'), block('{{% /tab %}} {{% tab Java %}}'), block('Text.'), block('{{% /tab %}} {{< /tabpane >}}'), block('After.')];
    expect(inTabContainers(blocks)).toEqual([false, true, true, true, true, true, false]);
  });

  it('marks MDX <Tabs>/<TabItem>, code groups and MkDocs tabs, but not syntax shown in a code block', () => {
    expect(inTabContainers([block('<Tabs>'), block('<TabItem value="a">'), block('A.'), block('</TabItem>'), block('</Tabs>'), block('B.')])).toEqual([true, true, true, true, true, false]);
    expect(inTabContainers([block('::: code-group'), block('```sh\nnpm i\n```', true), block(':::'), block('C.')])).toEqual([true, true, true, false]);
    expect(inTabContainers([block('=== "Linux"'), block('    apt install x', true, true), block('D.')])).toEqual([true, true, false]);
    expect(inTabContainers([block('```mdx\n<Tabs>\n```', true), block('E.')])).toEqual([false, false]);
  });

  it('marks the Vue docs preference switches up to the </div> that closes each, nested <div>s counted', () => {
    const blocks = [block('Intro.'), block('<div class="composition-api">\n<div class="sfc">'), block('```js\nimport A\n```', true), block('</div>\n</div>'), block('<div class="options-api">'), block('Text.'), block('<div class="note">'), block('Inner.'), block('</div>'), block('Still inside.'), block('</div>'), block('After.')];
    expect(inTabContainers(blocks)).toEqual([false, true, true, true, true, true, true, true, true, true, true, false]);
    // Another class is no switch; one left open marks nothing.
    expect(inTabContainers([block('<div class="warning">'), block('Text.'), block('</div>'), block('After.')])).toEqual([false, false, false, false]);
    expect(inTabContainers([block('<div class="sfc">'), block('Text.'), block('More.')])).toEqual([false, false, false]);
  });
});

describe('docfxTabPanes', () => {
  const panesOf = (blocks: ReturnType<typeof block>[]) => docfxTabPanes(blocks).map((place) => (place ? `${place.group}.${place.pane}` : '-'));
  // Headings and thematic breaks as the parser reports them.
  const heading = (raw: string, depth: number): ContainerBlock => ({ ...block(raw), headingDepth: depth });
  const rule = (raw = '---'): ContainerBlock => ({ ...block(raw), thematicBreak: true });

  it('numbers each pane from its `[Title](#tab/id)` heading to the thematic break that ends the group', () => {
    const blocks = [block('Intro.'), heading('# [Function command](#tab/noui)', 1), heading('### Configure', 3), block('Step.'), heading('# <a name="task-pane"></a>[Task pane](#tab/taskpane)', 1), heading('### Configure', 3), block('Step.'), rule(), heading('## Test', 2), block('After.')];
    expect(panesOf(blocks)).toEqual(['-', '1.1', '1.1', '1.1', '1.2', '1.2', '1.2', '-', '-', '-']);
  });

  it('ends the group at a heading of its level that is no tab, or runs to the end; a second group counts on', () => {
    expect(panesOf([heading('## [<a name="win"></a>Windows](#tab/windows/)', 2), block('A.'), heading('## Next', 2), block('B.'), heading('## [macOS](#tab/macos)', 2), heading('### Deeper', 3), block('C.')])).toEqual(['1.1', '1.1', '-', '-', '2.2', '2.2', '2.2']);
    // A setext heading of the group's level ends it; a shallower tab heading opens a new group.
    expect(panesOf([heading('# [A](#tab/a)', 1), block('A.'), heading('Next\n====', 1), block('B.')])).toEqual(['1.1', '1.1', '-', '-']);
    expect(panesOf([heading('### [A](#tab/a)', 3), block('A.'), heading('## [B](#tab/b)', 2), block('B.')])).toEqual(['1.1', '1.1', '2.2', '2.2']);
    // A link to a tab in prose, a heading whose link is only part of it, or one in a code block is no pane.
    expect(panesOf([block('See [Windows](#tab/windows).'), heading('## Install on [Windows](#tab/windows)', 2), block('# [A](#tab/a)', true), block('A.')])).toEqual(['-', '-', '-', '-']);
  });
});


describe('inTabContainers ignores mentions', () => {
  it('a <Tabs> in inline code or prose, or a container never closed, marks nothing', () => {
    expect(inTabContainers([block('Use the `<Tabs>` component for panes.'), block('Text.')])).toEqual([false, false]);
    expect(inTabContainers([block('<Tabs>'), block('Text.'), block('More.')])).toEqual([false, false, false]);
    expect(inTabContainers([block('::: code-group'), block('Text.')])).toEqual([false, false]);
  });
});

describe('collapsiblePanels', () => {
  it('numbers each panel from its opener to its closer, whatever the syntax', () => {
    const blocks = [block('Intro.'), block("{% Details %} {% DetailsSummary 'h3' %} How: A{% endDetailsSummary %}"), block('Step.'), block('{% endDetails %}'), block('<details><summary>More</summary>'), block('Text.'), block('</details>'), block('::: details Answer'), block('Yes.'), block(':::'), block('After.')];
    expect(collapsiblePanels(blocks)).toEqual([0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 0]);
  });

  it('closes a panel opened and closed in one paragraph, ignores code and panels left open', () => {
    expect(collapsiblePanels([block('{% Details %} Why? Because. {% endDetails %}'), block('After.')])).toEqual([1, 0]);
    expect(collapsiblePanels([block('```md\n<details>\n```', true), block('Text.')])).toEqual([0, 0]);
    expect(collapsiblePanels([block('Intro.'), block('<DeepDive>'), block('Text.')])).toEqual([0, 0, 0]);
  });
});
