import { describe, expect, it } from 'vitest';
import { outputFailure, systemCause } from '../../src/build/output-failure.ts';

/** Issue 18: a full or read-only disk is named, wherever the wrapping layers put the system error. */
const sys = (code: string, path = '/srv/site/._out-build-1-abc/index.html') => Object.assign(new Error(`${code}: failed`), { code, path });

describe('systemCause', () => {
  it.each([
    ['the error itself', sys('ENOSPC'), 'ENOSPC'],
    ['under `cause`', new Error('write failed', { cause: sys('EROFS') }), 'EROFS'],
    ["under Eleventy's `originalError`", Object.assign(new Error('Having trouble writing to "_site/index.html"'), { originalError: sys('EACCES') }), 'EACCES'],
    ['in an AggregateError', new AggregateError([new Error('other'), sys('EDQUOT')]), 'EDQUOT'],
    ['two layers down', Object.assign(new Error('outer'), { originalError: new Error('inner', { cause: sys('EPERM') }) }), 'EPERM'],
  ])('finds it %s', (_, error, code) => {
    expect(systemCause(error)?.code).toBe(code);
  });

  it.each([
    ['a plain error', new Error('bug')],
    ['a code it does not know', sys('ENOENT')],
    ['a string', 'ENOSPC'],
  ])('finds none in %s', (_, error) => {
    expect(systemCause(error)).toBeNull();
  });
});

describe('outputFailure', () => {
  it('names the cause, the path and the code, and says the site is as it was', () => {
    const failure = outputFailure(Object.assign(new Error('wrapped'), { originalError: sys('ENOSPC') }), '_site');
    expect(failure?.code).toBe('ENOSPC');
    expect(failure?.message).toBe(
      'Could not write the site to _site/: the disk is full (/srv/site/._out-build-1-abc/index.html), ENOSPC. Nothing was replaced; _site/ is as it was. Free space or fix the folder\'s permissions, then build again.',
    );
  });

  it('leaves other errors alone', () => {
    expect(outputFailure(new TypeError('x is undefined'), '_site')).toBeNull();
  });
});
