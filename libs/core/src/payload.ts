export const PAYLOAD_CONTENT_TYPES = ['text/plain', 'application/json', 'application/octet-stream+base64'] as const;
export type PayloadContentType = (typeof PAYLOAD_CONTENT_TYPES)[number];

export function isPayloadContentType(value: string): value is PayloadContentType {
  return (PAYLOAD_CONTENT_TYPES as readonly string[]).includes(value);
}

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export type DecodedPayload = { ok: true; bytes: Buffer } | { ok: false; problem: 'EventInvalidBase64Payload' | 'EventInvalidJsonPayload' };

/** The bytes to store and deliver for an ingested payload (docs/hook0-compatibility.md "Events"). */
export function decodePayload(payload: string, contentType: PayloadContentType): DecodedPayload {
  switch (contentType) {
    case 'application/octet-stream+base64':
      if (!STANDARD_BASE64.test(payload)) return { ok: false, problem: 'EventInvalidBase64Payload' };
      return { ok: true, bytes: Buffer.from(payload, 'base64') };
    case 'application/json':
      try {
        JSON.parse(payload);
      } catch {
        return { ok: false, problem: 'EventInvalidJsonPayload' };
      }
      return { ok: true, bytes: Buffer.from(payload, 'utf8') };
    case 'text/plain':
      return { ok: true, bytes: Buffer.from(payload, 'utf8') };
  }
}

/** C0/C1 control characters, which Hook0 rejects in names. */
export function hasControlCharacters(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return /[\u0000-\u001f\u007f-\u009f]/.test(value);
}
