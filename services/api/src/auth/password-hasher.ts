import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { HashingLimiter } from './hashing-limiter';

/** scrypt cost: N = 2^log2N, block size r, parallelism p. */
export interface ScryptCost {
  readonly log2N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * N = 2^15, r = 8, p = 3: one of OWASP's equally strong scrypt settings (Password Storage Cheat Sheet), the one
 * that keeps memory at 32 MiB per hash and buys strength with time (p runs sequentially in node:crypto).
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { log2N: 15, r: 8, p: 3 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/**
 * Hashes read back from the database are trusted only within these bounds, so a corrupt row cannot exhaust memory
 * or time: scrypt's working array (128 × r × N bytes) at most 32 MiB, p at most 16.
 */
const MAX_ARRAY_BYTES = 32 * 1024 * 1024;
const MAX_P = 16;

/** What scrypt allocates: its working array and the p blocks (OpenSSL refuses anything above `maxmem`). */
function memoryOf(cost: ScryptCost): number {
  return 128 * cost.r * (2 ** cost.log2N + cost.p + 2);
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** cost.log2N, r: cost.r, p: cost.p, maxmem: memoryOf(cost) };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function format(cost: ScryptCost, salt: Buffer, key: Buffer): string {
  return `$scrypt$ln=${cost.log2N},r=${cost.r},p=${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Password hashing with scrypt from node:crypto (memory-hard; runs on libuv's thread pool, not the event loop), every
 * derivation through the process's HashingLimiter. The stored form carries its own parameters and salt:
 * `$scrypt$ln=15,r=8,p=3$<salt b64>$<key b64>`, so verification reads the cost from the hash, and a hash made with
 * an older cost is replaced at the next successful login (needsRehash).
 */
export class PasswordHasher {
  /**
   * Verified against when no user matches, so that unknown emails cost the same time: a random key at the current
   * cost, which no password derives to (it is no hash of anything, so making it costs nothing).
   */
  private readonly decoy: string;

  constructor(
    private readonly limiter: HashingLimiter,
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {
    this.decoy = format(cost, randomBytes(SALT_BYTES), randomBytes(KEY_BYTES));
  }

  /** Throws 503 ServiceUnavailable (HashingOverloaded) when the process has too many hashes running and waiting. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await this.limiter.run(() => derive(password, salt, this.cost));
    return format(this.cost, salt, key);
  }

  /** Constant-time comparison of the derived key; false for a malformed stored hash. Throws as hash() does. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parseHash(stored);
    if (!parsed) return false;
    const key = await this.limiter.run(() => derive(password, parsed.salt, parsed.cost));
    return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  }

  /** Spends the time of one verification, for a login whose email matched nobody. */
  async verifyDecoy(password: string): Promise<false> {
    await this.verify(password, this.decoy);
    return false;
  }

  /** Whether a (valid) stored hash was made with another cost than the current one, and should be replaced. */
  needsRehash(stored: string): boolean {
    const parsed = parseHash(stored);
    if (!parsed) return false;
    const { log2N, r, p } = parsed.cost;
    return log2N !== this.cost.log2N || r !== this.cost.r || p !== this.cost.p;
  }
}

interface ParsedHash {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

export function parseHash(stored: string): ParsedHash | null {
  const match = FORMAT.exec(stored);
  if (!match) return null;
  const cost = { log2N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (cost.log2N < 1 || cost.r < 1 || cost.p < 1 || cost.p > MAX_P || 128 * cost.r * 2 ** cost.log2N > MAX_ARRAY_BYTES) return null;
  const salt = Buffer.from(match[4], 'base64');
  const key = Buffer.from(match[5], 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { cost, salt, key };
}
