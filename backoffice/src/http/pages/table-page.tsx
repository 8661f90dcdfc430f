/** @jsx h */
import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { Layout, type PageContext } from './layout';

export interface Column<Row> {
  label: string;
  cell: (row: Row) => ComponentChildren;
}

/** A list page: filters on top, one table, an optional block under it (forms of the page's actions). */
export function TablePage<Row>(props: { context: PageContext; title: string; filters?: ComponentChildren; columns: Column<Row>[]; rows: Row[]; children?: ComponentChildren }) {
  return (
    <Layout context={props.context} title={props.title}>
      {props.filters && (
        <form method="get" class="filters" role="search">
          {props.filters}
          <button type="submit">{props.context.t.filter}</button>
        </form>
      )}
      {props.children}
      <table>
        <caption>{props.title}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col">{column.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {props.columns.map((column) => (
                <td>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

export function Filter(props: { name: string; label: string; value?: string; options?: readonly string[]; type?: string; anyLabel: string }) {
  return (
    <span class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      {props.options ? (
        <select id={`filter-${props.name}`} name={props.name}>
          <option value="">{props.anyLabel}</option>
          {props.options.map((option) => (
            <option selected={props.value === option}>{option}</option>
          ))}
        </select>
      ) : (
        <input id={`filter-${props.name}`} name={props.name} type={(props.type ?? 'text') as 'text'} value={props.value ?? ''} />
      )}
    </span>
  );
}
