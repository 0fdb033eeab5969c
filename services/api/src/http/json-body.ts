import express, { type Request, type Response } from 'express';
import { ProblemError } from '@hook0/core';

export type JsonBodyReader = (req: Request, res: Response) => Promise<void>;

/**
 * Reads a JSON body into `req.body`, inflating `Content-Encoding: gzip, deflate or br`; the limit bounds the
 * decompressed size, and the decompression stops as soon as it is passed. Called by a route once its caller is
 * authenticated and rate-limited, never for a route that takes no body.
 */
export function jsonBodyReader(limitBytes: number): JsonBodyReader {
  const parse = express.json({ limit: limitBytes, type: 'application/json', strict: true });
  return (req, res) => {
    if (!req.is('application/json')) {
      return Promise.reject(new ProblemError('JsonPayload', "Content-Type header should be set to 'application/json'"));
    }
    return new Promise((resolve, reject) => parse(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
  };
}
