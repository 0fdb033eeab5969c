import type { ServiceTokenEntity } from '@hook0/db';

/**
 * Hook0's ServiceToken (docs/hook0-compatibility.md "Service tokens"). `biscuit` carries the token itself only in the response that created it;
 * it is stored as a hash, so afterwards `biscuit` holds its hint (`hk0_st_AbCdEf…`), a string that identifies the
 * token to a person but authenticates nothing.
 */
export function toServiceTokenView(token: ServiceTokenEntity, clearValue?: string) {
  return { token_id: token.tokenId, name: token.name, biscuit: clearValue ?? token.tokenHint, created_at: token.createdAt };
}
