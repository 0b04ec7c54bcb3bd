// Types for the plain-JS build script, so tests (TypeScript) can call it.
export declare function buildElectron(opts?: { quiet?: boolean; outdir?: string }): Promise<void>;
