/** How an event's payload is shown: the API gives the stored bytes in base64, with the content type it was sent as. */
export type PayloadView =
  | { readonly kind: 'empty' }
  | { readonly kind: 'json'; readonly text: string }
  | { readonly kind: 'invalid-json'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'base64'; readonly text: string; readonly reason: 'binary' | 'not-utf8' };

const BASE64_CONTENT_TYPE = 'application/octet-stream+base64';

/** The bytes as UTF-8 text, or null when they are not valid UTF-8 (or not valid base64). */
export function decodeUtf8(base64: string): string | null {
  try {
    const binary = atob(base64);
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function isJsonContentType(contentType: string): boolean {
  const essence = contentType.split(';')[0].trim().toLowerCase();
  return essence === 'application/json' || essence.endsWith('+json');
}

/** JSON pretty-printed, text as text, binary (or bytes that are not UTF-8) as the base64 the API gave. */
export function payloadView(base64: string, contentType: string): PayloadView {
  if (base64 === '') return { kind: 'empty' };
  if (contentType.trim().toLowerCase() === BASE64_CONTENT_TYPE) return { kind: 'base64', text: base64, reason: 'binary' };
  const text = decodeUtf8(base64);
  if (text === null) return { kind: 'base64', text: base64, reason: 'not-utf8' };
  if (!isJsonContentType(contentType)) return { kind: 'text', text };
  try {
    return { kind: 'json', text: JSON.stringify(JSON.parse(text), null, 2) };
  } catch {
    return { kind: 'invalid-json', text };
  }
}

/** One sentence telling the reader how the payload below is shown. */
export function describePayloadView(view: PayloadView): string {
  switch (view.kind) {
    case 'empty':
      return 'The payload is empty.';
    case 'json':
      return 'JSON, pretty-printed.';
    case 'invalid-json':
      return 'Sent as JSON but does not parse as JSON: shown as text.';
    case 'text':
      return 'Text.';
    case 'base64':
      return view.reason === 'binary' ? 'Binary, shown as base64.' : 'Not valid UTF-8 text: shown as base64.';
  }
}
