import { timingSafeEqual } from 'node:crypto';

export interface DemoUser {
  sub: string;
  username: string;
  password: string;
  name: string;
  email: string;
}

/** Seeded users of the local pool. Printed at start and listed in the README; never use them outside a laptop. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    sub: '5f0c2a8e-1d4b-4c7a-9e11-a11ce0000001',
    username: 'alice',
    password: 'alice-password',
    name: 'Alice Liddell',
    email: 'alice@example.com',
  },
  {
    sub: '8b7d3f21-6a9e-4f30-b2c4-b0b000000002',
    username: 'bob',
    password: 'bob-password',
    name: 'Bob Builder',
    email: 'bob@example.com',
  },
];

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function checkPassword(username: string, password: string): DemoUser | undefined {
  const user = DEMO_USERS.find((candidate) => candidate.username === username.trim());
  // Compare even for unknown users so a wrong username and a wrong password take the same path.
  const matches = sameText(user?.password ?? '\u0000', password);
  return user && matches ? user : undefined;
}

export function findUser(sub: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.sub === sub);
}

export function userClaims(user: DemoUser) {
  return {
    sub: user.sub,
    name: user.name,
    preferred_username: user.username,
    email: user.email,
    email_verified: true,
  };
}
