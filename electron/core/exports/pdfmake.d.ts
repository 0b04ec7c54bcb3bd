// Minimal types for the parts of pdfmake 0.3 (server build) that the exports use; it ships none.
declare module 'pdfmake' {
  type OutputDocument = { getBuffer(): Promise<Buffer> };
  const pdfmake: {
    virtualfs: { writeFileSync(name: string, content: Buffer): void; existsSync(name: string): boolean };
    setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
    createPdf(doc: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  };
  export default pdfmake;
}

declare module 'pdfmake/build/vfs_fonts.js' {
  /** file name → base64 content of the Roboto fonts */
  const vfs: Record<string, string>;
  export default vfs;
}
