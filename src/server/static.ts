// Serves the built app from dist/: safe paths, right content types, no-cache for the shell, long cache for assets.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pipeline } from "node:stream";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The file under `root` that the raw request path `urlPath` names, or null when it is malformed or has a `..`
 * segment (plain, percent-encoded or with backslashes): browsers never send one, so it is refused, not resolved.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.split(/[\\/]/).includes("..")) return null;
  const full = resolve(root, "." + normalize("/" + decoded));
  return full === root || full.startsWith(root + sep) ? full : null;
}

/** Sends `file` once it is open: a file that cannot be opened is a 500, a read failing later cuts the response. */
function sendFile(res: ServerResponse, file: string, headers: OutgoingHttpHeaders): void {
  const stream = createReadStream(file);
  stream.once("error", () => {
    if (res.headersSent) res.destroy();
    else res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("cannot read the file");
  });
  stream.once("open", () => {
    res.writeHead(200, headers);
    // pipeline destroys the response on a read error and the file stream when the client goes away.
    pipeline(stream, res, () => {});
  });
}

/** A request handler serving `distDir`; unknown paths without an extension get index.html (the app shell). */
export function createStaticHandler(distDir: string) {
  const root = resolve(distDir);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    // The raw path, not `new URL(…).pathname`: that would quietly resolve `..` segments instead of refusing them.
    const pathname = (req.url ?? "/").split(/[?#]/, 1)[0]!;
    let file = pathname.startsWith("/") ? resolveInside(root, pathname) : null;
    if (!file) {
      res.writeHead(400).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, "index.html");
      info = await stat(file).catch(() => null);
    }
    if (!info && extname(pathname) === "") {
      file = join(root, "index.html");
      info = await stat(file).catch(() => null);
    }
    if (!info || !info.isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const name = file.slice(root.length + 1);
    const immutable = name.startsWith("assets" + sep);
    const headers = {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Length": info.size,
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
    };
    if (req.method === "HEAD") res.writeHead(200, headers).end();
    else sendFile(res, file, headers);
  };
}
