// Lint rules: typescript-eslint's recommended set, Solid's rules, and the layering rule from CONTRIBUTING.md:
// the UI never imports yjs, y-webrtc or idb directly; it goes through doc/, persistence/ and sync/.
import tseslint from "typescript-eslint";
import solid from "eslint-plugin-solid/configs/typescript";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "dev-dist/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}", "src/App.tsx", "src/main.tsx"],
    ...solid,
    rules: {
      ...solid.rules,
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "yjs", message: "UI reads and writes through src/doc, never Yjs directly." },
            { name: "y-webrtc", message: "UI goes through src/sync." },
            { name: "idb", message: "UI goes through src/persistence." },
          ],
        },
      ],
    },
  },
);
