import type { RefusalReason } from '../../src/webhook-verification';

/** The four refusals these cases expect; the two others (no header, unparsable header) are unit-tested elsewhere. */
export type SignatureRefusal = Extract<
  RefusalReason,
  'code_not_hexadecimal' | 'header_not_delivered' | 'code_mismatch' | 'outside_tolerance'
>;

export const SIGNATURE_REFUSALS: readonly SignatureRefusal[] = [
  'code_not_hexadecimal',
  'header_not_delivered',
  'code_mismatch',
  'outside_tolerance',
];

/** What every case verifies against: one delivery, checked at one instant. Only the signature header varies. */
export const SIGNED_DELIVERY = {
  secret: 'a-subscription-secret',
  body: '{"event":"user.created"}',
  headers: [
    ['x-event-id', 'evt-1'],
    ['x-delivery-id', 'dlv-1'],
    ['content-type', 'application/json'],
  ] as const satisfies readonly (readonly [string, string])[],
  nowSeconds: 1800000000,
  toleranceSeconds: 300,
};

export interface SignatureCase {
  readonly title: string;
  /** The `X-Hook0-Signature` value as received. */
  readonly signatureHeader: string;
  readonly outcome: 'accepted' | SignatureRefusal;
}

/** Every correct code here can be recomputed with any HMAC-SHA256 tool from the layouts in README.md; none comes from this SDK. */
export const SIGNATURE_CASES: readonly SignatureCase[] = [
  {
    title: 'v0 only, correct code',
    signatureHeader: 't=1800000000,v0=d17d66b66fca89390c5b967c45e8928fc732db07a0aabe8167b1e98213081ffe',
    outcome: 'accepted',
  },
  {
    title: 'v1 over x-event-id then x-delivery-id, correct code',
    signatureHeader: 't=1800000000,h=x-event-id x-delivery-id,v1=19a6fb8f6581715b241a93af02a58611c3b0ac7b747a8d2a5b120ee418d0c347',
    outcome: 'accepted',
  },
  {
    title: 'v1 correct beside a wrong v0: only v1 is checked',
    signatureHeader:
      't=1800000000,h=x-event-id x-delivery-id,v0=bf5f4e5fe0c9143510ae192f983316a09ed392d0104d2ce0faa3d7bce3687acb,v1=19a6fb8f6581715b241a93af02a58611c3b0ac7b747a8d2a5b120ee418d0c347',
    outcome: 'accepted',
  },
  {
    title: 'v1 wrong beside a correct v0: no fallback to v0',
    signatureHeader:
      't=1800000000,h=x-event-id x-delivery-id,v0=d17d66b66fca89390c5b967c45e8928fc732db07a0aabe8167b1e98213081ffe,v1=bf5f4e5fe0c9143510ae192f983316a09ed392d0104d2ce0faa3d7bce3687acb',
    outcome: 'code_mismatch',
  },
  {
    title: 'h lists the headers reversed, code computed in the original order',
    signatureHeader: 't=1800000000,h=x-delivery-id x-event-id,v1=19a6fb8f6581715b241a93af02a58611c3b0ac7b747a8d2a5b120ee418d0c347',
    outcome: 'code_mismatch',
  },
  {
    title: 'h lists the headers reversed, code computed in that reversed order',
    signatureHeader: 't=1800000000,h=x-delivery-id x-event-id,v1=bf5f4e5fe0c9143510ae192f983316a09ed392d0104d2ce0faa3d7bce3687acb',
    outcome: 'accepted',
  },
  {
    title: 'h names x-missing, which the request lacks',
    signatureHeader: 't=1800000000,h=x-event-id x-missing,v1=19a6fb8f6581715b241a93af02a58611c3b0ac7b747a8d2a5b120ee418d0c347',
    outcome: 'header_not_delivered',
  },
  {
    title: 'v0 whose last character is z',
    signatureHeader: 't=1800000000,v0=d17d66b66fca89390c5b967c45e8928fc732db07a0aabe8167b1e98213081ffz',
    outcome: 'code_not_hexadecimal',
  },
  {
    title: 'v0 of 63 hex digits (odd length)',
    signatureHeader: 't=1800000000,v0=d17d66b66fca89390c5b967c45e8928fc732db07a0aabe8167b1e98213081ff',
    outcome: 'code_not_hexadecimal',
  },
  {
    title: 't 301 s before now, correct code for that t',
    signatureHeader: 't=1799999699,v0=4168cc6c683357e103055b48584715f12e2baa4e679b8e076254247f11edf34d',
    outcome: 'outside_tolerance',
  },
  {
    title: 't 301 s after now, correct code for that t',
    signatureHeader: 't=1800000301,v0=ba4b79e449ae52edb505b6baa07380be2baa6e0c4c6fec3b9a01c85d47a4935f',
    outcome: 'outside_tolerance',
  },
  {
    title: 't exactly 300 s before now: the tolerance is inclusive',
    signatureHeader: 't=1799999700,v0=f9689580483e051113d28de23c1658c509da2b00e7bc15a5aaa83b8bdf83ff81',
    outcome: 'accepted',
  },
];
