import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { ProblemError, problemBody } from '@hook0/core';
import { isDatabaseUnavailable } from '@hook0/db';
import { errorFields, type Logger } from '@hook0/observability';

/** A body the client is still sending when the answer is already known (a refusal before the route read it). */
function bodyStillArriving(req: Request): boolean {
  const declared = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
  return declared && !req.complete;
}

export function sendProblem(res: Response, error: ProblemError): void {
  // For the metrics, which tell some problems apart (see ingestOutcome).
  res.locals.problem = error;
  res.status(error.status);
  res.setHeader('Content-Type', 'application/problem+json');
  // Closing the connection after the answer spares reading the rest of a body nobody will use (Node would drain it to keep the connection alive).
  if (bodyStillArriving(res.req)) res.setHeader('Connection', 'close');
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  if (error.status === 503 && !error.headers['Retry-After']) res.setHeader('Retry-After', '5');
  res.send(JSON.stringify(problemBody(error)));
}

/** Body-parser failures, in Hook0's words. */
function fromBodyParser(error: { type?: string; status?: number; limit?: number }): ProblemError | null {
  switch (error.type) {
    case 'entity.parse.failed':
      return new ProblemError('JsonPayload', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new ProblemError('PayloadTooLarge', `The request body is larger than ${error.limit} bytes (counted after decompression).`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ProblemError('JsonPayload', 'The request body must be UTF-8 JSON.');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new ProblemError('JsonPayload', 'The request body could not be read.');
    default:
      // Any other client error raised while reading the body (a corrupt gzip stream, say).
      return error.status !== undefined && error.status >= 400 && error.status < 500
        ? new ProblemError('JsonPayload', 'The request body could not be read.')
        : null;
  }
}

/** The one place errors become responses: problem+json always, and never a 500 for bad input. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof ProblemError) return sendProblem(res, error);
    // Express could not percent-decode a path parameter: such a path names nothing.
    if (error instanceof URIError) return sendProblem(res, new ProblemError('NotFound', 'The path could not be decoded.'));
    const parserProblem = fromBodyParser(error as { type?: string });
    if (parserProblem) return sendProblem(res, parserProblem);
    if (isDatabaseUnavailable(error)) {
      logger.warn('http.dependency_unavailable', errorFields(error));
      return sendProblem(res, new ProblemError('ServiceUnavailable'));
    }
    logger.error('http.unhandled_error', errorFields(error));
    return sendProblem(res, new ProblemError('InternalServerError'));
  };
}

export const notFoundHandler: RequestHandler = (_req, res) => {
  sendProblem(res, new ProblemError('NotFound', 'No route matches this method and path.'));
};
