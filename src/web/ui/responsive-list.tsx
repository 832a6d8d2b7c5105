import type { ReactNode } from 'react';
import { useMediaQuery, WIDE_SCREEN } from './use-media-query';

export interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
}

/**
 * A table on a wide screen and a list of cards on a phone, from the same columns. The first column
 * names the row: the card's heading.
 */
export function ResponsiveList<R>({
  caption,
  columns,
  rows,
  rowKey,
  cardHeading: CardHeading = 'h3',
  cardTitle,
}: {
  /** The card's heading when the first cell alone would not say what it is (e.g. a bare key id). */
  cardTitle?: (row: R) => ReactNode;
  /** The heading level of each card's title on a phone, one below the list's own heading. */
  cardHeading?: 'h3' | 'h4';
  caption: string;
  columns: [Column<R>, ...Column<R>[]];
  rows: R[];
  rowKey: (row: R) => string;
}) {
  const wide = useMediaQuery(WIDE_SCREEN);
  const [first, ...rest] = columns;
  if (wide) {
    return (
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                <th scope="row">{first.cell(row)}</th>
                {rest.map((c) => (
                  <td key={c.header}>{c.cell(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <ul className="cards" aria-label={caption}>
      {rows.map((row) => (
        <li key={rowKey(row)} className="card">
          <CardHeading className="card-title">{(cardTitle ?? first.cell)(row)}</CardHeading>
          <dl className="card-fields">
            {rest.map((c) => (
              <div key={c.header} className="card-field">
                <dt>{c.header}</dt>
                <dd>{c.cell(row)}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
