import { Readable } from 'node:stream';
import { encodeBody, normalizeHeaders, readCapped } from './response-capture';

describe('readCapped', () => {
  it('reads a body under the cap entirely', async () => {
    const captured = await readCapped(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 10, new AbortController().signal);
    expect(captured).toEqual({ bytes: Buffer.from('abcd'), truncated: false });
  });

  it('stops at the cap and destroys the stream', async () => {
    const stream = Readable.from([Buffer.from('abc'), Buffer.from('defgh'), Buffer.from('ijk')]);
    const captured = await readCapped(stream, 5, new AbortController().signal);
    expect(captured).toEqual({ bytes: Buffer.from('abcde'), truncated: true });
    expect(stream.destroyed).toBe(true);
  });

  it('keeps nothing with a cap of 0', async () => {
    const captured = await readCapped(Readable.from([Buffer.from('abc')]), 0, new AbortController().signal);
    expect(captured.bytes).toHaveLength(0);
  });

  it('fails when the signal aborts while reading', async () => {
    const stream = new Readable({ read() {} });
    const controller = new AbortController();
    const reading = readCapped(stream, 100, controller.signal);
    stream.push(Buffer.from('partial'));
    controller.abort();
    await expect(reading).rejects.toThrow('aborted');
  });
});

describe('encodeBody', () => {
  it('keeps valid UTF-8 as text', () => {
    expect(encodeBody({ bytes: Buffer.from('caf\u00e9 \u2713'), truncated: false })).toBe('caf\u00e9 \u2713');
  });

  it('stores invalid UTF-8 and NUL bytes as base64', () => {
    expect(encodeBody({ bytes: Buffer.from([0xff, 0xfe]), truncated: false })).toBe('//4=');
    expect(encodeBody({ bytes: Buffer.from([0x61, 0x00]), truncated: false })).toBe('YQA=');
  });

  it('drops a character cut in half by the cap instead of falling back to base64', () => {
    const cut = Buffer.from('ab\u2713').subarray(0, 4);
    expect(encodeBody({ bytes: cut, truncated: true })).toBe('ab');
  });
});

describe('normalizeHeaders', () => {
  it('lower-cases names and joins repeated values', () => {
    expect(normalizeHeaders({ 'Content-Type': 'text/plain', 'set-cookie': ['a=1', 'b=2'], 'x-n': 3, gone: undefined })).toEqual({
      'content-type': 'text/plain',
      'set-cookie': 'a=1, b=2',
      'x-n': '3',
    });
  });
});
