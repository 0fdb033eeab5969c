import { Hook0RequestError } from './errors';

/** Largest payload one send carries (docs/sdk.md "Conformance"). */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

export type PayloadContentType = 'application/json' | 'text/plain' | 'application/octet-stream+base64';

export interface EncodedPayload {
  readonly payload: string;
  readonly payload_content_type: PayloadContentType;
}

/**
 * The ingest body's `payload` and `payload_content_type` (docs/hook0-compatibility.md "Events"): bytes go as base64, a string as given (text
 * unless told otherwise), anything else as JSON.
 */
export function encodePayload(payload: unknown, contentType?: PayloadContentType): EncodedPayload {
  const encoded: EncodedPayload =
    payload instanceof Uint8Array
      ? { payload: Buffer.from(payload).toString('base64'), payload_content_type: 'application/octet-stream+base64' }
      : typeof payload === 'string'
        ? { payload, payload_content_type: contentType ?? 'text/plain' }
        : { payload: JSON.stringify(payload) ?? 'null', payload_content_type: 'application/json' };
  const size = Buffer.byteLength(encoded.payload, 'utf8');
  if (size > MAX_PAYLOAD_BYTES) throw new Hook0RequestError(`payload of ${size} bytes, above ${MAX_PAYLOAD_BYTES}`);
  return encoded;
}
