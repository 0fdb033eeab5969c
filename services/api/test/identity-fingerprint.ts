import type { DatabaseProbe } from './database-probe';

/**
 * The probe's fingerprint of the delivery tables, plus every row of the identity tables (organizations, members,
 * users, sessions, tokens), of events and of responses: any write by a refused request changes it.
 */
export async function fullFingerprint(probe: DatabaseProbe): Promise<string> {
  const [row] = await probe.query<{ digest: string }>(
    `SELECT md5(string_agg(t, '|' ORDER BY t)) AS digest FROM (
       SELECT row_to_json(x)::text AS t FROM organization x UNION ALL
       SELECT row_to_json(x)::text FROM organization_member x UNION ALL
       SELECT row_to_json(x)::text FROM service_token x UNION ALL
       SELECT row_to_json(x)::text FROM app_user x UNION ALL
       SELECT row_to_json(x)::text FROM user_session x UNION ALL
       SELECT row_to_json(x)::text FROM user_token x UNION ALL
       SELECT row_to_json(x)::text FROM response x UNION ALL
       SELECT row_to_json(x)::text FROM event x) rows`,
  );
  return `${await probe.fingerprint()}:${row.digest ?? ''}`;
}
