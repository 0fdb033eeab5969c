import type { InstanceInfo } from './instance.service';

/**
 * Hook0's instance configuration object. Tokens here are opaque random values, not Biscuits, so there is no
 * Biscuit public key to publish (an empty string keeps the field a string for typed clients); migrations run
 * as their own step (`npm run migrate`), never inside the API process.
 */
export function toInstanceView(info: InstanceInfo) {
  return {
    biscuit_public_key: '',
    registration_disabled: info.registrationDisabled,
    password_minimum_length: info.passwordMinimumLength,
    auto_db_migration: false,
    application_secret_compatibility: info.applicationSecretCompatibility,
    quota_enforcement: info.quotaEnforcement,
    matomo: null,
    formbricks: null,
    support_email_address: info.supportEmailAddress,
    cloudflare_turnstile_site_key: null,
  };
}
