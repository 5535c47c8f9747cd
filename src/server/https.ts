// The certificate for HTTPS on the LAN (a secure context for service workers, wake lock and crypto.subtle):
// the user's own, or a self-signed one made on first start and kept in .certs/ for later starts.
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { generate } from "selfsigned";

export interface Certificate {
  cert: string;
  key: string;
  /** True when it was made just now. */
  generated: boolean;
  /** Where the certificate is, to copy it to tablets that should trust it. */
  certFile: string;
}

export interface CertificateOptions {
  certPath?: string;
  keyPath?: string;
  /** Folder for the generated certificate. */
  dir?: string;
  /** Names and IPv4 addresses the certificate must cover. */
  hosts: string[];
}

const VALID_DAYS = 730;
const CERT_NAME = "yishi-cert.pem";
const KEY_NAME = "yishi-key.pem";

/** True when `cert` is valid now (and a week from now) and names every host. */
export function coversHosts(cert: string, hosts: string[]): boolean {
  try {
    const x509 = new X509Certificate(cert);
    const weekAhead = Date.now() + 7 * 86_400_000;
    if (new Date(x509.validTo).getTime() < weekAhead) return false;
    const names = parseAltNames(x509.subjectAltName ?? "");
    const covered = (h: string) =>
      names.some((n) =>
        n.type === "DNS"
          ? n.value.toLowerCase() === h.toLowerCase()
          : n.type === "IP Address" && n.value === h,
      );
    return hosts.every(covered);
  } catch {
    return false;
  }
}

/**
 * The entries of Node's `subjectAltName` text (`DNS:a, IP Address:1.2.3.4`). Node quotes a value that has a
 * comma or quote in it as a JSON string (`DNS:"a, b"`), so a split on ", " alone could be fooled by one.
 */
export function parseAltNames(san: string): { type: string; value: string }[] {
  const entries: { type: string; value: string }[] = [];
  const entry = /\s*([^:,]+):("(?:[^"\\]|\\.)*"|[^,]*)\s*(?:,|$)/gy;
  let match: RegExpExecArray | null;
  while (entry.lastIndex < san.length && (match = entry.exec(san))) {
    const [, type, raw] = match;
    try {
      entries.push({ type: type!, value: raw!.startsWith('"') ? (JSON.parse(raw!) as string) : raw! });
    } catch {
      return []; // a value we cannot read covers nothing
    }
  }
  return entries;
}

/**
 * The user's certificate when paths are given (a clear error when unreadable), else the stored self-signed
 * one, regenerated when it has expired or does not cover the current addresses.
 */
export async function loadOrCreateCertificate(options: CertificateOptions): Promise<Certificate> {
  if (options.certPath || options.keyPath) {
    if (!options.certPath || !options.keyPath)
      throw new Error("HTTPS needs both a certificate and a key file");
    const read = (path: string, what: string) => {
      try {
        return readFileSync(path, "utf8");
      } catch (error) {
        throw new Error(`cannot read the ${what} file ${path}: ${(error as Error).message}`);
      }
    };
    return {
      cert: read(options.certPath, "certificate"),
      key: read(options.keyPath, "key"),
      generated: false,
      certFile: resolve(options.certPath),
    };
  }
  const dir = resolve(options.dir ?? ".certs");
  const certFile = join(dir, CERT_NAME);
  const keyFile = join(dir, KEY_NAME);
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, "utf8");
    if (coversHosts(cert, options.hosts))
      return { cert, key: readFileSync(keyFile, "utf8"), generated: false, certFile };
  }
  const isIp = (h: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(h);
  const pems = await generate([{ name: "commonName", value: "Yishi local server" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: new Date(Date.now() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: options.hosts.map((h) =>
          isIp(h) ? { type: 7 as const, ip: h } : { type: 2 as const, value: h },
        ),
      },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(certFile, pems.cert);
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  return { cert: pems.cert, key: pems.private, generated: true, certFile };
}
