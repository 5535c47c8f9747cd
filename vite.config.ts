/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { VitePWA } from "vite-plugin-pwa";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// vite-plugin-solid adds the "browser" resolve condition in test mode, which picks ws's browser stub; the
// server code under test needs ws's Node entry.
const WS_NODE_ENTRY = join(dirname(createRequire(import.meta.url).resolve("ws")), "wrapper.mjs");

const CORE =
  /[\\/]src[\\/](doc|persistence|reactive|i18n[\\/](i18n|zh)\.ts|sync[\\/](deviceSettings|shareCode)\.ts)/;
const LAZY =
  /(sampleData|adoptTalkPoints|upgradeRegister|communitySync|communityDocs|communityRelay|pairCommunity|pairThroughRelay|importArchive|rescueArchive|archive|docx|markdown|csv|minutesModel|minutesStrings|community[\\/]report)/;

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      // "prompt": a new version waits until the user agrees, so no typing is lost mid-session.
      registerType: "prompt",
      injectRegister: false,
      manifest: {
        name: "議事 Yishi",
        short_name: "議事",
        description: "社区说事点议事平板 · Community deliberation table",
        lang: "zh-CN",
        display: "standalone",
        orientation: "any",
        theme_color: "#b3261e",
        background_color: "#fffbf7",
        icons: [
          { src: "icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,png,svg,webmanifest}"],
        navigateFallbackDenylist: [/^\/signal/],
      },
    }),
  ],
  build: {
    target: "es2022",
    sourcemap: false,
    rolldownOptions: {
      output: {
        // What every start needs (documents, storage, the Yjs bridge, Chinese) in one chunk instead of the
        // dozens of small shared chunks that lazy pages leave behind; lazily loaded work stays apart.
        advancedChunks: {
          groups: [{ name: "core", test: (id: string) => CORE.test(id) && !LAZY.test(id), priority: 10 }],
        },
      },
    },
  },
  server: { host: "127.0.0.1" },
  test: {
    // Set here too: vite-plugin-solid would otherwise default the environment to jsdom, which we don't use.
    environment: "node",
    alias: [{ find: /^ws$/, replacement: WS_NODE_ENTRY }],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.{ts,tsx}"],
          setupFiles: ["tests/setup/dictionaries.ts"],
          exclude: ["tests/e2e/**", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          expect: { poll: { timeout: 15_000, interval: 50 } },
          hookTimeout: 120_000,
          // Each e2e file starts its own server and browsers: run them one at a time on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
