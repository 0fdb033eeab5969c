import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';

export interface CapturedBody {
  readonly bytes: Buffer;
  readonly truncated: boolean;
}

/** Reads at most `maxBytes` of a response body, then destroys the stream; an abort of `signal` fails the read. */
export async function readCapped(stream: Readable, maxBytes: number, signal: AbortSignal): Promise<CapturedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const onAbort = () => stream.destroy(new Error('response body read aborted'));
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort);
  try {
    if (maxBytes === 0) {
      stream.destroy();
      return { bytes: Buffer.alloc(0), truncated: false };
    }
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      const room = maxBytes - size;
      if (buffer.length >= room) {
        chunks.push(buffer.subarray(0, room));
        truncated = buffer.length > room;
        break;
      }
      chunks.push(buffer);
      size += buffer.length;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (!stream.destroyed && !stream.readableEnded) stream.destroy();
  }
  return { bytes: Buffer.concat(chunks), truncated };
}

/** UTF-8 text when the bytes are valid UTF-8 without NUL (PostgreSQL text cannot hold it), else base64. */
export function encodeBody({ bytes, truncated }: CapturedBody): string {
  const text = truncated ? withoutIncompleteTail(bytes) : bytes;
  if (isUtf8(text) && !text.includes(0)) return text.toString('utf8');
  return bytes.toString('base64');
}

/** Drops a multi-byte UTF-8 sequence cut by truncation. */
function withoutIncompleteTail(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) !== 0x80) {
      const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return expected > back ? bytes.subarray(0, bytes.length - back) : bytes;
    }
  }
  return bytes;
}

/** Lower-case names and string values; repeated headers joined with ", ". */
export function normalizeHeaders(raw: Record<string, unknown>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  }
  return headers;
}
