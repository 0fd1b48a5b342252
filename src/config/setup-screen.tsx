import { enSetup } from '../i18n/en-setup.ts';
import { addEnglish, t } from '../i18n/index.ts';
import type { ConfigProblem } from './schema.ts';
import './setup-screen.css';

addEnglish(enSetup);

const EXAMPLE = `{
  "OAUTH2_ISSUER_URI": "https://userpool-<id>.userpool.auth.id.cn-beijing.volces.com",
  "OAUTH2_CLIENT_ID": "<single-page app client id>",
  "AGENT_NAME": "My agent",
  "AGENT_ENDPOINT": "/agent"
}`;

function ProblemItem({ problem }: { problem: ConfigProblem }) {
  const redirectOrigin = problem.message === 'config.redirectOrigin' ? new URL(String(problem.params.value)).origin : undefined;
  return (
    <li>
      <code>{problem.key}</code>: {t(problem.message, problem.params)}
      {problem.hint && <> {t(problem.hint)}</>}
      {redirectOrigin && (
        <>
          {' '}
          <a href={`${redirectOrigin}${window.location.pathname}`}>{t('setup.openHere', { url: redirectOrigin })}</a>
        </>
      )}
    </li>
  );
}

/** Shown instead of the console whenever configuration is missing or wrong, so the page is never blank. */
export function SetupScreen({ problems }: { problems: ConfigProblem[] }) {
  return (
    <main className="setup" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <ul className="setup-problems">
        {problems.map((problem) => (
          <ProblemItem key={`${problem.key}:${problem.message}:${problem.params.value ?? problem.params.origin ?? ''}`} problem={problem} />
        ))}
      </ul>
      <p>{t('setup.howTo')}</p>
      <h2>{t('setup.example')}</h2>
      <pre>{EXAMPLE}</pre>
      <button type="button" onClick={() => window.location.reload()}>
        {t('setup.reload')}
      </button>
    </main>
  );
}
