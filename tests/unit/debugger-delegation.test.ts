import { describe, expect, it } from 'vitest';
import { delegationOf, MAX_ACTORS } from '../../src/features/debugger/delegation.ts';

describe('the delegation chain of a token', () => {
  it('runs from the user to the current actor: the outermost act acts now, nested ones acted before', () => {
    const chain = delegationOf({ sub: 'alice', act: { sub: 'tool', act: { sub: 'agent', client_id: 'agent-app' } } });
    expect(chain).toEqual({
      actors: [
        { role: 'subject', sub: 'alice' },
        { role: 'prior', sub: 'agent', clientId: 'agent-app' },
        { role: 'current', sub: 'tool' },
      ],
      cut: false,
    });
    expect(delegationOf({ sub: 'alice' })).toBeUndefined();
  });

  it('reads untrusted nesting with bounds: too deep, not an object, no sub, prototype names', () => {
    let act: Record<string, unknown> = { sub: 'first' };
    for (let level = 0; level < 10_000; level++) act = { sub: `actor-${level}`, act };
    const deep = delegationOf({ sub: 'alice', act });
    expect(deep?.cut).toBe(true);
    expect(deep?.actors).toHaveLength(MAX_ACTORS + 1);
    expect(deep?.actors.at(-1)).toEqual({ role: 'current', sub: 'actor-9999' });

    expect(delegationOf({ sub: 'alice', act: 'agent' })).toEqual({ actors: [{ role: 'subject', sub: 'alice' }], cut: true });
    expect(delegationOf({ act: { client_id: 'x' } })?.actors).toEqual([{ role: 'subject' }, { role: 'current', clientId: 'x' }]);
    const inherited = delegationOf(JSON.parse('{"sub": "alice", "act": {"__proto__": {"sub": "ghost"}}}'));
    expect(inherited?.actors).toEqual([{ role: 'subject', sub: 'alice' }, { role: 'current' }]);
  });
});
