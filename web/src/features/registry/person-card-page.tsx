import { useMemo } from 'react';
import { renderSVG } from 'uqr';
import { personCardPayload } from '@relais/core';
import { getBeneficiary } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { PrintActions } from '../../app/print-actions.tsx';
import { LoadedPage } from '../../app/read-status.tsx';
import { useSession } from '../../app/session.tsx';
import { Alert, Page } from '../../ui/index.ts';
import { useChunkT } from '../../i18n/i18n.tsx';
import { cardPageStrings } from './person-card-page.i18n.ts';
import './person-card.css';

/**
 * A person's card to print and give her (ADR 0041): her code unique in large type, its QR code
 * and the organisation's name — nothing else about her (no name, no phone, no status), so that a
 * lost card tells a stranger nothing. A peer educator scans it to find her at the next contact.
 */
export function PersonCardPage({ beneficiaryId }: { beneficiaryId: string }) {
  const t = useChunkT(cardPageStrings);
  const organisation = useSession().me.organisation;
  const record = useApi(() => getBeneficiary(beneficiaryId), [beneficiaryId]);
  const back = `/beneficiaries/${encodeURIComponent(beneficiaryId)}`;
  return (
    <LoadedPage of={record} title={t('card.titleUnknown')} actions={null}>
      {(b) => (
        <Page
          title={t('card.title', { code: b.code })}
          intro={t('card.intro')}
          actions={<PrintActions backTo={back} backLabel={t('card.back')} printLabel={t('card.print')} isReady={!b.mergedInto && !b.erasedAt} />}
        >
          {b.mergedInto || b.erasedAt ? (
            <Alert tone="warning">{t('card.noCard')}</Alert>
          ) : (
            <PersonCard organisationCode={organisation.code} organisationName={organisation.name} code={b.code} />
          )}
        </Page>
      )}
    </LoadedPage>
  );
}

function PersonCard({ organisationCode, organisationName, code }: { organisationCode: string; organisationName: string; code: string }) {
  const t = useChunkT(cardPageStrings);
  // Error correction Q: the card survives a fold or a stain in a pocket (a quarter of the code may be lost).
  const src = useMemo(() => `data:image/svg+xml,${encodeURIComponent(renderSVG(personCardPayload(organisationCode, code), { ecc: 'Q', border: 2, pixelSize: 8 }))}`, [organisationCode, code]);
  return (
    <div className="person-card-sheet print-doc">
      <article className="person-card" aria-label={t('card.label', { code })}>
        <p className="person-card-org">
          <bdi>{organisationName}</bdi>
        </p>
        <img className="person-card-qr" src={src} alt={t('card.qrAlt', { code })} />
        <p className="person-card-code code" dir="ltr">
          {code}
        </p>
      </article>
    </div>
  );
}
