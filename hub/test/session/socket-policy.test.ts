import { describe, expect, it } from 'vitest';
import { mayEmit, roomsFor } from '../../src/session/socket-policy.js';

describe('socket.io event policy', () => {
  it.each([
    [['operator'], 'subscribe.v1', true],
    [['analyst'], 'subscribe.v1', true],
    [['operator'], 'replay.v1', false],
    [[], 'subscribe.v1', false],
  ] as const)('roles %j sending %s → %s', (roles, event, allowed) => {
    expect(mayEmit(roles, event)).toBe(allowed);
  });

  it('sends metrics to operators and admins only, decisions to every role', () => {
    expect(roomsFor('metrics.v1')).toEqual(['role:operator', 'role:admin']);
    expect(roomsFor('decision.v1')).toHaveLength(4);
  });
});
