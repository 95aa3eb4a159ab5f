import { useEffect, useRef, useState } from 'react';
import { Button, Icon, Sheet } from '../ui/index.ts';
import { useT } from '../i18n/i18n.tsx';
import { ContextSwitcher } from '../features/context/context-switcher.tsx';
import { LowLiteracySwitch } from '../features/capture/low-literacy.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import type { NavGroup, NavGroupId, Shortcut } from './nav.ts';
import { Link, usePath } from './router.tsx';

/** Is this path one of the group's screens (or a page under one, e.g. a person's record)? */
function groupHolds(group: NavGroup, path: string): boolean {
  return group.screens.some((s) => path === s.to || path.startsWith(`${s.to}/`));
}

/**
 * The desktop navigation: Home, then one button per group opening its screens (a disclosure:
 * Tab and Enter, Escape closes and returns to the button, a click elsewhere closes).
 */
export function MainNav({ groups }: { groups: readonly NavGroup[] }) {
  const t = useT();
  const path = usePath();
  const [open, setOpen] = useState<NavGroupId | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const buttons = useRef(new Map<NavGroupId, HTMLButtonElement>());

  useEffect(() => setOpen(null), [path]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(null);
      buttons.current.get(open)?.focus();
    };
    const onFocus = (e: FocusEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  return (
    <nav className="mainnav" aria-label={t('app.mainNav')} ref={navRef}>
      <ul className="mainnav-bar">
        <li>
          <Link to="/" className="mainnav-top">
            {t('shell.home')}
          </Link>
        </li>
        {groups.map((g) => (
          <li key={g.id} className="mainnav-group">
            <button
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(g.id, el);
              }}
              className={groupHolds(g, path) ? 'mainnav-top is-current' : 'mainnav-top'}
              aria-expanded={open === g.id}
              aria-controls={`mainnav-${g.id}`}
              onClick={() => setOpen(open === g.id ? null : g.id)}
            >
              {t(g.label)}
              <Icon name="chevron-down" size={16} />
            </button>
            <ScreenLinks group={g} id={`mainnav-${g.id}`} className="mainnav-menu" hidden={open !== g.id} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The screens of a group, one link each (the desktop menu and the phone sheet). */
function ScreenLinks({ group, id, className, hidden }: { group: NavGroup; id?: string; className?: string; hidden?: boolean }) {
  const t = useT();
  return (
    <ul id={id} className={className} hidden={hidden}>
      {group.screens.map((s) => (
        <li key={s.to}>
          <Link to={s.to}>{t(s.label)}</Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * The phone navigation: a bottom bar with the few screens of field work, and "More" opening a
 * sheet with every group, the work context, the account, the language and logging out.
 */
export function PhoneNav({ groups, shortcuts, onSignOut, signingOut }: { groups: readonly NavGroup[]; shortcuts: readonly Shortcut[]; onSignOut: () => void; signingOut: boolean }) {
  const t = useT();
  const path = usePath();
  const [menuOpen, setMenuOpen] = useState(false);
  const moreRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => setMenuOpen(false), [path]);
  // Closing the sheet without going anywhere gives the focus back to "More" (once the sheet is gone).
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (!menuOpen && wasOpen.current && returnFocus) moreRef.current?.focus();
    wasOpen.current = menuOpen;
    if (!menuOpen) setReturnFocus(false);
  }, [menuOpen, returnFocus]);
  const current = shortcuts.find((s) => s.to === path);
  return (
    <>
      <nav className="bottombar" aria-label={t('nav.shortcuts')}>
        <ul>
          {shortcuts.map((s) => (
            <li key={s.to}>
              <Link to={s.to} className="bottombar-item">
                <Icon name={s.icon} />
                <span>{t(s.label)}</span>
              </Link>
            </li>
          ))}
          <li>
            <button type="button" ref={moreRef} className={current ? 'bottombar-item' : 'bottombar-item is-current'} aria-haspopup="dialog" aria-expanded={menuOpen} onClick={() => setMenuOpen(true)}>
              <Icon name="menu" />
              <span>{t('nav.more')}</span>
            </button>
          </li>
        </ul>
      </nav>
      {menuOpen ? (
        <Sheet
          title={t('nav.menu')}
          closeLabel={t('nav.close')}
          onClose={() => {
            setReturnFocus(true);
            setMenuOpen(false);
          }}
        >
          <nav className="sheetnav" aria-label={t('app.mainNav')}>
            {groups.map((g) => (
              <section key={g.id} aria-labelledby={`sheetnav-${g.id}`}>
                <h3 id={`sheetnav-${g.id}`} className="sheetnav-title">
                  {t(g.label)}
                </h3>
                <ScreenLinks group={g} />
              </section>
            ))}
          </nav>
          <div className="sheet-section">
            <ContextSwitcher />
          </div>
          <div className="sheet-section sheet-tools">
            <Link to="/account" className="sheet-link">
              {t('shell.account')}
            </Link>
            <LanguageSwitcher hideLabel={false} />
            <LowLiteracySwitch />
            <Button variant="secondary" busy={signingOut} onClick={onSignOut}>
              {t('shell.logout')}
            </Button>
          </div>
        </Sheet>
      ) : null}
    </>
  );
}
