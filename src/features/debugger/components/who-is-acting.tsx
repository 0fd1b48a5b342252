import { td } from '../../../i18n/debugger.ts';
import { type Actor, delegationOf } from '../delegation.ts';

function actorName(actor: Actor): string {
  return actor.sub ?? td('actorNoSub');
}

function roleText(actor: Actor): string {
  const role = td(actor.role === 'subject' ? 'actorSubject' : actor.role === 'current' ? 'actorCurrent' : 'actorPrior');
  return actor.clientId ? td('actorWithClient', { role, client: actor.clientId }) : role;
}

/**
 * Who the token is about and who acts for them (`act`, nested), and whether the `user_id` header the console sends
 * with its own calls names the same user as the token's `sub`: in identity mode the runtime binds the user to `sub`.
 */
export function WhoIsActing({ payload, userIdHeader }: { payload: Record<string, unknown>; userIdHeader?: string }) {
  const chain = delegationOf(payload);
  const sub = Object.hasOwn(payload, 'sub') && typeof payload.sub === 'string' ? payload.sub : undefined;
  if (!chain && userIdHeader === undefined) return null;
  return (
    <section aria-labelledby="acting-title" className="acting">
      <h3 id="acting-title">{td('actingTitle')}</h3>
      {chain && (
        <>
          <p className="chain-line" data-testid="delegation-chain">
            {chain.actors.map(actorName).join(' → ')}
          </p>
          <ol aria-label={td('chainLabel')}>
            {chain.actors.map((actor, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the chain is read once per token; positions are its identity
              <li key={index}>
                <code>{actorName(actor)}</code> {roleText(actor)}
                {index === 0 && chain.cut && <span className="meta"> {td('chainCut')}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      {userIdHeader !== undefined &&
        (userIdHeader === sub ? (
          <p className="meta">{td('userIdMatches', { userId: userIdHeader })}</p>
        ) : (
          <p className="notice warn" data-testid="user-id-warning">
            {sub === undefined ? td('userIdNoSub', { userId: userIdHeader }) : td('userIdDiffers', { userId: userIdHeader, sub })}
          </p>
        ))}
    </section>
  );
}
