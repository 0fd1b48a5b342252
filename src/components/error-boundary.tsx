import { Component, type ReactNode } from 'react';
import { type MessageKey, t } from '../i18n/index.ts';
import { isChunkLoadError } from './chunk-load-error.ts';

type PartOf<Key> = Key extends `boundary.part.${infer Part}` ? Part : never;
/** The parts of the console that fail alone (one `boundary.part.*` name each, said in the failure message). */
export type BoundaryPart = PartOf<MessageKey>;

const MAX_MESSAGE_LENGTH = 300;

function messageOf(error: unknown): string {
  let message: string;
  try {
    message = error instanceof Error ? error.message : String(error);
  } catch {
    message = 'unknown error'; // String() of an object without a prototype throws
  }
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
}

function Failure({ part, error, retry }: { part: BoundaryPart; error: unknown; retry: () => void }) {
  const name = t(`boundary.part.${part}`);
  // React.lazy keeps the failed import, so only a reload (with the new index.html) can bring a missing chunk.
  const missingChunk = isChunkLoadError(error);
  return (
    <section className="panel notice error" role="alert" data-boundary={part}>
      <p>{missingChunk ? t('boundary.newVersion', { part: name }) : t('boundary.failed', { part: name, message: messageOf(error) })}</p>
      <div className="buttons">
        {!missingChunk && (
          <button type="button" onClick={retry}>
            {t('boundary.retry')}
          </button>
        )}
        <button type="button" onClick={() => window.location.reload()}>
          {t('boundary.reload')}
        </button>
      </div>
    </section>
  );
}

interface Props {
  part: BoundaryPart;
  children: ReactNode;
  /** A new value (e.g. the route's path) clears the failure, so navigating away is a way out. */
  resetKey?: unknown;
}

type State = { failure?: { error: unknown }; resetKey: unknown };

/**
 * Keeps one failing part from unmounting the whole console (and the tokens held in memory above it):
 * the part is replaced by a message naming it, with "Try again" (render it afresh) and "Reload".
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { resetKey: props.resetKey, failure: undefined };
  }

  private readonly retry = () => this.setState({ failure: undefined });

  render() {
    const { failure } = this.state;
    if (failure) return <Failure part={this.props.part} error={failure.error} retry={this.retry} />;
    return this.props.children;
  }
}
