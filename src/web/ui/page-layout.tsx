import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Link } from '../app/router';
import { Button } from './button';

let isFirstPage = true;

/**
 * One screen: its title as the page's only h1. When a screen replaces another (after signing in, on a
 * link), focus moves to the title so a screen reader starts reading the new screen from the top.
 */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (isFirstPage) {
      isFirstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);
  return (
    <div className="page">
      <h1 className="page-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}

export interface TopBarProps {
  appName: string;
  language: { label: string; lang: string; onSwitch: () => void };
  signOut?: { label: string; onClick: () => void; busy: boolean } | undefined;
}

/** The app name, the language switch and sign-out: always in the same place on every screen. */
export function TopBar({ appName, language, signOut }: TopBarProps) {
  return (
    <header className="top-bar">
      <div className="top-bar-inner">
        <Link href="/" className="brand">
          {appName}
        </Link>
        <div className="top-bar-actions">
          <Button variant="quiet" className="on-dark" lang={language.lang} onClick={language.onSwitch}>
            {language.label}
          </Button>
          {signOut ? (
            <Button variant="quiet" className="on-dark" busy={signOut.busy} onClick={signOut.onClick}>
              {signOut.label}
            </Button>
          ) : null}
        </div>
      </div>
    </header>
  );
}

export function Section({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 className="section-title" id={id}>
        {title}
      </h2>
      {subtitle ? <p className="section-subtitle">{subtitle}</p> : null}
      <div className="stack">{children}</div>
    </section>
  );
}
