import { textIn } from '@relais/core';
import { useApi } from '../../api/use-api.ts';
import { PrintActions, useAddressChoice } from '../../app/print-actions.tsx';
import { Alert, Loading, Page, Select } from '../../ui/index.ts';
import { I18nProvider, intlTag, useCatalogue, useI18n } from '../../i18n/i18n.tsx';
import { describeError } from '../../i18n/errors.ts';
import { dayNames, territoryName } from '../directory/directory-labels.ts';
import { useDirectoryVocab } from '../directory/use-directory-vocab.ts';
import { CircuitFlow } from './circuit-flow.tsx';
import { caseTypeLabel, posterHref, posterLocaleOf, posterSizeOf, revisionLine, type PosterLocale, type PosterSize } from './circuit-labels.ts';
import { getCircuit, type CircuitData } from './circuits-api.ts';
import './circuits.css';
import '../directory/directory-print.css';
import './circuit-poster.css';

const noop = () => undefined;

/**
 * A circuit's poster to print (A4 or A3 portrait): the flow with phones and opening hours, stale
 * entries marked, the revision and the day it was printed; in French or in Arabic (right to left),
 * the user's language first, another chosen on the page.
 */
export function PosterPage({ circuitId }: { circuitId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [{ size, lang }, chooseBoth] = useAddressChoice<{ size: PosterSize; lang: PosterLocale }>(
    () => ({ size: posterSizeOf(window.location.search), lang: posterLocaleOf(window.location.search, i18n.locale) }),
    (c) => posterHref(circuitId, c.size, c.lang),
  );
  const vocab = useDirectoryVocab();
  const circuit = useApi(() => getCircuit(circuitId), [circuitId]);
  const choose = (next: { size?: PosterSize; lang?: PosterLocale }) => chooseBoth({ size: next.size ?? size, lang: next.lang ?? lang });
  const c = circuit.data;
  const error = circuit.error ?? vocab.error;
  // The poster's language may not be hers: its catalogue is loaded first (ADR 0043).
  const isLangReady = useCatalogue(lang);
  return (
    <Page
      title={c ? t('circuits.posterTitle', { title: textIn(i18n.locale, c.title) }) : t('circuits.poster')}
      actions={<PrintActions backTo={`/circuits/${encodeURIComponent(circuitId)}`} backLabel={t('circuits.backToCircuit')} printLabel={t('circuits.print')} isReady={!!c && isLangReady} />}
    >
      <div className="circ-poster-tools">
        <Select label={t('circuits.size')} value={size} onChange={(v) => choose({ size: v === 'A3' ? 'A3' : 'A4' })} options={[{ value: 'A4', label: 'A4' }, { value: 'A3', label: 'A3' }]} />
        <Select
          label={t('circuits.posterLanguage')}
          value={lang}
          onChange={(v) => choose({ lang: v === 'ar' ? 'ar' : 'fr' })}
          options={(['fr', 'ar'] as const).map((l) => ({ value: l, label: t(`locale.${l}`), lang: l }))}
        />
      </div>
      {error ? <Alert tone="error">{describeError(i18n, error)}</Alert> : null}
      {(!c || !isLangReady) && !error ? <Loading label={t('app.loading')} /> : null}
      {c && isLangReady ? (
        <I18nProvider locale={lang} setLocale={noop}>
          <Poster c={c} size={size} lang={lang} terms={vocab.terms} />
        </I18nProvider>
      ) : null}
    </Page>
  );
}

function Poster({ c, size, lang, terms }: { c: CircuitData; size: PosterSize; lang: PosterLocale; terms: ReturnType<typeof useDirectoryVocab>['terms'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const title = textIn(lang, c.title);
  return (
    <article className="dir-print circ-poster" data-size={size} lang={lang} dir={i18n.dir} aria-label={title}>
      <header className="dir-print-head">
        <p className="dir-print-heading">{title}</p>
        <p>
          <bdi>{territoryName(c.territory.name, lang)}</bdi> · {caseTypeLabel(i18n, c.caseType)}
        </p>
        <p>{revisionLine(i18n, c.revision)}</p>
      </header>
      <CircuitFlow steps={c.revision.steps} days={dayNames(intlTag(lang))} terms={terms} label={t('circuits.flow')} />
      <footer className="circ-poster-foot">
        <p>{t('circuits.printedOn', { date: i18n.formatDate(new Date().toISOString()) })}</p>
      </footer>
    </article>
  );
}
