// Unit test config: every *.test.ts(x) under test/unit. Only component tests get a DOM: files
// named *.test.tsx or kept under test/unit/components/ run in jsdom; all others run in Node,
// because setting up jsdom for each file costs more than most of those tests take.
import { defineConfig } from 'vitest/config';

const domTests = ['test/unit/**/*.test.tsx', 'test/unit/components/**/*.test.ts'];

export default defineConfig({
  test: {
    // Rendering a PDF or PowerPoint file (in a test or its beforeAll) takes several seconds on a
    // busy two-core machine; the defaults (5 s, 10 s) made those fail on load, not on a defect.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: ['test/unit/**/*.test.ts'], exclude: domTests } },
      { extends: true, test: { name: 'dom', environment: 'jsdom', include: domTests } },
    ],
  },
});
