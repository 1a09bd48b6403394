// Unit test config: every *.test.ts(x) under test/unit; files may opt into the node environment.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'jsdom', setupFiles: [] } });
