export interface Budget {
  pages: RegExp;
  label: string;
  js: number;
  css: number;
}
export const BUDGETS: Budget[];
export function pageAssets(html: string): {
  scripts: string[];
  styles: string[];
  inlineJs: string[];
  inlineCss: string[];
};
export function staticImports(code: string): string[];
export function measure(dir: string, base?: string): { page: string; js: number; css: number; budget: Budget }[];
