import { useId, type ReactNode } from 'react';
import { CARE_BY_CLINIC, semesterRates, semesterSections, type SemesterReport } from '@relais/core';
import { intlTag, useI18n, type I18n } from '../../i18n/i18n.tsx';
import { programLabel } from '../../i18n/labels.ts';
import { formatDay } from '../capture/service-labels.ts';
import { indicatorLabel, numberFormats, periodLabel, type NumberFormats } from './report-labels.ts';

/** A code of the typology in words (the organisation's own codes as they are; `''`: not recorded). */
function typologyLabel(i18n: I18n, list: 'violence_family' | 'violence_type', code: string): string {
  if (code === '') return i18n.t('reports.notRecorded');
  const key = `${list}.${code}`;
  return i18n.has(key) ? i18n.t(key) : code;
}

/** A domain of change in words (an organisation's own domain as its code). */
function domainLabel(i18n: I18n, code: string): string {
  const key = `change_domain.${code}`;
  return i18n.has(key) ? i18n.t(key) : code;
}

/** One section of the report: its title and what it holds (a landmark a reader can jump to). */
function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="semester-section" aria-labelledby={id}>
      <h2 id={id} className="semester-section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A figure in words: 0 when nothing was counted; a rate over nobody (no case open at the start) a dash. */
function figureText(value: number | null | undefined, rate: boolean, formats: NumberFormats): string {
  if (value === null || value === undefined) return rate ? '—' : formats.count(0);
  return formats.value(value, rate);
}

/** The figures of a section: each indicator's words and its number (0 when nothing was counted). */
function Figures({ codes, report, formats }: { codes: readonly string[]; report: SemesterReport; formats: NumberFormats }) {
  const i18n = useI18n();
  return (
    <table className="semester-figures">
      <tbody>
        {codes.map((code) => (
          <tr key={code}>
            <th scope="row">{indicatorLabel(i18n, code)}</th>
            <td className="num semester-number">{figureText(report.figures[code], semesterRates.has(code), formats)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Survivors cared for at each clinic, the largest first. */
function Clinics({ report, formats }: { report: SemesterReport; formats: NumberFormats }) {
  const { t } = useI18n();
  if (report.clinics.length === 0) return <p className="field-hint">{t('semester.care.none')}</p>;
  return (
    <table className="semester-table">
      <caption>{t('semester.care.byClinic')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('semester.care.clinic')}</th>
          <th scope="col" className="num">
            {t('semester.care.persons')}
          </th>
        </tr>
      </thead>
      <tbody>
        {report.clinics.map((c) => (
          <tr key={c.code}>
            <th scope="row">
              <bdi>{c.name}</bdi>
            </th>
            <td className="num">{formats.count(c.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The violence typology: each family with its share of the cases opened, its types under it. */
function Typology({ report, formats }: { report: SemesterReport; formats: NumberFormats }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { typology } = report;
  return (
    <>
      {typology.total === 0 ? <p className="field-hint">{t('semester.typology.none')}</p> : null}
      <table className="semester-table semester-typology">
        <caption className="visually-hidden">{t('semester.section.typology')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('semester.typology.violence')}</th>
            <th scope="col" className="num">
              {t('semester.typology.cases')}
            </th>
            <th scope="col" className="num">
              {t('semester.typology.share')}
            </th>
          </tr>
        </thead>
        {typology.families.map((f) => (
          <tbody key={f.family}>
            <tr className="semester-family">
              <th scope="row">{typologyLabel(i18n, 'violence_family', f.family)}</th>
              <td className="num">{formats.count(f.count)}</td>
              <td className="num">{formats.percent(f.share)}</td>
            </tr>
            {f.types.map((ty) => (
              <tr key={ty.type} className="semester-type">
                <th scope="row">{typologyLabel(i18n, 'violence_type', ty.type)}</th>
                <td className="num">{formats.count(ty.count)}</td>
                <td className="num">{formats.percent(ty.share)}</td>
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <th scope="row">{t('semester.typology.total')}</th>
            <td className="num">{formats.count(typology.total)}</td>
            <td className="num">{formats.percent(typology.total > 0 ? 1 : 0)}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}

/** The stories chosen in the semester's rounds: their domain of change and the anonymised text. */
function Stories({ report }: { report: SemesterReport }) {
  const i18n = useI18n();
  if (report.stories.length === 0) return <p className="field-hint">{i18n.t('semester.stories.none')}</p>;
  return (
    <ul className="semester-stories">
      {report.stories.map((s) => (
        <li key={s.storyId}>
          <p className="semester-story-domain">{domainLabel(i18n, s.domain)}</p>
          <blockquote dir="auto">{s.anonymisedText}</blockquote>
        </li>
      ))}
    </ul>
  );
}

/**
 * The report as the donor receives it: a head (program, semester and its dates, unit), then the
 * sections of figures, care by clinic, the typology, the selected stories. One column; prints on A4.
 */
export function SemesterReportView({ report, printedOn, busy = false }: { report: SemesterReport; printedOn: string; busy?: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const formats = numberFormats(i18n.locale);
  const tag = intlTag(i18n.locale);
  const dates = t('semester.dates', { from: formatDay(tag, report.from, 'long'), to: formatDay(tag, report.to, 'long') });
  return (
    <article className="semester-report" aria-busy={busy}>
      <header className="semester-head">
        {report.organisation ? (
          <p className="semester-organisation">
            <bdi>{report.organisation}</bdi>
          </p>
        ) : null}
        <p className="semester-heading">{t('semester.heading', { program: programLabel(t, report.program), period: periodLabel(i18n, report.period) })}</p>
        <p>{dates}</p>
        <p>
          {t('semester.unit')}
          {i18n.locale === 'fr' ? ' : ' : ': '}
          <bdi>{report.unit ? report.unit.name : t('semester.unit.all')}</bdi>
        </p>
        <p className="print-only">{t('semester.printedOn', { day: formatDay(tag, printedOn, 'long') })}</p>
      </header>
      {semesterSections.map((s) => (
        <Section key={s.id} title={t(`semester.section.${s.id}`)}>
          <Figures codes={s.lines} report={report} formats={formats} />
          {s.lines.some((c) => c === CARE_BY_CLINIC) ? <Clinics report={report} formats={formats} /> : null}
        </Section>
      ))}
      <Section title={t('semester.section.typology')}>
        <Typology report={report} formats={formats} />
      </Section>
      <Section title={t('semester.section.stories')}>
        <Stories report={report} />
      </Section>
    </article>
  );
}
