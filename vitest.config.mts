import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The real module throws outside React Server Components; tests call the data layer directly.
      "server-only": path.resolve(import.meta.dirname, "vitest.server-only.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
