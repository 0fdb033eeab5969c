import type { ResponseEntity } from '@hook0/db';

/** docs/hook0-compatibility.md "Responses". */
export function toResponseView(response: ResponseEntity) {
  return {
    response_id: response.responseId,
    response_error_name: response.responseErrorName,
    http_code: response.httpCode,
    headers: response.headers,
    body: response.body,
    elapsed_time_ms: response.elapsedTimeMs,
  };
}
