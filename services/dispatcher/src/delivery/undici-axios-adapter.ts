import { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { Dispatcher } from 'undici';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** The undici dispatcher (an Agent) the request goes through: it owns the connections and their guard. */
    dispatcher?: Dispatcher;
  }
}

/**
 * An axios adapter that sends through undici: axios stays the interface (config, headers, errors, the response
 * shape), undici does the HTTP/1.1 work. It covers what this service asks of axios: an absolute `url` (or one under
 * `baseURL`), `method`, `headers`, a Buffer or string `data`, `signal`, `validateStatus`, and `responseType: 'stream'`
 * (the body is returned unread, a Readable). undici follows no redirect and uses no proxy. Transport failures reject
 * with an AxiosError whose `cause` is undici's error (its `code` is one of `UND_ERR_*` or the socket's).
 */
export const undiciAdapter: AxiosAdapter = async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
  const dispatcher = config.dispatcher;
  if (dispatcher === undefined) throw new AxiosError('no undici dispatcher given to the request', AxiosError.ERR_BAD_OPTION, config);
  if (config.responseType !== 'stream') throw new AxiosError('the undici adapter returns streams only', AxiosError.ERR_BAD_OPTION, config);
  const url = config.baseURL === undefined ? new URL(String(config.url)) : new URL(String(config.url), config.baseURL);
  const method = (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod;
  const body = config.data === undefined || config.data === null ? null : (config.data as Buffer | string);
  let response: Dispatcher.ResponseData;
  try {
    response = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method,
      headers: headersOf(config.headers),
      body,
      signal: config.signal as AbortSignal | undefined,
    });
  } catch (error) {
    throw AxiosError.from(error as Error, (error as { code?: string }).code, config);
  }
  const axiosResponse: AxiosResponse = {
    data: response.body,
    status: response.statusCode,
    statusText: '',
    headers: AxiosHeaders.from(response.headers as Record<string, string | string[]>),
    config,
    request: null,
  };
  const validate = config.validateStatus;
  if (validate === undefined || validate === null || validate(response.statusCode)) return axiosResponse;
  response.body.destroy();
  const code = response.statusCode >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
  throw new AxiosError(`Request failed with status code ${response.statusCode}`, code, config, null, axiosResponse);
};

function headersOf(headers: InternalAxiosRequestConfig['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers.toJSON())) {
    if (value !== undefined && value !== null) flat[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}
