import { Link } from '../app/router';

/** Back to where the user came from in the app's tree: a plain link, above the title. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="back-link">
      <span aria-hidden="true" className="back-link-arrow">
        ‹
      </span>
      <span className="back-link-label">{label}</span>
    </Link>
  );
}
