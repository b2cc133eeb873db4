export const WEB_APPS: string[];
export function buildWeb(root?: string): Promise<string>;
