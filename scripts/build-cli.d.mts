export const CLI_EXTERNAL: string[];
export function buildCli(opts?: { quiet?: boolean; outdir?: string }): Promise<string>;
