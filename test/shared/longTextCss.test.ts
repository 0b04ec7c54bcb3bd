import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// jsdom applies no stylesheet, so the rule that keeps a 5,000-character word from widening the page is read here
describe('long free text stylesheet', () => {
  it('wraps anywhere and folds to a few lines', () => {
    const css = fs.readFileSync('renderer/components/longText.css', 'utf8');
    expect(css).toMatch(/\.long-text \{[^}]*overflow-wrap: anywhere/);
    expect(css).toMatch(/\.long-text \{[^}]*max-width: 100%/);
    expect(css).toMatch(/\.long-text-folded \{[^}]*-webkit-line-clamp: 4/);
  });
});
