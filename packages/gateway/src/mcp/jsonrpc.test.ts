import { describe, expect, it } from 'vitest';
import { REFUSALS } from '../base/errors.ts';
import { errorResponse, parseMessage, resultResponse } from './jsonrpc.ts';

const parse = (s: string) => parseMessage(Buffer.from(s));

describe('parseMessage', () => {
  it('classifies requests, notifications and responses', () => {
    expect(parse('{"jsonrpc":"2.0","id":7,"method":"ping"}')).toMatchObject({ kind: 'request', id: 7, idJson: '7', method: 'ping', paramsError: null });
    expect(parse('{"jsonrpc":"2.0","id":"a\\"b","method":"ping"}')).toMatchObject({ kind: 'request', idJson: '"a\\"b"' });
    expect(parse('{"jsonrpc":"2.0","method":"notifications/initialized"}')).toEqual({ kind: 'notification', method: 'notifications/initialized' });
    expect(parse('{"jsonrpc":"2.0","id":1,"result":{}}')).toEqual({ kind: 'response' });
  });

  it('refuses malformed JSON, batches and bad envelopes', () => {
    expect(parse('{"jsonrpc":')).toBe(REFUSALS.parseError);
    expect(parse('[{"jsonrpc":"2.0","id":1,"method":"ping"}]')).toBe(REFUSALS.batchRejected);
    expect(parse('{"id":1,"method":"ping"}')).toBe(REFUSALS.invalidRequest);
    expect(parse('{"jsonrpc":"2.0","id":null,"method":"ping"}')).toBe(REFUSALS.invalidRequest);
    expect(parse('{"jsonrpc":"2.0","id":1.5,"method":"ping"}')).toBe(REFUSALS.invalidRequest);
    expect(parse('"just a string"')).toBe(REFUSALS.invalidRequest);
  });

  it('flags non-object params', () => {
    expect(parse('{"jsonrpc":"2.0","id":1,"method":"tools/list","params":[1]}')).toMatchObject({ kind: 'request', paramsError: 'Invalid params: params must be an object' });
  });

  it('parse error body has id null', () => {
    expect(JSON.parse(REFUSALS.parseError.body.toString())).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
  });
});

describe('responses', () => {
  it('splices serialized results and errors', () => {
    expect(JSON.parse(resultResponse('"x"', '{"a":1}'))).toEqual({ jsonrpc: '2.0', id: 'x', result: { a: 1 } });
    expect(JSON.parse(errorResponse('3', -32601, 'Method not found'))).toEqual({ jsonrpc: '2.0', id: 3, error: { code: -32601, message: 'Method not found' } });
  });
});
