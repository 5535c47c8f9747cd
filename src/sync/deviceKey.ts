// This tablet's identity among a community's tablets: an ECDSA P-256 key pair made once and kept in
// IndexedDB as CryptoKey objects; the public key, base64url of its raw form, is the tablet's id in a
// community's member list. The pair is extractable so that the tablet's backup copy can hold it: a tablet
// whose browser loses its database is still the same tablet to its peers (CONTRIBUTING.md says why this
// costs no protection: whoever can read the backup files can already use the tablet's keys in place).
import { openDB } from "idb";
import { fromBase64UrlEncoded, toBase64UrlEncoded } from "lib0/buffer";

export interface DeviceIdentity {
  /** base64url of the raw public key (65 bytes): 87 characters. */
  id: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGNING = { name: "ECDSA", hash: "SHA-256" } as const;
const DB_NAME = "yishi-device";
const STORE = "keys";
const KEY_NAME = "identity";

/** The bytes of a base64url device id a peer sent, or null when it is not one. Never throws. */
function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    return fromBase64UrlEncoded(text);
  } catch {
    return null;
  }
}

/** A new identity (not stored): for tests and for a tablet whose storage refuses keys. */
export async function newDeviceIdentity(
  extractable = false,
): Promise<{ identity: DeviceIdentity; pair: CryptoKeyPair }> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, extractable, ["sign", "verify"]);
  return { identity: await identityOf(pair), pair };
}

async function identityOf(pair: CryptoKeyPair): Promise<DeviceIdentity> {
  const raw = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
  return {
    id: toBase64UrlEncoded(raw),
    sign: async (data) =>
      new Uint8Array(await crypto.subtle.sign(SIGNING, pair.privateKey, data as BufferSource)),
  };
}

/** True when `signature` over `data` was made by the tablet whose id is `deviceId`. Never throws. */
export async function verifyDevice(
  deviceId: string,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  const raw = fromBase64Url(deviceId);
  if (!raw || raw.length !== 65) return false;
  try {
    const key = await crypto.subtle.importKey("raw", raw as BufferSource, ALGORITHM, false, ["verify"]);
    return await crypto.subtle.verify(SIGNING, key, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

let loading: Promise<DeviceIdentity> | null = null;

/** This tablet's identity, made and stored on first use. Storage refused: one for this visit only. */
export function deviceIdentity(): Promise<DeviceIdentity> {
  return (loading ??= load());
}

async function load(): Promise<DeviceIdentity> {
  try {
    const db = await openDB(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore(STORE) });
    try {
      const stored = (await db.get(STORE, KEY_NAME)) as CryptoKeyPair | undefined;
      if (stored?.privateKey && stored.publicKey) return await identityOf(stored);
      const { identity, pair } = await newDeviceIdentity(true);
      await db.put(STORE, pair, KEY_NAME);
      return identity;
    } finally {
      db.close();
    }
  } catch {
    return (await newDeviceIdentity()).identity;
  }
}

/** The stored key pair as JWKs, for the backup copy; null when there is none or it cannot be exported. */
export async function exportDeviceKey(): Promise<{ privateKey: JsonWebKey; publicKey: JsonWebKey } | null> {
  try {
    const db = await openDB(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore(STORE) });
    try {
      const stored = (await db.get(STORE, KEY_NAME)) as CryptoKeyPair | undefined;
      if (!stored?.privateKey.extractable) return null; // made by an earlier version: it stays in place
      const [privateKey, publicKey] = await Promise.all([
        crypto.subtle.exportKey("jwk", stored.privateKey),
        crypto.subtle.exportKey("jwk", stored.publicKey),
      ]);
      return { privateKey, publicKey };
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Puts back a key pair the backup copy held, when this browser holds none (its database was lost).
 * Resolves true when restored. Call before the first `deviceIdentity()`.
 */
export async function restoreDeviceKey(jwk: {
  privateKey: JsonWebKey;
  publicKey: JsonWebKey;
}): Promise<boolean> {
  try {
    const db = await openDB(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore(STORE) });
    try {
      if (await db.get(STORE, KEY_NAME)) return false;
      const [privateKey, publicKey] = await Promise.all([
        crypto.subtle.importKey("jwk", jwk.privateKey, ALGORITHM, true, ["sign"]),
        crypto.subtle.importKey("jwk", jwk.publicKey, ALGORITHM, true, ["verify"]),
      ]);
      await db.put(STORE, { privateKey, publicKey } satisfies CryptoKeyPair, KEY_NAME);
      loading = null;
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** True when this browser holds a stored key pair (false when its database was lost). Never rejects. */
export async function hasDeviceKey(): Promise<boolean> {
  try {
    const db = await openDB(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore(STORE) });
    try {
      return (await db.get(STORE, KEY_NAME)) !== undefined;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
