import { readFileSync } from 'node:fs';

interface PackageInfo {
  name: string;
  version: string;
  homepage?: string;
}

let info: PackageInfo | undefined;

/** name, version and homepage from package.json, read once when first needed. */
export function packageInfo(): PackageInfo {
  // dist/src/meta.js or dist/bundle/cli.js in the package, src/meta.ts when run from sources (tests).
  info ??= JSON.parse(readFileSync(new URL(import.meta.url.includes('/dist/') ? '../../package.json' : '../package.json', import.meta.url), 'utf8')) as PackageInfo;
  return info;
}

/** Where the project lives (the README); rule documentation sits under rules/ there. */
export function homepage(): string {
  return (packageInfo().homepage ?? 'https://github.com/scrapelint/scrapelint').replace(/#.*$/, '');
}

/** The documentation page of a rule, for reports that can carry a link. */
export function ruleDocsUrl(ruleId: string): string {
  return `${homepage()}/blob/main/rules/${ruleId}.md`;
}
