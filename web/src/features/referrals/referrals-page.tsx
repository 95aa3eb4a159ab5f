import { useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import { Pager } from '../../app/pager.tsx';
import { ReadStatus } from '../../app/read-status.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { useCan } from '../../app/session.tsx';
import { Page } from '../../ui/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { receiverName } from './referral-labels.ts';
import { listReferrals, type ReferralBox, type ReferralData } from './referrals-api.ts';
import { StatusTags } from './status-tags.tsx';
import './referrals.css';
import { ReferralSettingsCard } from './referral-link.tsx';

const PAGE = 50;

/** "Orientations": the referrals received (the organisation's inbox) and those sent, one tab each, as the user's permissions open them. */
export function ReferralsPage() {
  const { t } = useI18n();
  const canReceive = useCan('referral.receive');
  const canSend = useCan('referral.send');
  const boxes: ReferralBox[] = [...(canReceive ? (['incoming'] as const) : []), ...(canSend ? (['outgoing'] as const) : [])];
  const [box, setBox] = useState<ReferralBox>(() => {
    const asked = new URLSearchParams(window.location.search).get('box');
    return asked === 'outgoing' || asked === 'incoming' ? asked : (boxes[0] ?? 'outgoing');
  });
  const [offset, setOffset] = useState(0);
  const list = useApi(() => listReferrals({ box, limit: PAGE, offset }), [box, offset]);
  const choose = (b: ReferralBox) => {
    setBox(b);
    setOffset(0);
    navigate(`/referrals?box=${b}`, { replace: true });
  };
  return (
    <Page title={t('referrals.title')} intro={t('referrals.intro')}>
      {boxes.length > 1 ? (
        <div className="ref-tabs" role="tablist" aria-label={t('referrals.title')}>
          {boxes.map((b) => (
            <button key={b} type="button" role="tab" id={`ref-tab-${b}`} aria-selected={box === b} aria-controls="ref-panel" className={box === b ? 'ref-tab ref-tab-on' : 'ref-tab'} onClick={() => choose(b)}>
              {t(`referrals.box.${b}`)}
            </button>
          ))}
        </div>
      ) : null}
      <section id="ref-panel" role={boxes.length > 1 ? 'tabpanel' : undefined} aria-labelledby={boxes.length > 1 ? `ref-tab-${box}` : undefined} aria-label={boxes.length > 1 ? undefined : t(`referrals.box.${box}`)}>
        {boxes.length > 1 ? null : <h2>{t(`referrals.box.${box}`)}</h2>}
        <ReadStatus of={list} />
        {list.data && list.data.items.length === 0 ? <p className="muted">{t(`referrals.none.${box}`)}</p> : null}
        {list.data?.items.length ? (
          <>
            <ul className="item-list ref-list" aria-label={t(`referrals.box.${box}`)}>
              {list.data.items.map((r) => (
                <ReferralItem key={r.id} r={r} box={box} />
              ))}
            </ul>
            {list.data.total > PAGE ? <Pager offset={offset} pageSize={PAGE} total={list.data.total} loading={list.loading} onOffset={setOffset} /> : null}
          </>
        ) : null}
      </section>
      <ReferralSettingsCard />
    </Page>
  );
}

function ReferralItem({ r, box }: { r: ReferralData; box: ReferralBox }) {
  const i18n = useI18n();
  const { t } = i18n;
  const who = box === 'incoming' ? t('referrals.fromLine', { from: r.from.name || r.from.code }) : t('referrals.toLine', { to: receiverName(r) });
  return (
    <li className="item ref-item">
      <div>
        <Link to={`/referrals/${encodeURIComponent(r.id)}`} aria-label={t('referrals.open', { reference: r.reference, who })}>
          <bdi>{who}</bdi>
        </Link>
        <p className="muted small">
          <bdi dir="ltr">{r.reference}</bdi> · {t('referrals.sentOn', { date: i18n.formatDate(r.sentOn) })}
          {r.person.code ? (
            <>
              {' · '}
              <bdi dir="ltr">{r.person.code}</bdi>
            </>
          ) : null}
        </p>
        {r.need ? (
          <p className="small">
            <bdi>{r.need}</bdi>
          </p>
        ) : null}
      </div>
      <StatusTags r={r} />
    </li>
  );
}
