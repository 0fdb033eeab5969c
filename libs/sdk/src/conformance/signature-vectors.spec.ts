import { SIGNATURE_CASES, SIGNATURE_REFUSALS, SIGNED_DELIVERY, type SignatureCase } from '../../test/conformance/signature-cases';
import { verifyHook0Signature } from '../hook0-signature';
import { WebhookVerificationError } from '../webhook-verification';

const verify = (testCase: SignatureCase, secrets: string | readonly string[]) =>
  verifyHook0Signature({
    signature: testCase.signatureHeader,
    body: Buffer.from(SIGNED_DELIVERY.body),
    headers: SIGNED_DELIVERY.headers,
    secrets,
    toleranceSeconds: SIGNED_DELIVERY.toleranceSeconds,
    now: () => SIGNED_DELIVERY.nowSeconds * 1000,
  });

function outcomeOf(testCase: SignatureCase): string {
  try {
    verify(testCase, SIGNED_DELIVERY.secret);
    return 'accepted';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

/** Hook0 signature cases (docs/sdk.md "Conformance"): each accepted, or refused for the stated reason. */
describe('Hook0 signature conformance cases', () => {
  it('expect each of the four refusals at least once', () => {
    expect([...new Set(SIGNATURE_CASES.map((testCase) => testCase.outcome).filter((outcome) => outcome !== 'accepted'))].sort()).toEqual(
      [...SIGNATURE_REFUSALS].sort(),
    );
  });

  it.each(SIGNATURE_CASES.map((testCase) => [testCase.title, testCase] as const))('%s', (_title, testCase) => {
    expect(outcomeOf(testCase)).toBe(testCase.outcome);
  });

  it.each(SIGNATURE_CASES.filter((testCase) => testCase.outcome === 'accepted').map((testCase) => [testCase.title, testCase] as const))(
    '%s: also with the secret listed second, as during a rotation',
    (_title, testCase) => {
      expect(verify(testCase, ['some-other-secret', SIGNED_DELIVERY.secret])).toBe(Number(/t=(\d+)/.exec(testCase.signatureHeader)![1]));
    },
  );
});
