export function startServer(options?: {
  root?: string;
  base?: string;
  port?: number;
  host?: string;
  /** Send COOP / COEP / CORP on every response, so that pages are cross-origin isolated. */
  isolated?: boolean;
}): Promise<{ url: string; close: () => Promise<void> }>;
export const ISOLATION_HEADERS: Readonly<Record<string, string>>;
