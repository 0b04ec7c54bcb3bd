// Types for the plain-JS stamp helpers, so tests (TypeScript) can call them.
export declare const RENDERER_SOURCES: readonly string[];
export declare const STAMP_NAME: string;
export declare function rendererSourcesHash(root: string, sources?: readonly string[]): string;
export declare function isRendererBuildFresh(root: string, outDir: string, sources?: readonly string[]): boolean;
export declare function writeRendererStamp(root: string, outDir: string, sources?: readonly string[]): void;
