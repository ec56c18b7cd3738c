import { describe, expect, it } from 'vitest';
import { hostOf, isLoopback } from '../../src/lib/loopback.ts';
import { addressedHere } from '../../src/serve/server.ts';

/**
 * The preview answers a page's requests only when they are addressed to this machine (against DNS rebinding), and
 * the editor writes only while the preview listens on this machine alone: both rest on telling loopback apart.
 */
describe('isLoopback', () => {
  it.each(['localhost', 'LOCALHOST', 'localhost.', '127.0.0.1', '127.1.2.3', '127.0.0.1.', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])('%s is this machine', (host) => {
    expect(isLoopback(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '10.0.0.1', '192.168.1.10', '::ffff:10.0.0.1', 'attacker.example', 'localhost.attacker.example', '127.0.0.1.attacker.example', ''])('%s is not', (host) => {
    expect(isLoopback(host)).toBe(false);
  });
});

describe('hostOf', () => {
  it.each([
    ['127.0.0.1:8080', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['LocalHost:80', 'localhost'],
    ['[::1]:8080', '[::1]'],
    ['[0:0:0:0:0:0:0:1]', '[::1]'],
  ])('%s names %s', (header, host) => {
    expect(hostOf(header)).toBe(host);
  });
  it.each(['attacker.example@127.0.0.1', '127.0.0.1/x', 'a b', '[::1', ''])('%j names no host', (header) => {
    expect(hostOf(header)).toBeNull();
  });
});

describe('addressedHere', () => {
  it('answers the names of this machine, whichever loopback address the preview listens on', () => {
    for (const listening of ['127.0.0.1', 'localhost', '::1']) {
      for (const header of ['127.0.0.1:8080', 'localhost:8080', 'localhost.:8080', '[::1]:8080', '127.0.0.1']) {
        expect(addressedHere(header, listening), `${header} on ${listening}`).toBe(true);
      }
    }
  });

  it('refuses other names while it listens on this machine alone, however the loopback address is spelled', () => {
    for (const listening of ['127.0.0.1', 'localhost', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      for (const header of ['attacker.example:8080', 'attacker.example', 'evil@127.0.0.1:8080', 'localhost.attacker.example']) {
        expect(addressedHere(header, listening), `${header} on ${listening}`).toBe(false);
      }
    }
  });

  it('answers any name on a network address, and a request without a Host', () => {
    expect(addressedHere('timeline.newsroom.example:8080', '0.0.0.0')).toBe(true);
    expect(addressedHere(undefined, '127.0.0.1')).toBe(true);
  });
});
